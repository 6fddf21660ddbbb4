import type { CardButton } from '../cards/card-parts';
import { clipText } from '../cards/clip-text';
import type { VisibleAnswer } from '../collect';
import type { MergePickerSection, ModerationSection } from './workshop-cards';
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
