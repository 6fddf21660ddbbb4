import Database from 'better-sqlite3';
import { SqliteRowCache, type RecordRow } from './sqlite-row-cache';
import { StorageUnavailableError, VersionConflictError } from '../store';
import type { RecordKey, RecordQuery, RecordWrite, StoreSession, StoredRecord } from '../store';
import { bodyJson, checkExpectedVersion, checkedLimit } from '../write-checks';

const columns = 'collection, id, owner, version, body, updated_at';
// An update that names no owner keeps the stored one, so a read-modify-write cannot orphan a person's data.
const sql = {
  get: `SELECT ${columns} FROM records WHERE collection = @collection AND id = @id`,
  list: `SELECT ${columns} FROM records WHERE collection = @collection ORDER BY id`,
  // Without statistics SQLite would walk the whole collection in id order; one person's rows by index, then sorted, are far fewer.
  listOwner: `SELECT ${columns} FROM records INDEXED BY records_collection_owner WHERE collection = @collection AND owner = @owner
    ORDER BY id`,
  // The id range lets SQLite read only the prefix's rows of the primary key instead of the whole collection.
  listPrefix: `SELECT ${columns} FROM records WHERE collection = @collection AND id >= @prefix AND id < @prefixEnd
    AND substr(id, 1, length(@prefix)) = @prefix AND (@owner IS NULL OR owner = @owner)
    ORDER BY id`,
  listPrefixOpen: `SELECT ${columns} FROM records WHERE collection = @collection AND id >= @prefix
    AND substr(id, 1, length(@prefix)) = @prefix AND (@owner IS NULL OR owner = @owner)
    ORDER BY id`,
  insert: `INSERT INTO records (${columns}) VALUES (@collection, @id, @owner, 1, @body, @updatedAt)
    ON CONFLICT (collection, id) DO NOTHING`,
  update: `UPDATE records SET owner = coalesce(@owner, owner), version = version + 1, body = @body, updated_at = @updatedAt
    WHERE collection = @collection AND id = @id AND version = @expectedVersion`,
  // SQLite rewrites the entries of both owner indexes whenever owner is SET, even to the same value; most updates name none.
  updateKeepOwner: `UPDATE records SET version = version + 1, body = @body, updated_at = @updatedAt
    WHERE collection = @collection AND id = @id AND version = @expectedVersion`,
  upsert: `INSERT INTO records (${columns}) VALUES (@collection, @id, @owner, 1, @body, @updatedAt)
    ON CONFLICT (collection, id) DO UPDATE SET owner = coalesce(excluded.owner, records.owner),
      version = records.version + 1, body = excluded.body, updated_at = excluded.updated_at
    RETURNING version`,
  remove: `DELETE FROM records WHERE collection = @collection AND id = @id
    AND (@expectedVersion IS NULL OR version = @expectedVersion)`,
  // Each collection present, by a skip along the key (a few lookups, not a walk over every row).
  collections: `WITH RECURSIVE present (name) AS (
      SELECT min(collection) FROM records
      UNION ALL SELECT (SELECT min(collection) FROM records WHERE collection > present.name) FROM present WHERE present.name IS NOT NULL
    ) SELECT name FROM present WHERE name IS NOT NULL`,
  removeOwnedIn: 'DELETE FROM records INDEXED BY records_collection_owner WHERE collection = @collection AND owner = @owner',
};

type Statements = { [name in keyof typeof sql]: Database.Statement<[Record<string, unknown>]> };
const listNames = ['list', 'listOwner', 'listPrefix', 'listPrefixOpen'] as const;
type ListName = (typeof listNames)[number];

// A bound LIMIT makes SQLite several times slower on every list, even an empty one (the turn's hot path asks for none),
// so a list with a limit has statements of its own.
const limited = (source: string): string => `${source} LIMIT @limit`;

