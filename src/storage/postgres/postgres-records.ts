import type { QueryResult, QueryResultRow } from 'pg';
import { StorageUnavailableError, VersionConflictError } from '../store';
import type { RecordKey, RecordQuery, RecordWrite, StoreSession, StoredRecord } from '../store';
import { inKeyOrder } from '../record-keys';
import { bodyJson, checkExpectedVersion, checkedLimit } from '../write-checks';

/** A pool or one checked-out client: both run a statement the same way. */
export interface Queryable {
  query<R extends QueryResultRow>(text: string | { readonly name: string; readonly text: string }, values?: unknown[]): Promise<QueryResult<R>>;
}

interface RecordRow {
  collection: string;
  id: string;
  owner: string | null;
  version: number;
  body: unknown;
  updated_at: Date;
}

const columns = 'collection, id, owner, version, body, updated_at';
const uniqueViolation = '23505';
// COLLATE "C" orders ids by code point, as SQLite does, whatever locale the database was created with.
// An update that names no owner keeps the stored one, so a read-modify-write cannot orphan a person's data.
const sql = {
  get: `SELECT ${columns} FROM records WHERE collection = $1 AND id = $2`,
  // Two parallel arrays make one statement text whatever the number of keys, prepared once per connection (see getMany).
  getMany: `SELECT ${columns} FROM records WHERE (collection, id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
  list: `SELECT ${columns} FROM records WHERE collection = $1
    AND ($2::text IS NULL OR owner = $2) AND ($3::text IS NULL OR starts_with(id, $3))
    ORDER BY id COLLATE "C" LIMIT $4`,
  insert: `INSERT INTO records (${columns}) VALUES ($1, $2, $3, 1, $4::jsonb, $5)
    ON CONFLICT (collection, id) DO NOTHING RETURNING version`,
  update: `UPDATE records SET owner = coalesce($3, owner), version = version + 1, body = $4::jsonb, updated_at = $5
    WHERE collection = $1 AND id = $2 AND version = $6 RETURNING version`,
  upsert: `INSERT INTO records (${columns}) VALUES ($1, $2, $3, 1, $4::jsonb, $5)
    ON CONFLICT (collection, id) DO UPDATE SET owner = coalesce(excluded.owner, records.owner),
      version = records.version + 1, body = excluded.body, updated_at = excluded.updated_at
    RETURNING version`,
  remove: `DELETE FROM records WHERE collection = $1 AND id = $2 AND ($3::integer IS NULL OR version = $3)`,
  removeOwnedBy: 'DELETE FROM records WHERE owner = $1',
};

/** The records table reached through a pool (outside a transaction) or through the transaction's client. */
export class PostgresRecords implements StoreSession {
  constructor(
    private readonly db: Queryable,
    private readonly now: () => Date,
  ) {}

  async get<T>(collection: string, id: string): Promise<StoredRecord<T> | undefined> {
    const { rows } = await this.run<RecordRow>(sql.get, [collection, id]);
    return rows[0] === undefined ? undefined : toRecord<T>(rows[0]);
  }

  async getMany(keys: readonly RecordKey[]): Promise<ReadonlyArray<StoredRecord<unknown> | undefined>> {
    if (keys.length === 0) return [];
    // Named, so each connection plans it once: unprepared, parsing and planning the unnest cost more than three single gets.
    const statement = { name: 'partner-coach-records-get-many', text: sql.getMany };
    const { rows } = await this.run<RecordRow>(statement, [keys.map((key) => key.collection), keys.map((key) => key.id)]);
    return inKeyOrder(keys, rows.map((row) => toRecord(row)));
  }

  async list<T>(collection: string, query: RecordQuery = {}): Promise<StoredRecord<T>[]> {
    const limit = checkedLimit(query);
    const { rows } = await this.run<RecordRow>(sql.list, [collection, query.owner, query.idPrefix, limit]);
    return rows.map((row) => toRecord<T>(row));
  }

  async put<T>(write: RecordWrite<T>): Promise<number> {
    checkExpectedVersion(write.expectedVersion);
    const { collection, id, expectedVersion } = write;
    const values = [collection, id, write.owner ?? null, bodyJson(write), this.now()];
    const conflict = (): VersionConflictError => new VersionConflictError(collection, id, expectedVersion ?? 0);
    const { rows } =
      expectedVersion === undefined
        ? await this.run<{ version: number }>(sql.upsert, values)
        : expectedVersion === 0
          ? await this.run<{ version: number }>(sql.insert, values, conflict)
          : await this.run<{ version: number }>(sql.update, [...values, expectedVersion]);
    if (rows[0] === undefined) throw conflict();
    return rows[0].version;
  }

  async remove(collection: string, id: string, expectedVersion?: number): Promise<boolean> {
    checkExpectedVersion(expectedVersion);
    const { rowCount } = await this.run(sql.remove, [collection, id, expectedVersion ?? null]);
    if ((rowCount ?? 0) > 0) return true;
    // Nothing deleted under a version: either it is already gone, or someone changed it since it was read.
    if (expectedVersion !== undefined && (await this.get(collection, id)) !== undefined) {
      throw new VersionConflictError(collection, id, expectedVersion);
    }
    return false;
  }

  async removeOwnedBy(owner: string): Promise<number> {
    const { rowCount } = await this.run(sql.removeOwnedBy, [owner]);
    return rowCount ?? 0;
  }

  private async run<R extends QueryResultRow>(
    text: string | { readonly name: string; readonly text: string },
    values: unknown[],
    onUniqueViolation?: () => Error,
  ): Promise<QueryResult<R>> {
    try {
      return await this.db.query<R>(text, values);
    } catch (error) {
      if (onUniqueViolation && codeOf(error) === uniqueViolation) throw onUniqueViolation();
      throw new StorageUnavailableError(error);
    }
  }
}

/** The SQLSTATE or Node.js error code of a driver error. */
function codeOf(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

function toRecord<T>(row: RecordRow): StoredRecord<T> {
  return {
    collection: row.collection,
    id: row.id,
    owner: row.owner ?? undefined,
    version: row.version,
    body: row.body as T,
    updatedAt: row.updated_at,
  };
}
