// The facilitator's moderation controls and the pledge offers: the sections of a workshop card beyond its answers.
import type { CardButton } from '../cards/card-parts';
import { clipText } from '../cards/clip-text';
import type { VisibleAnswer } from '../collect';
import type { ThemeId } from '../content/themes';
import type { MergePickerSection, ModerationSection, PledgeSection } from './workshop-cards';
import { rankByVotes } from './workshop';
import type { ViewContext, Viewer, WorkshopSnapshot } from './workshop-view';

/** Short enough that a list of 60 answers still fits on a card under Teams' 28 KB. */
const maxChoiceText = 48;

/** Answers in the order the card shows them: as given while answering, most votes first after. */
export function orderedAnswers({ workshop, sheet, votes }: WorkshopSnapshot): readonly VisibleAnswer[] {
  return workshop.phase === 'answering' ? sheet.answers : rankByVotes(sheet.answers, votes);
}

/** Whether the viewer may moderate the answers on this card now (rights are checked again on the server). */
export function canModerate(snapshot: WorkshopSnapshot, viewer: Viewer | undefined): boolean {
  const { workshop, collection, results, sheet } = snapshot;
  const running = workshop.phase === 'answering' || workshop.phase === 'voting';
  return (viewer?.canManage ?? false) && running && results.visible && collection.questions[0]?.form === 'free-text' && sheet.answers.length > 0;
}

/** One compact list of every answer (also those beyond the card's rows) and the few actions on the chosen one. */
export function moderationSection(snapshot: WorkshopSnapshot, viewer: Viewer | undefined, { t, locale, themes }: ViewContext): ModerationSection {
  const { sheet } = snapshot;
  const show = canModerate(snapshot, viewer) && viewer?.mergeSource === undefined;
  const button = (name: string, verb: string): CardButton => ({ title: t(`workshops.card.moderation.${name}`), verb });
  const buttons = [
    button('hide', 'workshop.hide'),
    ...(sheet.answers.length > 1 ? [button('merge', 'workshop.merge.pick')] : []),
    ...(sheet.absorbed.size > 0 ? [button('separate', 'workshop.separate')] : []),
  ];
  return {
    show,
    heading: t('workshops.card.moderation.heading'),
    answerLabel: t('workshops.card.moderation.answerLabel'),
    placeholder: t('workshops.card.moderation.placeholder'),
    choices: show ? orderedAnswers(snapshot).map((answer) => ({ title: choiceTitle(answer, snapshot, t), value: answer.answerId })) : [],
    buttons: show ? buttons : [],
    themeLabel: t('workshops.card.moderation.themeLabel'),
    themePlaceholder: t('workshops.card.moderation.themePlaceholder'),
    themeChoices: show ? themes.all.map((theme) => ({ title: theme[locale].shortName, value: theme.id })) : [],
    themeTitle: t('workshops.card.moderation.setTheme'),
  };
}

/** After "Merge into…": the other answers, one of which keeps its wording. */
export function mergePickerSection(snapshot: WorkshopSnapshot, viewer: Viewer | undefined, { t }: ViewContext): MergePickerSection {
  const source = snapshot.sheet.answers.find((answer) => answer.answerId === viewer?.mergeSource);
  const show = canModerate(snapshot, viewer) && source !== undefined;
  return {
    show,
    label: source ? t('workshops.card.merge.label', { text: clipText(textOf(source), maxChoiceText) }) : '',
    answerId: source?.answerId ?? '',
    choices: show ? orderedAnswers(snapshot).filter((answer) => answer !== source).map((answer) => ({ title: choiceTitle(answer, snapshot, t), value: answer.answerId })) : [],
    mergeTitle: t('workshops.card.merge.button'),
    cancelTitle: t('workshops.card.merge.cancel'),
  };
}

function choiceTitle(answer: VisibleAnswer, { sheet }: WorkshopSnapshot, t: ViewContext['t']): string {
  const merged = sheet.absorbed.get(answer.answerId)?.length ?? 0;
  const words = clipText(textOf(answer), maxChoiceText);
  return merged > 0 ? `${words} · ${t('workshops.card.moderation.mergedCount', { count: merged })}` : words;
}

const textOf = (answer: VisibleAnswer): string => (answer.value.kind === 'text' ? answer.value.text : '');

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
