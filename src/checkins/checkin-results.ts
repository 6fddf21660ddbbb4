import { csvCell } from '../collect/safe-text';
import { textBar } from '../cards/text-bar';
import { cardView, type CardView } from '../cards/card-view';
import type { CollectionResults } from '../collect/aggregation';
import { collectResultsCard } from '../collect/collect-cards';
import type { AnswerSheet } from '../collect/collection';
import { resultsView, type ResultBar, type ResultSection } from '../collect/results-view';
import { formatDate, formatInstant } from '../schedules/describe';
import type { CheckinOccurrence, CheckinSchedule } from './checkin';
import { setTitle, type Reader } from './checkin-views';
import { labelsOf, type QuestionSet } from './question-sets';

/** One earlier occurrence for the trend line. */
export interface TrendPoint {
  readonly date: string;
  readonly results: CollectionResults;
}


/** The owner's summary card: response rate, a distribution per question, free text only when named, a trend. */
export function summaryView(
  schedule: CheckinSchedule,
  occurrence: CheckinOccurrence,
  set: QuestionSet,
  results: CollectionResults,
  trend: readonly TrendPoint[],
  reader: Reader,
): CardView {
  const { t, locale } = reader;
  const view = resultsView(results, schedule.minResponses, labelsOf(set, locale), t, locale);
  // Free text can give a person away even without a name, so anonymous check-ins show only how many wrote something.
  const sections: ResultSection[] = view.sections.map((section, index) =>
    schedule.anonymous && set.questions[index]?.form === 'free-text' && section.items.length > 0
      ? { ...section, note: t('checkins.summary.freeTextHidden', { count: section.items.length }), items: [] }
      : section,
  );
  const closed = occurrence.closed || Date.parse(occurrence.closesAt) <= reader.now.getTime();
  const closes = formatInstant(new Date(occurrence.closesAt), reader.timeZone, locale);
  return cardView(collectResultsCard, {
    title: t('checkins.summary.title', { title: setTitle(set, reader), date: formatDate(occurrence.date, locale) }),
    subtitle: t(closed ? 'checkins.summary.closed' : 'checkins.summary.open', { closes }),
    facts: [
      { title: t('checkins.list.audience'), value: t(`checkins.audience.${schedule.audience}`) },
      { title: t('checkins.list.answers'), value: t(schedule.anonymous ? 'checkins.question.anonymous' : 'checkins.question.named') },
      { title: t('checkins.summary.minimum'), value: String(schedule.minResponses) },
    ],
    results: { ...view, sections: trend.length > 1 ? [...sections, trendSection(trend, set, reader)] : sections },
    footnote: t('checkins.summary.footnote'),
  });
}

/** Average of the scale questions per occurrence, for occurrences whose results may be shown. */
function trendSection(trend: readonly TrendPoint[], set: QuestionSet, reader: Reader): ResultSection {
  const { t, locale } = reader;
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const bars: ResultBar[] = trend.map(({ date, results }) => {
    const means = results.questions.flatMap((question) => (question.scaleMean === undefined ? [] : [question.scaleMean]));
    const label = formatDate(date, locale);
    const answered = results.invited === undefined ? String(results.respondents) : `${results.respondents}/${results.invited}`;
    if (!results.visible || means.length === 0) {
      return { label, bar: textBar(0, 5), figure: t('checkins.summary.trendHidden', { answered }), count: results.respondents, percent: 0 };
    }
    const mean = means.reduce((sum, value) => sum + value, 0) / means.length;
    return {
      label,
      bar: textBar(mean, 5),
      figure: t('checkins.summary.trendFigure', { mean: number.format(mean), answered }),
      count: results.respondents,
      percent: Math.round((mean / 5) * 100),
    };
  });
  const scaleQuestions = set.questions.filter((question) => question.form === 'scale').length;
  return { heading: t('checkins.summary.trend'), note: t('checkins.summary.trendNote', { count: scaleQuestions }), bars, items: [] };
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
