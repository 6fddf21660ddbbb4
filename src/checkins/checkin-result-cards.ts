import type { ChartPoint } from '../cards/chart';
import type { CardFact } from '../cards/card-parts';
import { cardTemplate } from '../cards/card-view';
import type { ResultBar, ResultsView } from '../collect/results-view';

/** The trend over occurrences: a Teams line chart, with the same figures as text bars for clients that cannot draw it. */
export interface TrendView {
  readonly heading: string;
  readonly note: string;
  /** Draw the chart: at least two occurrences have an average that may be shown. Otherwise only the text bars. */
  readonly chart: boolean;
  readonly chartTitle: string;
  readonly xAxisTitle: string;
  readonly yAxisTitle: string;
  readonly legend: string;
  /** One point per occurrence: its date and its average on the 1–5 scale. */
  readonly points: readonly ChartPoint[];
  readonly bars: readonly ResultBar[];
}

/** The owner's button that posts the totals where the check-in was asked. */
export interface ShareButton {
  readonly title: string;
  readonly verb: string;
  readonly occurrence: string;
}

/** A check-in's results: the owner's summary card, or the totals the owner shared with the team. */
export interface CheckinResultsCardData {
  readonly title: string;
  readonly subtitle: string;
  readonly notice: string;
  readonly facts: readonly CardFact[];
  readonly results: ResultsView;
  /** Zero or one trend. */
  readonly trend: readonly TrendView[];
  /** Zero or one button: only on the owner's card, once the occurrence closed with enough answers and is not yet shared. */
  readonly share: readonly ShareButton[];
  readonly footnote: string;
}

export const checkinResultsCard = cardTemplate<CheckinResultsCardData>('checkin-results');
