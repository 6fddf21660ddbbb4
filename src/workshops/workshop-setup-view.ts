import { cardView, type CardView } from '../cards/card-view';
import type { ThemeCatalog } from '../content/themes';
import { UserFacingError } from '../core/errors';
import type { Locale } from '../core/locale';
import type { Translate } from '../core/translator';
import { closingTime, defaultVotesPerPerson, type Workshop, type WorkshopPrompt } from './workshop';
import { workshopSetupCard, type WorkshopSetupCardData } from './workshop-cards';
import type { WorkshopTemplates } from './workshop-templates';

export interface SetupViewContext {
  readonly t: Translate;
  readonly locale: Locale;
  readonly templates: WorkshopTemplates;
  readonly themes: ThemeCatalog;
  readonly refreshUserIds: readonly string[];
  readonly notice: string;
}

/** What the facilitator chose on the setup card. */
export interface SetupChoices {
  readonly prompt: WorkshopPrompt;
  readonly anonymous: boolean;
  readonly hiddenUntilReveal: boolean;
  readonly multipleAnswers: boolean;
  readonly closesAt: Date | undefined;
  readonly votesPerPerson: number;
}

const maxCustomPrompt = 300;

/** The setup form for the facilitator; everyone else sees who is preparing a prompt (or that it was cancelled). */
export function setupCardView(workshop: Workshop, canEdit: boolean, context: SetupViewContext): CardView<WorkshopSetupCardData> {
  const { t, locale, templates, themes } = context;
  const name = workshop.facilitatorName;
  const intro =
    workshop.phase === 'cancelled' ? t('workshops.setup.cancelled') : canEdit ? t('workshops.setup.intro', { name }) : t('workshops.setup.waiting', { name });
  return cardView(workshopSetupCard, {
    workshopId: workshop.id,
    refreshUserIds: context.refreshUserIds,
    title: t('workshops.setup.title'),
    intro,
    notice: context.notice,
    canEdit,
    templateLabel: t('workshops.setup.templateLabel'),
    templateChoices: templates.all.map((template) => ({
      title: t('workshops.setup.templateChoice', { theme: themes.text(template.theme, locale).shortName, title: template[locale].title }),
      value: template.id,
    })),
    customLabel: t('workshops.setup.customLabel'),
    customPlaceholder: t('workshops.setup.customPlaceholder'),
    anonymousTitle: t('workshops.setup.anonymous'),
    hiddenTitle: t('workshops.setup.hidden'),
    multipleTitle: t('workshops.setup.multiple'),
    closesLabel: t('workshops.setup.closes'),
    votesLabel: t('workshops.setup.votes'),
    votesChoices: [1, 2, 3, 4, 5].map((count) => ({ title: String(count), value: String(count) })),
    votesValue: String(defaultVotesPerPerson),
    postTitle: t('workshops.setup.post'),
    cancelTitle: t('workshops.setup.cancel'),
  });
}

const flag = (value: unknown, fallback: boolean): boolean => (value === undefined || value === '' ? fallback : value === true || value === 'true');
const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** Reads the setup inputs; a typed prompt wins over a chosen template. Throws UserFacingError. */
export function parseSetup(data: Readonly<Record<string, unknown>>, templates: WorkshopTemplates, timeZone: string | undefined, now: Date): SetupChoices {
  const custom = text(data.customPrompt);
  if (custom.length > maxCustomPrompt) throw new UserFacingError('errors.tooLong', { max: maxCustomPrompt });
  const template = custom ? undefined : templates.find(text(data.template));
  if (!custom && !template) throw new UserFacingError('workshops.errors.choosePrompt');
  const prompt: WorkshopPrompt = template ? { templateId: template.id, theme: template.theme, form: template.answerForm } : { custom, form: 'free-text' };
  const closesText = text(data.closesAt);
  const closesAt = closesText ? closingTime(closesText, timeZone, now) : undefined;
  if (closesText && !closesAt) throw new UserFacingError('workshops.errors.closingTime');
  const votes = Number(text(data.votesPerPerson) || defaultVotesPerPerson);
  return {
    prompt,
    anonymous: flag(data.anonymous, true),
    hiddenUntilReveal: flag(data.hiddenUntilReveal, true),
    multipleAnswers: flag(data.multipleAnswers, false),
    closesAt,
    votesPerPerson: Number.isInteger(votes) && votes >= 1 && votes <= 5 ? votes : defaultVotesPerPerson,
  };
}
