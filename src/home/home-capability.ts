import type { Capability } from '../core/capability';
import { locales } from '../core/locale';
import { helpCard, welcomeCard } from './home-cards';
import type { HomeService } from './home-service';
import type { Turn } from '../core/turn';

/** Help, language and the way in to everything else. */
export function homeCapability(home: HomeService): Capability {
  const everywhere = ['personal', 'groupChat', 'channel'] as const;
  return {
    id: 'home',
    commands: [
      {
        id: 'help',
        words: ['help', 'hjälp', 'hjalp', '?', 'start', 'menu', 'meny'],
        scopes: everywhere,
        help: { usageKey: 'home.commands.help.usage', descriptionKey: 'home.commands.help.description' },
        run: async (turn) => [home.help(turn)],
      },
      {
        id: 'greeting',
        words: ['hi', 'hello', 'hey', 'hej', 'hallå', 'tjena', 'what can you do', 'what do you do', 'vad kan du göra', 'vad kan du', 'vad gör du'],
        scopes: everywhere,
        help: { usageKey: 'home.commands.greeting.usage', descriptionKey: 'home.commands.greeting.description' },
        run: async (turn) => [home.greeting(turn)],
      },
      {
        id: 'language',
        words: ['language', 'språk', 'sprak', 'lang'],
        scopes: everywhere,
        help: { usageKey: 'home.commands.language.usage', descriptionKey: 'home.commands.language.description' },
        run: (turn, argument) => home.chooseLanguage(turn, argument),
      },
    ],
    actions: [
      { verb: 'home.help', run: async (turn) => ({ update: home.helpCardView(turn) }) },
      ...locales.map((locale) => ({
        verb: `home.language.${locale}`,
        run: (turn: Turn) => home.switchLanguageFromCard(turn, locale),
      })),
    ],
    menu: [
      { titleKey: 'home.menu.help', descriptionKey: 'home.menu.helpDescription', verb: 'home.help', scopes: everywhere },
    ],
    cardTemplates: [welcomeCard, helpCard],
    personalData: { describe: (userKey, turn) => home.describeSettings(userKey, turn) },
  };
}
