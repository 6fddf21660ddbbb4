import { cardView, type CardView } from '../cards/card-view';
import { clipText } from '../cards/clip-text';
import { acceptsAnswers, escapeCardMarkdown, type Answer, type Collection, type CollectionResults, resultsView } from '../collect';
import type { ThemeCatalog } from '../content/themes';
import type { Locale } from '../core/locale';
import type { Translate } from '../core/translator';
import type { MergedSheet } from './answer-merges';
import type { Pledge } from './pledges/pledges';
import { promptWords, type PromptWords } from './prompt-words';
import { clockTime, type Workshop } from './workshop';
import type { CardButton, CardChoice } from '../cards/card-parts';
import { workshopCard, type AnswerRow, type AnsweringSection, type WorkshopCardData } from './workshop-cards';
import { mergePickerSection, moderationSection, orderedAnswers, pledgeSection } from './workshop-card-sections';
import type { WorkshopTemplates } from './workshop-templates';

/** Everything shared about a posted workshop at one moment. */
export interface WorkshopSnapshot {
  readonly workshop: Workshop;
  readonly collection: Collection;
  /** Merged answers show as the one whose wording was kept. */
  readonly sheet: MergedSheet;
  readonly results: CollectionResults;
  /** Per kept answer, each person counted once. */
  readonly votes: ReadonlyMap<string, number>;
}

/** What one person sees beyond the shared card: their own answers, votes, pledge, and controls if they run it. */
export interface Viewer {
  readonly canManage: boolean;
  readonly ownAnswers: readonly Answer[];
  /** The kept answers the person's votes count for. */
  readonly ownVotes: readonly string[];
  readonly ownPledge: Pledge | undefined;
  readonly pickerChoices?: readonly CardChoice[];
  /** The answer the facilitator chose to merge, while they pick the one it goes into. */
  readonly mergeSource?: string;
}

export interface ViewContext {
  readonly t: Translate;
  readonly locale: Locale;
  readonly timeZone: string | undefined;
  readonly now: Date;
  readonly templates: WorkshopTemplates;
  readonly themes: ThemeCatalog;
  readonly refreshUserIds: readonly string[];
  readonly notice: string;
}

/** At most this many answer rows, of at most this length; fewer rows when the card would outgrow its budget. */
const maxAnswersOnCard = 15;
const maxTextOnCard = 280;
const maxMergedText = 160;

/** The shared card (viewer undefined) or one person's own view of it. */
export function workshopCardView(snapshot: WorkshopSnapshot, viewer: Viewer | undefined, context: ViewContext): CardView<WorkshopCardData> {
  const { workshop, collection, results } = snapshot;
  const { t } = context;
  const words = promptWords(workshop.prompt ?? { form: 'free-text' }, context.templates, context.themes, context.locale, t);
  const open = workshop.phase !== 'closed' && acceptsAnswers(collection, context.now);
  const view = resultsView(results, collection.settings.minResponses, () => ({ heading: t('workshops.card.resultsHeading'), options: words.options, scale: words.scale }), t, context.locale);
  const freeText = collection.questions[0]?.form === 'free-text';
  return cardView(workshopCard, fitted({
    workshopId: workshop.id,
    refreshUserIds: context.refreshUserIds,
    title: words.title,
    prompt: words.prompt,
    followUp: results.visible ? words.followUp : '',
    themeLine: words.themeName ? t('workshops.card.theme', { theme: words.themeName }) : '',
    modeLine: modeLine(workshop, collection, context),
    statusLine: statusLine(snapshot, viewer, open, context),
    notice: context.notice,
    answering: answering(collection, words, viewer, open, t),
    results: { summary: '', hiddenNote: view.hiddenNote, sections: freeText ? [] : view.sections },
    answersHeading: '',
    answers: answerRows(snapshot, viewer, t),
    moderation: moderationSection(snapshot, viewer, context),
    mergePicker: mergePickerSection(snapshot, viewer, context),
    pledge: pledgeSection(snapshot, viewer, context),
    picker: {
      show: viewer?.pickerChoices !== undefined && viewer.pickerChoices.length > 0,
      label: t('workshops.card.picker.label'),
      choices: viewer?.pickerChoices ?? [],
      buttonTitle: t('workshops.card.picker.button'),
    },
    buttons: buttons(snapshot, viewer, t),
  }, snapshot, t));
}

