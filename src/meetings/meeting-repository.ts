import type { Store } from '../storage/store';
import { VersionConflictError } from '../storage/store';
import { collections, type Attendance, type MeetingRecord, type MeetingRef, type MeetingReflection, type ReflectionSettings } from './meeting';

const attendanceId = (meetingKey: string, userKey: string): string => `${meetingKey}/${userKey}`;

/** Settings, meetings, attendance and reflections in the records store; everything about a person is owned by them. */
export class MeetingRepository {
  constructor(private readonly store: Store) {}

  async settings(userKey: string): Promise<{ readonly settings: ReflectionSettings; readonly version: number } | undefined> {
    const record = await this.store.get<ReflectionSettings>(collections.settings, userKey);
    return record && { settings: record.body, version: record.version };
  }

  async saveSettings(userKey: string, settings: ReflectionSettings, version: number): Promise<void> {
    await this.store.put({ collection: collections.settings, id: userKey, owner: userKey, body: settings, expectedVersion: version });
  }

  /** Notes the start once; a repeated start event changes nothing. */
  async started(ref: MeetingRef, now: Date): Promise<void> {
    const existing = await this.store.get<MeetingRecord>(collections.meetings, ref.meetingKey);
    if (existing) return;
    await this.ignoringRace(this.store.put<MeetingRecord>({ collection: collections.meetings, id: ref.meetingKey, body: { tenantId: ref.tenantId, startedAt: now.toISOString() }, expectedVersion: 0 }));
  }

  /** True for the one call that marks the meeting ended; a second end event (or a racing instance) gets false. */
  async ended(ref: MeetingRef, now: Date): Promise<boolean> {
    const existing = await this.store.get<MeetingRecord>(collections.meetings, ref.meetingKey);
    if (existing?.body.endedAt) return false;
    const body: MeetingRecord = { ...(existing?.body ?? { tenantId: ref.tenantId }), endedAt: now.toISOString() };
    try {
      await this.store.put({ collection: collections.meetings, id: ref.meetingKey, body, expectedVersion: existing?.version ?? 0 });
      return true;
    } catch (error) {
      if (error instanceof VersionConflictError) return false;
      throw error;
    }
  }

  async attend(ref: MeetingRef, userKey: string, now: Date): Promise<void> {
    const id = attendanceId(ref.meetingKey, userKey);
    if (await this.store.get(collections.attendance, id)) return;
    const body: Attendance = { meetingKey: ref.meetingKey, tenantId: ref.tenantId, joinedAt: now.toISOString() };
    await this.ignoringRace(this.store.put({ collection: collections.attendance, id, owner: userKey, body, expectedVersion: 0 }));
  }

  async attendeesOf(meetingKey: string): Promise<Array<{ readonly userKey: string; readonly attendance: Attendance }>> {
    const records = await this.store.list<Attendance>(collections.attendance, { idPrefix: `${meetingKey}/` });
    return records.flatMap((record) => (record.owner ? [{ userKey: record.owner, attendance: record.body }] : []));
  }

  async attendance(meetingKey: string, userKey: string): Promise<Attendance | undefined> {
    return (await this.store.get<Attendance>(collections.attendance, attendanceId(meetingKey, userKey)))?.body;
  }

  async attendanceOf(userKey: string): Promise<Attendance[]> {
    return (await this.store.list<Attendance>(collections.attendance, { owner: userKey })).map((record) => record.body);
  }

  async markQueued(meetingKey: string, userKey: string, dueAt: Date): Promise<void> {
    const id = attendanceId(meetingKey, userKey);
    const record = await this.store.get<Attendance>(collections.attendance, id);
    if (!record) return;
    await this.store.put({ collection: collections.attendance, id, owner: userKey, body: { ...record.body, reflectionDueAt: dueAt.toISOString() }, expectedVersion: record.version });
  }

  async reflection(meetingKey: string, userKey: string): Promise<MeetingReflection | undefined> {
    return (await this.store.get<MeetingReflection>(collections.reflections, attendanceId(meetingKey, userKey)))?.body;
  }

  /** Saves a new reflection; false when one was saved already (a double tap), which is then kept. */
  async saveReflection(userKey: string, reflection: MeetingReflection): Promise<boolean> {
    try {
      await this.store.put({ collection: collections.reflections, id: attendanceId(reflection.meetingKey, userKey), owner: userKey, body: reflection, expectedVersion: 0 });
      return true;
    } catch (error) {
      if (error instanceof VersionConflictError) return false;
      throw error;
    }
  }

  async reflectionsOf(userKey: string): Promise<MeetingReflection[]> {
    return (await this.store.list<MeetingReflection>(collections.reflections, { owner: userKey })).map((record) => record.body);
  }

  private async ignoringRace(write: Promise<number>): Promise<void> {
    try {
      await write;
    } catch (error) {
      if (!(error instanceof VersionConflictError)) throw error;
    }
  }
}
