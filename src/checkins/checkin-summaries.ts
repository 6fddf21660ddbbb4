import type { CardView } from '../cards/card-view';
import type { CollectionResults } from '../collect/aggregation';
import { UserFacingError } from '../core/errors';
import type { CheckinOccurrence, CheckinSchedule } from './checkin';
import { questionSetOf, readerFor, type CheckinDependencies } from './checkin-context';
import { summaryView, type TrendPoint } from './checkin-results';

const trendLength = 6;

/** Builds the owner's summary card for an occurrence from the answers stored so far. */
export class CheckinSummaries {
  constructor(private readonly deps: CheckinDependencies) {}

  async view(schedule: CheckinSchedule, occurrence: CheckinOccurrence, now: Date): Promise<CardView> {
    const reader = await readerFor(this.deps, schedule.ownerKey, { locale: schedule.locale, timeZone: schedule.rule.timeZone }, now);
    const set = questionSetOf(this.deps, schedule);
    const results = (await this.resultsOf(occurrence)) ?? { respondents: 0, invited: occurrence.invited, responseRate: 0, visible: false, questions: [] };
    return summaryView(schedule, occurrence, set, results, await this.trend(schedule, occurrence), reader);
  }

  /** This occurrence and the ones before it, oldest first. */
  private async trend(schedule: CheckinSchedule, current: CheckinOccurrence): Promise<TrendPoint[]> {
    const earlier = (await this.deps.repository.occurrencesOf(schedule.id))
      .filter((occurrence) => occurrence.date <= current.date)
      .sort((a, b) => (a.date < b.date ? -1 : 1))
      .slice(-trendLength);
    const points: TrendPoint[] = [];
    for (const occurrence of earlier) {
      const results = await this.resultsOf(occurrence);
      if (results) points.push({ date: occurrence.date, results });
    }
    return points;
  }

  private async resultsOf(occurrence: CheckinOccurrence): Promise<CollectionResults | undefined> {
    if (!occurrence.collectionId) return undefined;
    try {
      const collection = await this.deps.collections.get(occurrence.collectionId);
      return await this.deps.collections.results(collection, occurrence.invited);
    } catch (error) {
      if (error instanceof UserFacingError) return undefined;
      throw error;
    }
  }
}