/**
 * Teams refuses cards over 28 KB. The data's size plus what the template adds (measured on the fixtures: under 3 KB,
 * and about 350 bytes per answer row) must stay within the budget; rows are dropped from the end until it does.
 */
const cardBudget = 27 * 1024;
const templateBytes = 3 * 1024;
const templateBytesPerRow = 360;
const estimatedBytes = (data: WorkshopCardData): number => Buffer.byteLength(JSON.stringify(data)) + templateBytes + templateBytesPerRow * data.answers.length;

function fitted(data: WorkshopCardData, snapshot: WorkshopSnapshot, t: Translate): WorkshopCardData {
  let answers = data.answers;
  while (answers.length > 1 && estimatedBytes({ ...data, answers }) > cardBudget) answers = answers.slice(0, -1);
  return { ...data, answers, answersHeading: answersHeading(snapshot, answers.length, t) };
}

function modeLine(workshop: Workshop, collection: Collection, { t, timeZone }: ViewContext): string {
  const { settings } = collection;
  return [
    t(settings.anonymous ? 'workshops.card.mode.anonymous' : 'workshops.card.mode.named'),
    settings.maxAnswersPerPerson > 1 ? t('workshops.card.mode.multiple', { max: settings.maxAnswersPerPerson }) : t('workshops.card.mode.single'),
    t(settings.resultsShown === 'live' ? 'workshops.card.mode.live' : collection.revealed ? 'workshops.card.mode.revealed' : 'workshops.card.mode.hidden'),
    settings.closesAt && workshop.phase !== 'closed' ? t('workshops.card.mode.closesAt', { time: clockTime(settings.closesAt, timeZone) }) : t('workshops.card.mode.byHand'),
  ].join(' · ');
}

function statusLine({ workshop, collection, sheet }: WorkshopSnapshot, viewer: Viewer | undefined, open: boolean, { t, timeZone }: ViewContext): string {
  const count = sheet.respondents;
  if (workshop.phase === 'closed') return t('workshops.card.status.closed', { count });
  if (workshop.phase === 'voting') {
    const votes = workshop.votesPerPerson;
    return viewer ? t('workshops.card.status.votesLeft', { left: votes - viewer.ownVotes.length, votes }) : t('workshops.card.status.voting', { votes });
  }
  if (!open && collection.settings.closesAt) return t('workshops.card.status.answersClosedAt', { time: clockTime(collection.settings.closesAt, timeZone), count });
  return t('workshops.card.status.answers', { count });
}

function answering(collection: Collection, words: PromptWords, viewer: Viewer | undefined, open: boolean, t: Translate): AnsweringSection {
  const question = collection.questions[0];
  const own = viewer?.ownAnswers ?? [];
  const max = collection.settings.maxAnswersPerPerson;
  const base = { show: open && question !== undefined, saveTitle: t('workshops.card.save'), isText: false, textSlots: [], isChoice: false, choiceId: '', choiceValue: '', isMultiSelect: false, choices: [] };
  const heading = t(max > 1 ? 'workshops.card.answerHeadingMultiple' : 'workshops.card.answerHeading');
  if (!question || question.form === 'free-text') {
    const slots = own.map((answer) => ({ id: `answer_${answer.answerId}`, value: answer.value.kind === 'text' ? answer.value.text : '', placeholder: t('workshops.card.answerPlaceholder') }));
    const extra = slots.length < max ? [{ id: 'answer_new', value: '', placeholder: t(slots.length > 0 ? 'workshops.card.addPlaceholder' : 'workshops.card.answerPlaceholder') }] : [];
    return { ...base, heading, isText: true, textSlots: [...slots, ...extra] };
  }
  const current = own[0]?.value;
  if (question.form === 'options') {
    const choiceValue = current?.kind === 'options' ? current.indices.join(',') : '';
    return { ...base, heading, isChoice: true, choiceId: 'answerOptions', choiceValue, isMultiSelect: max > 1, choices: words.options.map((title, index) => ({ title, value: String(index) })) };
  }
  const scaleTitle = (value: number): string => (value === 1 && words.scale ? `1 – ${words.scale.low}` : value === 5 && words.scale ? `5 – ${words.scale.high}` : String(value));
  const choiceValue = current?.kind === 'scale' ? String(current.value) : '';
  return { ...base, heading: t('workshops.card.answerHeading'), isChoice: true, choiceId: 'answerScale', choiceValue, choices: [1, 2, 3, 4, 5].map((value) => ({ title: scaleTitle(value), value: String(value) })) };
}

