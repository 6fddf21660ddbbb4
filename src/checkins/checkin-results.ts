import { cardView, type CardView } from '../cards/card-view';
import type { CollectionResults } from '../collect/aggregation';
import type { AnswerSheet } from '../collect/collection';
import { resultsView, type ResultSection } from '../collect/results-view';
import { csvCell } from '../collect/safe-text';
import { formatDate, formatInstant } from '../schedules/describe';
import type { CheckinOccurrence, CheckinSchedule } from './checkin';
import { checkinResultsCard } from './checkin-cards';
import { trendViews, type TrendEntry } from './checkin-trend';
import { setTitle, type Reader } from './checkin-views';
import { labelsOf, type QuestionSet } from './question-sets';

/** Whether the occurrence takes no more answers. */
export const occurrenceClosed = (occurrence: CheckinOccurrence, now: Date): boolean => occurrence.closed || Date.parse(occurrence.closesAt) <= now.getTime();

/** The owner may share the totals once the occurrence closed with at least the minimum of answers, and only once. */
// Teams refuses messages over about 28 KB; written answers beyond this many characters wait for the next card.
const writtenBudget = 12_000;

const mayShare = (occurrence: CheckinOccurrence, results: CollectionResults, now: Date): boolean =>
  occurrenceClosed(occurrence, now) && results.visible && occurrence.sharedAt === undefined;

/**
 * The owner's summary card: response rate, a distribution per question, the written answers, a trend, and the button
 * that shares the totals with the team. In an anonymous check-in written answers show only once it has closed with at
 * least the minimum of answers (while it is open, a text appearing right after someone answered would give them away),
 * without names, in the order the caller shuffled them into.
 */
export function summaryView(
  schedule: CheckinSchedule,
  occurrence: CheckinOccurrence,
  set: QuestionSet,
  results: CollectionResults,
  trend: readonly TrendEntry[],
  reader: Reader,
): CardView {
  const { t, locale } = reader;
  const closed = occurrenceClosed(occurrence, reader.now);
  const view = resultsView(results, schedule.minResponses, labelsOf(set, locale), t, locale);
  const sections: ResultSection[] = view.sections.map((section, index) => {
    if (!schedule.anonymous || results.questions[index]?.form !== 'free-text' || section.items.length === 0) return section;
    const count = section.items.length;
    return closed ? { ...section, note: t('checkins.summary.writtenShuffled', { count }) } : { ...section, note: t('checkins.summary.writtenLater', { count }), items: [] };
  });
  const fitted = fitWritten(sections, writtenBudget, (count) => t('checkins.summary.writtenCut', { count }));
  const more = schedule.minResponses - results.respondents;
  const hiddenNote = results.visible || more <= 0
    ? view.hiddenNote
    : closed
      ? t('checkins.summary.closedTooFew', { count: results.respondents, min: schedule.minResponses })
      : t('checkins.summary.needMore', { count: more, min: schedule.minResponses });
  const shareable = mayShare(occurrence, results, reader.now);
  const notice = occurrence.sharedAt
    ? t('checkins.share.done', { when: formatInstant(new Date(occurrence.sharedAt), reader.timeZone, locale) })
    : shareable ? t('checkins.share.offer') : '';
  const closes = formatInstant(new Date(occurrence.closesAt), reader.timeZone, locale);
  return cardView(checkinResultsCard, {
    title: t('checkins.summary.title', { title: setTitle(set, reader), date: formatDate(occurrence.date, locale) }),
    subtitle: t(closed ? 'checkins.summary.closed' : 'checkins.summary.open', { closes }),
    notice,
    facts: [
      { title: t('checkins.list.audience'), value: t(`checkins.audience.${schedule.audience}`) },
      { title: t('checkins.list.answers'), value: t(schedule.anonymous ? 'checkins.question.anonymous' : 'checkins.question.named') },
      { title: t('checkins.summary.minimum'), value: String(schedule.minResponses) },
    ],
    results: { ...view, hiddenNote, sections: fitted },
    trend: trendViews(trend, set, reader),
    share: shareable ? [{ title: t('checkins.share.button'), verb: 'checkin.share', occurrence: occurrence.id }] : [],
    footnote: t('checkins.summary.footnote'),
  });
}

/** Keeps written answers, in their order, while they fit in `budget` characters; a section that was cut says by how many. */
function fitWritten(sections: readonly ResultSection[], budget: number, cutNote: (count: number) => string): ResultSection[] {
  let left = budget;
  return sections.map((section) => {
    const kept = section.items.filter((item) => {
      left -= item.text.length + item.detail.length;
      return left >= 0;
    });
    const cut = section.items.length - kept.length;
    return cut === 0 ? section : { ...section, note: `${section.note} ${cutNote(cut)}`, items: kept };
  });
}

/**
 * The totals the owner shares with the team: counts, distributions and the trend, never a name and never a written
 * answer (words can give a person away to colleagues even without a name). Only called with visible results.
 */
export function teamResultsView(schedule: CheckinSchedule, occurrence: CheckinOccurrence, set: QuestionSet, results: CollectionResults, trend: readonly TrendEntry[], reader: Reader): CardView {
  const { t, locale } = reader;
  const view = resultsView(results, schedule.minResponses, labelsOf(set, locale), t, locale);
  return cardView(checkinResultsCard, {
    title: t('checkins.shared.title', { title: setTitle(set, reader), date: formatDate(occurrence.date, locale) }),
    subtitle: t('checkins.shared.intro'),
    notice: '',
    facts: [],
    results: { ...view, sections: view.sections.filter((_, index) => results.questions[index]?.form !== 'free-text') },
    trend: trendViews(trend, set, reader),
    share: [],
    footnote: t('checkins.shared.footnote', { min: schedule.minResponses }),
  });
}

/** One occurrence's answers for the CSV export. */
export interface ExportedOccurrence {
  readonly date: string;
  readonly sheet: AnswerSheet;
  readonly visible: boolean;
}

/**
 * CSV with one row per answer. Anonymous check-ins get no respondent column and no free text, and occurrences
 * below the minimum are left out, so nothing in the file points to a person.
 */
export function exportCsv(schedule: CheckinSchedule, set: QuestionSet, occurrences: readonly ExportedOccurrence[], reader: Reader): string {
  const { t, locale } = reader;
  const header = [t('checkins.export.date'), t('checkins.export.question'), t('checkins.export.answer'), ...(schedule.anonymous ? [] : [t('checkins.export.respondent')])];
  const rows = occurrences
    .filter((occurrence) => occurrence.visible)
    .flatMap((occurrence) =>
      occurrence.sheet.answers.flatMap((answer) => {
        const question = set.questions.find((candidate) => candidate.id === answer.questionId);
        if (!question || (schedule.anonymous && question.form === 'free-text')) return [];
        const value = answer.value.kind === 'scale' ? String(answer.value.value) : answer.value.kind === 'text' ? answer.value.text : answer.value.indices.join(' ');
        return [[occurrence.date, question[locale].text, value, ...(schedule.anonymous ? [] : [answer.author ?? ''])]];
      }),
    );
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n');
}
