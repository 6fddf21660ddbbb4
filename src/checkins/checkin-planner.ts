import type { NewDelivery } from '../delivery/delivery';
import type { Planner } from '../delivery/delivery-service';
import { VersionConflictError } from '../storage/store';
import { localInstant, nextOccurrence, type Occurrence } from '../schedules/recurrence';
import { deliveryKeys, deliveryKinds, occurrenceIdOf, optedOutAt, type CheckinOccurrence, type CheckinSchedule } from './checkin';
import { questionSetOf, type CheckinDependencies } from './checkin-context';
import { collectQuestions } from './question-sets';

const hour = 3_600_000;
// Zones lie up to 26 hours apart, so an occurrence is planned a day and a bit before its time in the rule's zone.
const perRecipientLeadMs = 27 * hour;
const maxPerRound = 30;
// Planned a little ahead, so the deliveries wait in the queue when their minute comes.
const leadMs = 5 * 60_000;

/**
 * Turns due check-in occurrences into an answer collection and deliveries. Safe on several instances: the
 * occurrence record and every delivery have unique keys, and the schedule's cursor moves with a version check.
 */
export class CheckinPlanner implements Planner {
  readonly name = 'check-ins';

  constructor(private readonly deps: CheckinDependencies) {}

  async plan(now: Date): Promise<number> {
    let added = 0;
    for (const { schedule, version } of await this.deps.repository.allSchedules()) {
      try {
        if (schedule.status === 'active') added += await this.planSchedule(schedule, version, now);
        await this.closeFinished(schedule, now);
      } catch (error) {
        this.deps.logger.error({ err: error, scheduleId: schedule.id }, 'could not plan a check-in schedule');
      }
    }
    return added;
  }

  private async planSchedule(first: CheckinSchedule, firstVersion: number, now: Date): Promise<number> {
    let schedule = first;
    let version = firstVersion;
    let added = 0;
    for (let round = 0; round < maxPerRound; round += 1) {
      const next = nextOccurrence(schedule.rule, new Date(schedule.plannedThrough));
      const lead = schedule.audience === 'members' && schedule.perRecipientTime ? perRecipientLeadMs : leadMs;
      if (!next || next.at.getTime() - lead > now.getTime()) break;
      const occurrenceId = occurrenceIdOf(schedule.id, next.date);
      added += await this.materialise(schedule, next, now);
      const advanced: CheckinSchedule = {
        ...schedule,
        plannedThrough: next.at.toISOString(),
        occurrenceIds: [...schedule.occurrenceIds.filter((id) => id !== occurrenceId), occurrenceId].slice(-12),
      };
      try {
        await this.deps.repository.saveSchedule(advanced, version);
      } catch (error) {
        // Another instance planned it (or the owner changed the schedule); the next round starts from what is stored.
        if (error instanceof VersionConflictError) break;
        throw error;
      }
      schedule = advanced;
      version += 1;
    }
    return added;
  }

  /** Creates (or finishes creating) the occurrence and queues its messages; every step can run twice without harm. */
  private async materialise(schedule: CheckinSchedule, next: Occurrence, now: Date): Promise<number> {
    const { repository, collections, queue } = this.deps;
    const recipients = await this.recipients(schedule, next);
    const firstDue = Math.min(next.at.getTime(), ...recipients.map((recipient) => recipient.dueAt.getTime()));
    const lastDue = Math.max(next.at.getTime(), ...recipients.map((recipient) => recipient.dueAt.getTime()));
    const id = occurrenceIdOf(schedule.id, next.date);
    const closesAt = new Date(lastDue + schedule.openHours * hour);
    await repository.createOccurrence({
      id, scheduleId: schedule.id, date: next.date, at: next.at.toISOString(), closesAt: closesAt.toISOString(),
      collectionId: undefined, invited: schedule.audience === 'members' ? recipients.length : schedule.members.length,
      summary: undefined, closed: false,
    });
    let occurrence = await repository.occurrence(id);
    if (occurrence && !occurrence.collectionId) {
      const collection = await collections.create(
        {
          purpose: 'check-in',
          questions: collectQuestions(questionSetOf(this.deps, schedule)),
          settings: { anonymous: schedule.anonymous, minResponses: schedule.minResponses, maxAnswersPerPerson: 1, resultsShown: 'live', closesAt: closesAt.toISOString() },
        },
        now,
      );
      occurrence = await repository.changeOccurrence(id, (current) => (current.collectionId ? current : { ...current, collectionId: collection.id }));
    }
    if (!occurrence) return 0;
    return queue.enqueue(this.deliveries(schedule, occurrence, recipients, firstDue));
  }

