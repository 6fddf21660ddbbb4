import type { Capability, MenuEntry } from '../core/capability';
import { cardView, type CardView } from '../cards/card-view';
import type { Locale } from '../core/locale';
import { cardReply, textReply, type ActionOutcome, type Reply } from '../core/reply';
import type { Translate, Translator } from '../core/translator';
import type { ConversationKind, Turn } from '../core/turn';
import type { CardButton } from '../cards/card-parts';
import { helpCard, welcomeCard } from './home-cards';
import type { UserSettingsRepository } from './user-settings';

const languageWords: Readonly<Record<string, Locale>> = {
  sv: 'sv', svenska: 'sv', swedish: 'sv', en: 'en', english: 'en', engelska: 'en',
};

// Practice and role-play are what most people come for, so the help card starts with them.
const firstCommands = ['practice', 'roleplay'];
const rankOf = (id: string): number => (firstCommands.includes(id) ? firstCommands.indexOf(id) : firstCommands.length);

/** The first things a person sees: welcome, help, language choice and the answer to an unknown command. */
export class HomeService {
  /** The plain help card per kind of chat and language: the capabilities and their words are fixed once the app runs. */
  private readonly helpViews = new Map<string, CardView>();

  constructor(
    private readonly capabilities: () => readonly Capability[],
    private readonly settings: UserSettingsRepository,
    private readonly translator: Translator,
  ) {}

  welcome(turn: Turn): Reply {
    const { t } = turn;
    return cardReply(
      cardView(welcomeCard, {
        title: t('home.welcome.title'),
        intro: t(`home.welcome.intro.${turn.conversation.kind}`),
        roles: (['staff', 'managers', 'facilitators'] as const).map((role) => ({
          heading: t(`home.roles.${role}.heading`),
          text: t(`home.roles.${role}.text`),
        })),
        buttons: this.buttons(turn.conversation.kind, t),
        footnote: t('home.welcome.footnote'),
      }),
    );
  }

  /** "hello" or "what can you do?": a short friendly line pointing at practice and role-play, not the whole command card. */
  greeting(turn: Turn): Reply {
    return textReply(turn.t(`home.greeting.${turn.conversation.kind}`));
  }

  help(turn: Turn, locale: Locale = turn.locale, notice = ''): Reply {
    return cardReply(this.helpView(turn.conversation.kind, locale, notice));
  }

  helpCardView(turn: Turn): CardView {
    return this.helpView(turn.conversation.kind, turn.locale, '');
  }

  unknown(turn: Turn): readonly Reply[] {
    return [this.help(turn, turn.locale, turn.t('home.unknown'))];
  }

  wrongScope(turn: Turn): readonly Reply[] {
    return [textReply(turn.t(`home.wrongScope.${turn.conversation.kind}`))];
  }

  async chooseLanguage(turn: Turn, argument: string): Promise<readonly Reply[]> {
    const locale = languageWords[argument.trim().toLowerCase()];
    if (!locale) return [textReply(turn.t('home.language.usage'))];
    await this.settings.update(turn.actor.userKey, { locale });
    return [textReply(this.translator.translate(locale, 'home.language.changed'))];
  }

  /** The help card's language button: stores the choice and redraws the same card in that language. */
  async switchLanguageFromCard(turn: Turn, locale: Locale): Promise<ActionOutcome> {
    await this.settings.update(turn.actor.userKey, { locale });
    const notice = this.translator.translate(locale, 'home.language.changed');
    return { update: this.helpView(turn.conversation.kind, locale, notice) };
  }

  async describeSettings(userKey: string, turn: Turn): Promise<{ heading: string; lines: string[] } | undefined> {
    const settings = await this.settings.get(userKey);
    const lines = [
      ...(settings.locale ? [turn.t('home.data.language', { language: turn.t(`home.language.names.${settings.locale}`) })] : []),
      ...(settings.timeZone ? [turn.t('home.data.timeZone', { zone: settings.timeZone })] : []),
    ];
    return lines.length > 0 ? { heading: turn.t('home.data.heading'), lines } : undefined;
  }

  private helpView(kind: ConversationKind, locale: Locale, notice: string): CardView {
    if (notice) return this.buildHelpView(kind, locale, notice);
    const key = `${kind}/${locale}`;
    const built = this.helpViews.get(key) ?? this.buildHelpView(kind, locale, '');
    this.helpViews.set(key, built);
    return built;
  }

  private buildHelpView(kind: ConversationKind, locale: Locale, notice: string): CardView {
    const t = this.translator.forLocale(locale);
    const commands = this.capabilities()
      .flatMap((capability) => capability.commands)
      .filter((command) => command.scopes.includes(kind) && command.id !== 'greeting')
      .sort((a, b) => rankOf(a.id) - rankOf(b.id))
      .map((command) => ({ command: t(command.help.usageKey), description: t(command.help.descriptionKey) }));
    const otherLocale: Locale = locale === 'sv' ? 'en' : 'sv';
    return cardView(helpCard, {
      title: t('home.help.title'),
      intro: t(`home.help.intro.${kind}`),
      notice,
      commandsHeading: t('home.help.commandsHeading'),
      commands,
      buttons: [
        ...this.buttons(kind, t).filter((button) => button.verb !== 'home.help'),
        { title: t('home.language.switchTo', { language: t(`home.language.names.${otherLocale}`) }), verb: `home.language.${otherLocale}` },
      ],
    });
  }

  private buttons(kind: ConversationKind, t: Translate): CardButton[] {
    return this.capabilities()
      .flatMap((capability) => capability.menu)
      .filter((entry: MenuEntry) => entry.scopes.includes(kind))
      .map((entry) => ({ title: t(entry.titleKey), verb: entry.verb }));
  }
}
