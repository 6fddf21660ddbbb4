import { cardTemplate, cardView, type CardView } from '../../cards/card-view';
import { escapeCardMarkdown } from '../../collect';
import type { ThemeCatalog } from '../../content/themes';
import type { Locale } from '../../core/locale';
import type { Translate } from '../../core/translator';
import type { Pledge } from './pledges';
import type { CardChoice } from '../../cards/card-parts';

/** The exercises verb that starts a scenario of a given theme in a new message (data { verb, theme }). */
export const practiseVerb = 'exercises.practise';

/** The week-later card in the person's 1:1 chat: their pledge, a practice button and "how did it go?". */
export interface PledgeFollowUpCardData {
  readonly pledgeId: string;
  readonly title: string;
  readonly themeLine: string;
  /** The team's answer they chose to practise, quoted; empty when they chose something of their own. */
  readonly behaviourLine: string;
  /** Their own words, quoted; empty when they gave none. */
  readonly pledgeText: string;
  readonly canPractise: boolean;
  readonly practiseTitle: string;
  readonly theme: string;
  readonly notice: string;
  readonly askReflection: boolean;
  readonly reflectHeading: string;
  readonly ratingLabel: string;
  readonly ratingChoices: readonly CardChoice[];
  readonly ratingValue: string;
  readonly textLabel: string;
  readonly textPlaceholder: string;
  readonly textValue: string;
  readonly saveTitle: string;
  /** The thank-you with what they said, once saved; empty before. */
  readonly thanks: string;
}

export const pledgeFollowUpCard = cardTemplate<PledgeFollowUpCardData>('workshop-pledge-follow-up');

/** Who reads the card and what they have typed so far (kept when a save is refused). */
export interface FollowUpReader {
  readonly t: Translate;
  readonly locale: Locale;
  readonly canPractise: boolean;
  readonly notice?: string;
  readonly typed?: { readonly rating: string; readonly text: string };
}

export function pledgeFollowUpView(pledgeId: string, pledge: Pledge, themes: ThemeCatalog, reader: FollowUpReader): CardView<PledgeFollowUpCardData> {
  const { t, locale } = reader;
  const themeName = themes.text(pledge.theme, locale).name;
  const reflection = pledge.reflection;
  return cardView(pledgeFollowUpCard, {
    pledgeId,
    title: t('workshops.followUp.title'),
    themeLine: t('workshops.followUp.theme', { theme: themeName }),
    behaviourLine: pledge.behaviour ? t('workshops.followUp.behaviour', { text: escapeCardMarkdown(pledge.behaviour.text) }) : '',
    pledgeText: pledge.text ? t('workshops.followUp.ownWords', { text: pledge.text }) : '',
    canPractise: reader.canPractise,
    practiseTitle: t('workshops.followUp.practise', { theme: themes.text(pledge.theme, locale).shortName }),
    theme: pledge.theme,
    notice: reader.notice ?? '',
    askReflection: reflection === undefined,
    reflectHeading: t('workshops.followUp.reflectHeading'),
    ratingLabel: t('workshops.followUp.ratingLabel'),
    ratingChoices: [1, 2, 3, 4, 5].map((value) => ({ title: t(`workshops.followUp.ratings.${value}`), value: String(value) })),
    ratingValue: reader.typed?.rating ?? '',
    textLabel: t('workshops.followUp.textLabel'),
    textPlaceholder: t('workshops.followUp.textPlaceholder'),
    textValue: reader.typed?.text ?? '',
    saveTitle: t('workshops.followUp.save'),
    thanks: reflection
      ? t(reflection.text ? 'workshops.followUp.thanksWithWords' : 'workshops.followUp.thanks', {
          rating: t(`workshops.followUp.ratings.${reflection.rating}`),
          text: reflection.text ?? '',
        })
      : '',
  });
}
