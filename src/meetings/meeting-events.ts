import type { DeliveryQueue } from '../delivery/delivery';
import type { UserSettingsRepository } from '../home/user-settings';
import type { Logger } from '../logger';
import { reflectionKind, reflectionOccurrenceKey, type MeetingRef } from './meeting';
import type { MeetingRepository } from './meeting-repository';
import { isActive } from './reflection-settings';
import { dayIsFull, reflectionDueAt } from './reflection-timing';

export interface MeetingEventDependencies {
  readonly repository: MeetingRepository;
  readonly queue: Pick<DeliveryQueue, 'enqueue'>;
  readonly settings: UserSettingsRepository;
  readonly fallbackTimeZone: string;
  readonly logger: Logger;
}

/** What the core does with a meeting's start, joins and end; it never answers into the meeting. */
export class MeetingEvents {
  constructor(private readonly deps: MeetingEventDependencies) {}

  async started(ref: MeetingRef, now: Date): Promise<void> {
    await this.deps.repository.started(ref, now);
  }

  /** `userKeys` are people of the meeting's own tenant; only those who opted in are kept. */
  async joined(ref: MeetingRef, userKeys: readonly string[], now: Date): Promise<number> {
    let kept = 0;
    for (const userKey of new Set(userKeys)) {
      const settings = (await this.deps.repository.settings(userKey))?.settings;
      if (!isActive(settings, now)) continue;
      await this.deps.repository.attend(ref, userKey, now);
      kept += 1;
    }
    return kept;
  }

  /** Queues one reflection card per opted-in attendee, once per meeting; returns how many were queued. */
  async ended(ref: MeetingRef, now: Date): Promise<number> {
    const { repository } = this.deps;
    if (!(await repository.ended(ref, now))) return 0;
    let queued = 0;
    for (const { userKey } of await repository.attendeesOf(ref.meetingKey)) {
      try {
        if (await this.queueFor(ref, userKey, now)) queued += 1;
      } catch (error) {
        this.deps.logger.error({ err: error, userKey, meetingKey: ref.meetingKey }, 'could not queue a meeting reflection');
      }
    }
    return queued;
  }

  private async queueFor(ref: MeetingRef, userKey: string, now: Date): Promise<boolean> {
    const { repository } = this.deps;
    const settings = (await repository.settings(userKey))?.settings;
    if (!isActive(settings, now)) return false;
    const timeZone = (await this.deps.settings.get(userKey)).timeZone ?? settings?.timeZone ?? this.deps.fallbackTimeZone;
    const dueAt = reflectionDueAt(now, timeZone);
    if (dayIsFull(await repository.attendanceOf(userKey), dueAt, timeZone)) {
      this.deps.logger.info({ userKey, meetingKey: ref.meetingKey }, 'no meeting reflection: the day has its share already');
      return false;
    }
    const added = await this.deps.queue.enqueue([
      {
        occurrenceKey: reflectionOccurrenceKey(ref.meetingKey),
        recipientKey: userKey,
        kind: reflectionKind,
        tenantId: ref.tenantId,
        destination: { userKey },
        payload: { meetingKey: ref.meetingKey },
        dueAt,
      },
    ]);
    if (added > 0) await repository.markQueued(ref.meetingKey, userKey, dueAt);
    return added > 0;
  }
}
