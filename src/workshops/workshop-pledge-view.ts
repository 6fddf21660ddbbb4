import type { ThemeId } from '../content/themes';
import { clipText } from '../cards/clip-text';
import type { PledgeSection } from './workshop-cards';
import { rankByVotes } from './workshop';
import type { ViewContext, Viewer, WorkshopSnapshot } from './workshop-view';

/** How many of the team's top-voted answers are offered as pledges. */
const offeredAnswers = 3;
const maxOfferText = 160;
/** The pledge choice for a behaviour of the person's own rather than one of the team's answers. */
export const ownPledgeChoice = 'own';

/** One of the team's top-voted answers offered as a pledge, with the theme it practises (if it has one). */
export interface PledgeOffer {
  readonly answerId: string;
  readonly text: string;
  readonly theme: ThemeId | undefined;
}

/** Once voting has started (and after it), the answers with the most votes; an answer's theme is the facilitator's choice or the prompt's. */
export function pledgeOffers({ workshop, collection, sheet, results, votes }: WorkshopSnapshot): PledgeOffer[] {
  if ((workshop.phase !== 'voting' && workshop.phase !== 'closed') || !results.visible || collection.questions[0]?.form !== 'free-text') return [];
  return rankByVotes(sheet.answers, votes)
    .filter((answer) => (votes.get(answer.answerId) ?? 0) > 0)
    .slice(0, offeredAnswers)
    .map((answer) => ({
      answerId: answer.answerId,
      text: answer.value.kind === 'text' ? answer.value.text : '',
      theme: workshop.answerThemes?.[answer.answerId] ?? workshop.prompt?.theme,
    }));
}

/** Pledges are taken while voting, on revealed choice prompts, and after closing when the team voted for something. */
export function pledgesOpen(snapshot: WorkshopSnapshot): boolean {
  const { workshop, collection, results } = snapshot;
  if (workshop.phase === 'voting') return true;
  if (workshop.phase === 'answering') return results.visible && collection.questions[0]?.form !== 'free-text';
  return workshop.phase === 'closed' && pledgeOffers(snapshot).length > 0;
}

export function pledgeSection(snapshot: WorkshopSnapshot, viewer: Viewer | undefined, { t, locale, themes }: ViewContext): PledgeSection {
  const offers = pledgeOffers(snapshot);
  const own = viewer?.ownPledge;
  const answerChoices = offers.map((offer) => ({
    title: offer.theme
      ? t('workshops.card.pledge.offer', { text: clipText(offer.text, maxOfferText), theme: themes.text(offer.theme, locale).name })
      : t('workshops.card.pledge.offerNoTheme', { text: clipText(offer.text, maxOfferText) }),
    value: offer.answerId,
  }));
  const chosen = own?.behaviour && offers.some((offer) => offer.answerId === own.behaviour?.answerId) ? own.behaviour.answerId : own ? ownPledgeChoice : '';
  return {
    show: pledgesOpen(snapshot),
    heading: t(own ? 'workshops.card.pledge.headingDone' : 'workshops.card.pledge.heading'),
    answerLabel: t('workshops.card.pledge.answerLabel'),
    answerChoices: offers.length > 0 ? [...answerChoices, { title: t('workshops.card.pledge.own'), value: ownPledgeChoice }] : [],
    answerValue: offers.length > 0 ? chosen : '',
    themeLabel: t(offers.length > 0 ? 'workshops.card.pledge.themeLabelOwn' : 'workshops.card.pledge.themeLabel'),
    themeChoices: themes.all.map((theme) => ({ title: theme[locale].name, value: theme.id })),
    themeValue: own?.theme ?? snapshot.workshop.prompt?.theme ?? '',
    textLabel: t('workshops.card.pledge.textLabel'),
    textValue: own?.text ?? '',
    buttonTitle: t('workshops.card.pledge.button'),
  };
}
