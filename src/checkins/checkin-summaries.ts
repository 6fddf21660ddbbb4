import type { CardView } from '../cards/card-view';
import type { CollectionResults } from '../collect/aggregation';
import { shuffled } from '../collect/shuffle';
import { UserFacingError } from '../core/errors';
import type { CheckinOccurrence, CheckinSchedule } from './checkin';
import { questionSetOf, readerFor, type CheckinDependencies } from './checkin-context';
import { summaryView, teamResultsView } from './checkin-results';
import type { TrendEntry } from './checkin-trend';

const trendLength = 6;

/** Builds the owner's summary card and the team's shared results for an occurrence from the answers stored so far. */
export class CheckinSummaries {
  constructor(private readonly deps: CheckinDependencies) {}

  async view(schedule: CheckinSchedule, occurrence: CheckinOccurrence, now: Date): Promise<CardView> {
    const reader = await readerFor(this.deps, schedule.ownerKey, { locale: schedule.locale, timeZone: schedule.rule.timeZone }, now);
    const results = await this.resultsOrEmpty(occurrence);
    // Shuffled anew for every card, so a text's place says nothing about who wrote it, when, or where it is stored.
    const mixed = schedule.anonymous ? { ...results, questions: results.questions.map((question) => ({ ...question, texts: shuffled(question.texts) })) } : results;
    return summaryView(schedule, occurrence, questionSetOf(this.deps, schedule), mixed, await this.trend(schedule, occurrence), reader);
  }

  /** The totals for the team, in the owner's language; undefined while they may not be shown. */
  async teamView(schedule: CheckinSchedule, occurrence: CheckinOccurrence, now: Date): Promise<CardView | undefined> {
    const results = await this.resultsOf(occurrence);
    if (!results?.visible) return undefined;
    const reader = { t: this.deps.translator.forLocale(schedule.locale), locale: schedule.locale, timeZone: schedule.rule.timeZone, now };
    return teamResultsView(schedule, occurrence, questionSetOf(this.deps, schedule), results, await this.trend(schedule, occurrence), reader);
  }

  async resultsOrEmpty(occurrence: CheckinOccurrence): Promise<CollectionResults> {
    return (await this.resultsOf(occurrence)) ?? { respondents: 0, invited: occurrence.invited, responseRate: 0, visible: false, questions: [] };
  }

  /** This occurrence and the ones before it, oldest first. */
  private async trend(schedule: CheckinSchedule, current: CheckinOccurrence): Promise<TrendEntry[]> {
    const earlier = (await this.deps.repository.occurrencesOf(schedule.id))
      .filter((occurrence) => occurrence.date <= current.date)
      .sort((a, b) => (a.date < b.date ? -1 : 1))
      .slice(-trendLength);
    const points: TrendEntry[] = [];
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
