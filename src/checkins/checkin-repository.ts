import { retryOnConflict } from '../storage/retry-on-conflict';
import { randomBytes } from 'node:crypto';
import { UserFacingError } from '../core/errors';
import { VersionConflictError, type Store } from '../storage/store';
import type { CheckinOccurrence, CheckinOptOut, CheckinSchedule } from './checkin';

const schedules = 'checkin-schedules';
const occurrences = 'checkin-occurrences';
const optOuts = 'checkin-optouts';

export const newScheduleId = (): string => `chk_${randomBytes(9).toString('base64url')}`;

/** Schedules (owned by their manager), occurrences and opt-outs (owned by the person) in the records store. */
export class CheckinRepository {
  constructor(private readonly store: Store) {}

  async createSchedule(schedule: CheckinSchedule): Promise<void> {
    await this.store.put({ collection: schedules, id: schedule.id, owner: schedule.ownerKey, body: schedule, expectedVersion: 0 });
  }

  async schedule(id: string): Promise<{ readonly schedule: CheckinSchedule; readonly version: number } | undefined> {
    const record = await this.store.get<CheckinSchedule>(schedules, id);
    return record ? { schedule: record.body, version: record.version } : undefined;
  }

  async allSchedules(): Promise<Array<{ readonly schedule: CheckinSchedule; readonly version: number }>> {
    return (await this.store.list<CheckinSchedule>(schedules)).map((record) => ({ schedule: record.body, version: record.version }));
  }

  async schedulesOwnedBy(ownerKey: string): Promise<CheckinSchedule[]> {
    return (await this.store.list<CheckinSchedule>(schedules, { owner: ownerKey })).map((record) => record.body);
  }

  /** Writes a new version; throws VersionConflictError when someone else changed it since `version`. */
  async saveSchedule(schedule: CheckinSchedule, version: number): Promise<void> {
    await this.store.put({ collection: schedules, id: schedule.id, owner: schedule.ownerKey, body: schedule, expectedVersion: version });
  }

  /** Read, change, write for the schedule's owner; a lost race is tried again once. */
  async changeSchedule(id: string, ownerKey: string, change: (schedule: CheckinSchedule) => CheckinSchedule): Promise<CheckinSchedule> {
    return retryOnConflict(1, async () => {
      const current = await this.schedule(id);
      if (!current || current.schedule.ownerKey !== ownerKey) throw new UserFacingError('checkins.errors.notYours');
      const next = change(current.schedule);
      await this.saveSchedule(next, current.version);
      return next;
    });
  }

  async removeSchedule(id: string): Promise<void> {
    await this.store.remove(schedules, id);
  }

  /** Creates the occurrence; false when another instance created it first. */
  async createOccurrence(occurrence: CheckinOccurrence): Promise<boolean> {
    try {
      await this.store.put({ collection: occurrences, id: occurrence.id, body: occurrence, expectedVersion: 0 });
      return true;
    } catch (error) {
      if (error instanceof VersionConflictError) return false;
      throw error;
    }
  }

  async occurrence(id: string): Promise<CheckinOccurrence | undefined> {
    return (await this.store.get<CheckinOccurrence>(occurrences, id))?.body;
  }

  async occurrencesOf(scheduleId: string): Promise<CheckinOccurrence[]> {
    return (await this.store.list<CheckinOccurrence>(occurrences, { idPrefix: `${scheduleId}@` })).map((record) => record.body);
  }

  /** Changes an occurrence with a version check, retrying lost races (every change here is idempotent). */
  async changeOccurrence(id: string, change: (occurrence: CheckinOccurrence) => CheckinOccurrence): Promise<CheckinOccurrence | undefined> {
    return retryOnConflict(3, async () => {
      const record = await this.store.get<CheckinOccurrence>(occurrences, id);
      if (!record) return undefined;
      const next = change(record.body);
      if (next === record.body) return next;
      await this.store.put({ collection: occurrences, id, body: next, expectedVersion: record.version });
      return next;
    });
  }

  async optOut(scheduleId: string, userKey: string): Promise<CheckinOptOut | undefined> {
    return (await this.store.get<CheckinOptOut>(optOuts, `${scheduleId}/${userKey}`))?.body;
  }

  async setOptOut(userKey: string, optOut: CheckinOptOut): Promise<void> {
    await this.store.put({ collection: optOuts, id: `${optOut.scheduleId}/${userKey}`, owner: userKey, body: optOut });
  }

  async clearOptOut(scheduleId: string, userKey: string): Promise<void> {
    await this.store.remove(optOuts, `${scheduleId}/${userKey}`);
  }

  async optOutsOf(userKey: string): Promise<CheckinOptOut[]> {
    return (await this.store.list<CheckinOptOut>(optOuts, { owner: userKey })).map((record) => record.body);
  }
}
