import { cardTemplate } from '../cards/card-view';
import type { ResultsView } from './results-view';
import type { CardFact } from '../cards/card-parts';

/** A results card any capability can post: a workshop summary, a check-in summary for a manager. */
export interface CollectResultsCardData {
  readonly title: string;
  readonly subtitle: string;
  readonly facts: readonly CardFact[];
  readonly results: ResultsView;
  readonly footnote: string;
}

export const collectResultsCard = cardTemplate<CollectResultsCardData>('collect-results');
