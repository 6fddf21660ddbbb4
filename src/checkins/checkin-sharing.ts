import { UserFacingError } from '../core/errors';
import type { ActionOutcome } from '../core/reply';
import type { Turn } from '../core/turn';
import { formatInstant } from '../schedules/describe';
import { deliveryKeys, deliveryKinds, scheduleIdOf } from './checkin';
import type { CheckinDependencies } from './checkin-context';
import { occurrenceClosed } from './checkin-results';
import { CheckinSummaries } from './checkin-summaries';

/** The owner shares an occurrence's totals with the team, as a new message where the check-in was asked. */
export class CheckinSharing {
  private readonly summaries: CheckinSummaries;

  constructor(private readonly deps: CheckinDependencies) {
    this.summaries = new CheckinSummaries(deps);
  }

  async share(turn: Turn, data: Readonly<Record<string, unknown>>): Promise<ActionOutcome> {
    const occurrenceId = typeof data.occurrence === 'string' ? data.occurrence : '';
    const occurrence = await this.deps.repository.occurrence(occurrenceId);
    const schedule = (await this.deps.repository.schedule(scheduleIdOf(occurrenceId)))?.schedule;
    if (!occurrence || !schedule) throw new UserFacingError('checkins.errors.gone');
    // Decided here, not by who was shown the button: anyone can send an invoke with this card's data.
    if (schedule.ownerKey !== turn.actor.userKey) throw new UserFacingError('checkins.errors.notYoursToShare');
    if (occurrence.sharedAt) return { update: await this.summaries.view(schedule, occurrence, turn.now) };
    if (!occurrenceClosed(occurrence, turn.now)) {
      throw new UserFacingError('checkins.share.notClosed', { closes: formatInstant(new Date(occurrence.closesAt), turn.timeZone ?? schedule.rule.timeZone, turn.locale) });
    }
    const results = await this.summaries.resultsOrEmpty(occurrence);
    if (!results.visible) throw new UserFacingError('checkins.share.tooFew', { count: results.respondents, min: schedule.minResponses });
    // Queued before it is marked: one delivery per occurrence, so a second tap or a lost race posts nothing more.
    await this.deps.queue.enqueue([
      {
        occurrenceKey: deliveryKeys.share(occurrence.id),
        recipientKey: schedule.conversationKey,
        kind: deliveryKinds.share,
        tenantId: schedule.tenantId,
        destination: { conversationKey: schedule.conversationKey },
        payload: { occurrenceId: occurrence.id },
        dueAt: turn.now,
      },
    ]);
    const shared = await this.deps.repository.changeOccurrence(occurrence.id, (current) => (current.sharedAt ? current : { ...current, sharedAt: turn.now.toISOString() }));
    return { update: await this.summaries.view(schedule, shared ?? occurrence, turn.now) };
  }
}
