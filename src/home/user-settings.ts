import { retryOnConflict } from '../storage/retry-on-conflict';
import type { Locale } from '../core/locale';
import type { RecordKey, Store, StoredRecord } from '../storage/store';

/** What a person chose for themselves and what Teams told us about them. */
export interface UserSettings {
  readonly locale?: Locale;
  readonly timeZone?: string;
  /** The person set `timeZone` themselves (the time zone command): what Teams reports no longer replaces it. */
  readonly timeZoneChosen?: boolean;
}

const collection = 'user-settings';

/** Where a person's settings are stored, for a turn that reads them together with other records. */
export const settingsKey = (userKey: string): RecordKey => ({ collection, id: userKey });

/** The settings in a record read under settingsKey; none stored means none chosen. */
export const settingsIn = (record: StoredRecord<unknown> | undefined): UserSettings => (record?.body as UserSettings | undefined) ?? {};

/** Per-person settings, owned by the person (so "delete my data" removes them too). */
export class UserSettingsRepository {
  constructor(private readonly store: Store) {}

  async get(userKey: string): Promise<UserSettings> {
    return settingsIn(await this.store.get<UserSettings>(collection, userKey));
  }

  /** Merges a change, retrying once if another turn wrote the same settings meanwhile. */
  async update(userKey: string, change: UserSettings): Promise<UserSettings> {
    return retryOnConflict(1, async () => {
      const current = await this.store.get<UserSettings>(collection, userKey);
      const body = { ...(current?.body ?? {}), ...change };
      await this.store.put({ collection, id: userKey, owner: userKey, body, expectedVersion: current?.version ?? 0 });
      return body;
    });
  }
}