  private deliveries(schedule: CheckinSchedule, occurrence: CheckinOccurrence, recipients: readonly Recipient[], firstDue: number): NewDelivery[] {
    const payload = { occurrenceId: occurrence.id };
    const base = { tenantId: schedule.tenantId, payload };
    const owner = { recipientKey: schedule.ownerKey, destination: { userKey: schedule.ownerKey } };
    const halfOpen = (schedule.openHours * hour) / 2;
    return [
      // The summary goes first, so answers that arrive early already have a card to update.
      { ...base, ...owner, occurrenceKey: deliveryKeys.summary(occurrence.id), kind: deliveryKinds.summary, dueAt: new Date(firstDue - 60_000) },
      ...recipients.map((recipient) => ({ ...base, ...recipient, occurrenceKey: deliveryKeys.ask(occurrence.id), kind: deliveryKinds.ask })),
      ...(schedule.remind
        ? recipients.map((recipient) => ({
            ...base,
            ...recipient,
            occurrenceKey: deliveryKeys.nudge(occurrence.id),
            kind: deliveryKinds.nudge,
            dueAt: new Date(recipient.dueAt.getTime() + halfOpen),
          }))
        : []),
    ];
  }

  /** The channel itself, or each member who has not stopped this schedule, due at their own local time if chosen. */
  private async recipients(schedule: CheckinSchedule, next: Occurrence): Promise<Recipient[]> {
    if (schedule.audience === 'channel') {
      return [{ recipientKey: schedule.conversationKey, destination: { conversationKey: schedule.conversationKey }, dueAt: next.at }];
    }
    const recipients: Recipient[] = [];
    for (const member of schedule.members) {
      const optOut = await this.deps.repository.optOut(schedule.id, member.userKey);
      if (optOut && optOut.until === undefined) continue;
      if (optedOutAt(optOut, next.at)) continue;
      const zone = schedule.perRecipientTime ? ((await this.deps.settings.get(member.userKey)).timeZone ?? schedule.rule.timeZone) : schedule.rule.timeZone;
      const dueAt = schedule.perRecipientTime ? localInstant(next.date, schedule.rule.localTime, zone) : next.at;
      recipients.push({ recipientKey: member.userKey, destination: { userKey: member.userKey }, dueAt });
    }
    return recipients;
  }

  /** Closes answer collections whose window has passed, refreshes their summary card once more and closes the posted cards. */
  private async closeFinished(schedule: CheckinSchedule, now: Date): Promise<void> {
    for (const occurrenceId of schedule.occurrenceIds) {
      const occurrence = await this.deps.repository.occurrence(occurrenceId);
      if (!occurrence || occurrence.closed || Date.parse(occurrence.closesAt) > now.getTime()) continue;
      if (occurrence.collectionId) await this.deps.collections.close(occurrence.collectionId, now);
      const base = { tenantId: schedule.tenantId, payload: { occurrenceId }, dueAt: now };
      // Every card that went out is closed, answered or not, so these rows say nothing about who answered.
      const posted = (await this.deps.queue.forOccurrence(deliveryKeys.ask(occurrenceId))).filter((asked) => asked.status === 'sent' && asked.activityIds.length > 0);
      // Queued before the occurrence is marked closed, so a stop in between leaves nothing undone (queueing twice adds nothing).
      await this.deps.queue.enqueue([
        { ...base, occurrenceKey: deliveryKeys.refresh(occurrenceId, 0), recipientKey: schedule.ownerKey, kind: deliveryKinds.refresh, destination: { userKey: schedule.ownerKey } },
        ...posted.map((asked) => ({ ...base, occurrenceKey: deliveryKeys.closed(occurrenceId), recipientKey: asked.recipientKey, kind: deliveryKinds.closed, destination: asked.destination })),
      ]);
      await this.deps.repository.changeOccurrence(occurrenceId, (current) => (current.closed ? current : { ...current, closed: true }));
    }
  }
}

interface Recipient {
  readonly recipientKey: string;
  readonly destination: { readonly userKey: string } | { readonly conversationKey: string };
  readonly dueAt: Date;
}