/** The records table of one SQLite connection; better-sqlite3 is synchronous, so every method finishes before it returns. */
export class SqliteRecords implements StoreSession {
  private readonly statements: Statements;
  private readonly limitedLists: { [name in ListName]: Database.Statement<[Record<string, unknown>]> };
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date,
    private readonly cache: SqliteRowCache,
  ) {
    this.statements = Object.fromEntries(
      Object.entries(sql).map(([name, source]) => [name, db.prepare<Record<string, unknown>>(source)]),
    ) as Statements;
    this.limitedLists = Object.fromEntries(listNames.map((name) => [name, db.prepare<Record<string, unknown>>(limited(sql[name]))])) as SqliteRecords['limitedLists'];
  }

  async get<T>(collection: string, id: string): Promise<StoredRecord<T> | undefined> {
    const row = this.driver(() => this.rowOf(collection, id));
    return row === undefined ? undefined : toRecord<T>(row);
  }

  /**
   * One primary-key lookup per key, all in one synchronous step (one pass through the store's queue): measured, a
   * compound statement (VALUES, OR or UNION ALL) costs SQLite no less than the lookups; what a caller saves is the awaits.
   */
  async getMany(keys: readonly RecordKey[]): Promise<ReadonlyArray<StoredRecord<unknown> | undefined>> {
    return this.driver(() => keys.map((key) => this.rowOf(key.collection, key.id))).map((row) => (row === undefined ? undefined : toRecord(row)));
  }

  private rowOf(collection: string, id: string): RecordRow | undefined {
    const cached = this.cache.find(collection, id);
    if (cached !== undefined) return cached ?? undefined;
    const row = this.statements.get.get({ collection, id }) as RecordRow | undefined;
    this.cache.remember(collection, id, row);
    return row;
  }

  async list<T>(collection: string, query: RecordQuery = {}): Promise<StoredRecord<T>[]> {
    const limit = checkedLimit(query);
    const prefix = query.idPrefix;
    const prefixEnd = prefix === undefined ? undefined : idsAfterPrefix(prefix);
    const whole: ListName = query.owner === undefined ? 'list' : 'listOwner';
    const name: ListName = prefix === undefined ? whole : prefixEnd === undefined ? 'listPrefixOpen' : 'listPrefix';
    const statement = limit === undefined ? this.statements[name] : this.limitedLists[name];
    const rows = this.driver(() => statement.all({ collection, owner: query.owner, ...(limit === undefined ? {} : { limit }), ...(prefix === undefined ? {} : { prefix }), ...(prefixEnd === undefined ? {} : { prefixEnd }) }));
    return (rows as RecordRow[]).map((row) => toRecord<T>(row));
  }

  async put<T>(write: RecordWrite<T>): Promise<number> {
    checkExpectedVersion(write.expectedVersion);
    const { collection, id, expectedVersion } = write;
    const values = { collection, id, owner: write.owner, body: bodyJson(write), updatedAt: this.now().toISOString(), expectedVersion };
    // What the row holds after the write, if every column is known (an update that keeps the owner takes it from the cache).
    const owner = write.owner ?? (expectedVersion === 0 ? null : this.cache.ownerOf(collection, id));
    let version: number;
    try {
      version = this.write(values, write.owner === undefined);
    } catch (error) {
      // A failed or refused write leaves no entry that could be wrong.
      this.cache.removed(collection, id);
      throw error;
    }
    this.cache.wrote(collection, id, owner === undefined ? undefined : { collection, id, owner, version, body: values.body, updated_at: values.updatedAt });
    return version;
  }

  /** Runs the write that `expectedVersion` asks for and returns the row's new version. */
  private write(values: { collection: string; id: string; expectedVersion: number | undefined }, keepOwner: boolean): number {
    const { collection, id, expectedVersion } = values;
    if (expectedVersion === undefined) return (this.driver(() => this.statements.upsert.get(values)) as { version: number }).version;
    const update = keepOwner ? this.statements.updateKeepOwner : this.statements.update;
    const statement = expectedVersion === 0 ? this.statements.insert : update;
    const { changes } = this.driver(() => statement.run(values));
    if (changes === 0) throw new VersionConflictError(collection, id, expectedVersion);
    return expectedVersion + 1;
  }

  async remove(collection: string, id: string, expectedVersion?: number): Promise<boolean> {
    checkExpectedVersion(expectedVersion);
    this.cache.removed(collection, id);
    const { changes } = this.driver(() => this.statements.remove.run({ collection, id, expectedVersion }));
    if (changes > 0) return true;
    // Nothing deleted under a version: either it is already gone, or someone changed it since it was read.
    if (expectedVersion !== undefined && (await this.get(collection, id)) !== undefined) {
      throw new VersionConflictError(collection, id, expectedVersion);
    }
    return false;
  }

  async removeOwnedBy(owner: string): Promise<number> {
    this.cache.clear();
    // All collections or none: inside a transaction this is a savepoint.
    const removeAll = this.db.transaction((): number => {
      const names = this.statements.collections.all({}) as Array<{ name: string }>;
      return names.reduce((count, { name }) => count + this.statements.removeOwnedIn.run({ collection: name, owner }).changes, 0);
    });
    return this.driver(() => removeAll());
  }

  private driver<R>(call: () => R): R {
    try {
      return call();
    } catch (error) {
      throw isDriverFailure(error, this.db) ? new StorageUnavailableError(error) : error;
    }
  }
}

/** Busy, I/O, full disk, corrupt file, a closed connection: anything the driver raises is the database failing us. */
export function isDriverFailure(error: unknown, db: Database.Database): boolean {
  return error instanceof Database.SqliteError || !db.open;
}

/**
 * The least text above every id that starts with `prefix` (SQLite compares text as UTF-8 bytes, i.e. by code point):
 * the prefix with its last code point raised by one; undefined when every code point is already the highest.
 */
export function idsAfterPrefix(prefix: string): string | undefined {
  const points = [...prefix];
  while (points.length > 0) {
    const last = points.pop()?.codePointAt(0) ?? 0;
    if (last < 0x10ffff) {
      const next = last + 1 >= 0xd800 && last + 1 <= 0xdfff ? 0xe000 : last + 1;
      return points.join('') + String.fromCodePoint(next);
    }
  }
  return undefined;
}

function toRecord<T>(row: RecordRow): StoredRecord<T> {
  return {
    collection: row.collection,
    id: row.id,
    owner: row.owner ?? undefined,
    version: row.version,
    body: JSON.parse(row.body) as T,
    updatedAt: new Date(row.updated_at),
  };
}
