import { retryOnConflict } from '../storage/retry-on-conflict';
import type { Store } from '../storage/store';
import type { PracticeReminder } from './reminder';

const collection = 'practice-reminders';

/** One reminder per person, owned by them ("delete my data" removes it). */
export class ReminderRepository {
  constructor(private readonly store: Store) {}

  async get(userKey: string): Promise<{ readonly reminder: PracticeReminder; readonly version: number } | undefined> {
    const record = await this.store.get<PracticeReminder>(collection, userKey);
    return record ? { reminder: record.body, version: record.version } : undefined;
  }

  async all(): Promise<Array<{ readonly reminder: PracticeReminder; readonly version: number }>> {
    return (await this.store.list<PracticeReminder>(collection)).map((record) => ({ reminder: record.body, version: record.version }));
  }

  /** Writes with a version check; `version` 0 for a new one. Throws VersionConflictError. */
  async save(reminder: PracticeReminder, version: number): Promise<void> {
    await this.store.put({ collection, id: reminder.userKey, owner: reminder.userKey, body: reminder, expectedVersion: version });
  }

  /** Read, change, write; a lost race is tried again once. Undefined when the person has no reminder. */
  async change(userKey: string, update: (reminder: PracticeReminder) => PracticeReminder): Promise<PracticeReminder | undefined> {
    return retryOnConflict(1, async () => {
      const current = await this.get(userKey);
      if (!current) return undefined;
      const next = update(current.reminder);
      await this.save(next, current.version);
      return next;
    });
  }
}