function answersHeading({ workshop, sheet }: WorkshopSnapshot, shown: number, t: Translate): string {
  const heading = t(workshop.phase === 'answering' ? 'workshops.card.answersHeading' : 'workshops.card.answersRanked');
  const total = sheet.answers.length;
  return total > shown ? `${heading} · ${t('workshops.card.answersTruncated', { shown, total })}` : heading;
}

function answerRows(snapshot: WorkshopSnapshot, viewer: Viewer | undefined, t: Translate): AnswerRow[] {
  const { workshop, collection, sheet, results, votes } = snapshot;
  if (!results.visible || collection.questions[0]?.form !== 'free-text') return [];
  const showVotes = workshop.phase !== 'answering';
  return orderedAnswers(snapshot).slice(0, maxAnswersOnCard).map((answer) => {
    const detail = [escapeCardMarkdown(answer.author ?? ''), showVotes ? t('workshops.card.votes', { count: votes.get(answer.answerId) ?? 0 }) : ''].filter(Boolean).join(' · ');
    const buttons = [];
    if (workshop.phase === 'voting') {
      const voted = viewer?.ownVotes.includes(answer.answerId) ?? false;
      buttons.push(voted ? { title: t('workshops.card.unvote'), verb: 'workshop.unvote', answerId: answer.answerId } : { title: t('workshops.card.vote'), verb: 'workshop.vote', answerId: answer.answerId });
    }
    const absorbed = sheet.absorbed.get(answer.answerId) ?? [];
    const merged = absorbed.length > 0 ? t('workshops.card.mergedWith', { texts: absorbed.map((other) => quoted(other, t)).join(' · ') }) : '';
    return { answerId: answer.answerId, text: escapeCardMarkdown(clipText(textOf(answer), maxTextOnCard)), detail, merged, buttons };
  });
}

const textOf = (answer: Answer): string => (answer.value.kind === 'text' ? answer.value.text : '');

/** A merged answer as its row quotes it: its words and, in named workshops only, who wrote them. */
function quoted(answer: Answer & { readonly author?: string }, t: Translate): string {
  const words = t('workshops.card.quoted', { text: escapeCardMarkdown(clipText(textOf(answer), maxMergedText)) });
  return answer.author ? `${words} (${escapeCardMarkdown(answer.author)})` : words;
}

function buttons({ workshop, collection, results }: WorkshopSnapshot, viewer: Viewer | undefined, t: Translate): CardButton[] {
  const button = (name: string, verb: string): CardButton => ({ title: t(`workshops.card.buttons.${name}`), verb });
  if (!viewer) return [button('view', 'workshop.view')];
  const list: CardButton[] = [];
  if (viewer.canManage) {
    const closed = workshop.phase === 'closed';
    if (!closed && collection.settings.resultsShown === 'when-revealed' && !collection.revealed) list.push(button('reveal', 'workshop.reveal'));
    if (workshop.phase === 'answering' && results.visible && collection.questions[0]?.form === 'free-text') list.push(button('voting', 'workshop.voting'));
    if (!closed) list.push(button('close', 'workshop.close'));
    if (results.visible) list.push(button('export', 'workshop.export'));
    if (!closed) list.push(button('cofacilitator', 'workshop.cofacilitators'));
  }
  list.push(button('refresh', 'workshop.view'));
  return list;
}
