import { textBar } from '../cards/text-bar';
import type { CollectionResults } from '../collect/aggregation';
import type { ResultBar } from '../collect/results-view';
import { formatDate } from '../schedules/describe';
import type { TrendView } from './checkin-cards';
import type { Reader } from './checkin-views';
import type { QuestionSet } from './question-sets';

/** One occurrence's results, for the trend over occurrences. */
export interface TrendEntry {
  readonly date: string;
  readonly results: CollectionResults;
}

/** The average of the scale questions, or undefined where the occurrence's results may not be shown. */
function meanOf(results: CollectionResults): number | undefined {
  if (!results.visible) return undefined;
  const means = results.questions.flatMap((question) => (question.scaleMean === undefined ? [] : [question.scaleMean]));
  return means.length === 0 ? undefined : means.reduce((sum, value) => sum + value, 0) / means.length;
}

/**
 * The average per occurrence, oldest first, as a line chart with text bars as its fallback (zero or one view: there is
 * no trend with fewer than two occurrences). Occurrences below the minimum keep their place in the bars, with no figure.
 */
export function trendViews(entries: readonly TrendEntry[], set: QuestionSet, reader: Reader): TrendView[] {
  if (entries.length < 2) return [];
  const { t, locale } = reader;
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const rows = entries.map(({ date, results }) => ({ date, results, mean: meanOf(results) }));
  const bars: ResultBar[] = rows.map(({ date, results, mean }) => {
    const label = formatDate(date, locale);
    const answered = results.invited === undefined ? String(results.respondents) : `${results.respondents}/${results.invited}`;
    if (mean === undefined) return { label, bar: textBar(0, 5), figure: t('checkins.summary.trendHidden', { answered }), count: results.respondents, percent: 0 };
    return {
      label,
      bar: textBar(mean, 5),
      figure: t('checkins.summary.trendFigure', { mean: number.format(mean), answered }),
      count: results.respondents,
      percent: Math.round((mean / 5) * 100),
    };
  });
  const points = rows.flatMap(({ date, mean }) => (mean === undefined ? [] : [{ x: formatDate(date, locale), y: Math.round(mean * 10) / 10 }]));
  const scaleQuestions = set.questions.filter((question) => question.form === 'scale').length;
  return [
    {
      heading: t('checkins.summary.trend'),
      note: t('checkins.summary.trendNote', { count: scaleQuestions }),
      chart: points.length >= 2,
      chartTitle: t('checkins.summary.trendChart'),
      xAxisTitle: t('checkins.summary.trendAxis'),
      yAxisTitle: t('checkins.summary.trendValue'),
      legend: t('checkins.summary.trendLegend'),
      points,
      bars,
    },
  ];
}
