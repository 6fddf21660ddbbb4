import type { Pool, PoolClient } from 'pg';
import { withClient } from './postgres-client';
import { StorageUnavailableError, VersionConflictError, type UnlinkedRecord, type UnlinkedRecords } from '../store';
import { dayOf, groupOf, rewrittenGroup } from '../unlinked-groups';

interface UnlinkedRow {
  collection: string;
  id: string;
  version: number;
  body: unknown;
  day: string;
}

const columns = 'collection, id, version, body, day';
const sql = {
  get: `SELECT ${columns} FROM unlinked_records WHERE collection = $1 AND id = $2`,
  list: `SELECT ${columns} FROM unlinked_records WHERE collection = $1 AND starts_with(id, $2) ORDER BY id COLLATE "C"`,
  lock: "SELECT pg_advisory_xact_lock(hashtext('partner-coach:unlinked:' || $1 || ':' || $2))",
  clear: 'DELETE FROM unlinked_records WHERE collection = $1 AND starts_with(id, $2)',
  // One statement, rows in key order: the new tuples sit in that order and all carry this transaction's id.
  insert: `INSERT INTO unlinked_records (${columns})
    SELECT collection, id, version, body, day FROM jsonb_to_recordset($1::jsonb)
      AS r(collection text, id text, version integer, body jsonb, day text) ORDER BY id COLLATE "C"`,
};

/**
 * The unlinked_records table. A write deletes and re-inserts its whole group in one transaction, so every row of the
 * group shares one xmin and the heap order is the (pseudonymous) key order, not the order people answered in.
 */
export class PostgresUnlinked implements UnlinkedRecords {
  constructor(
    private readonly pool: Pool,
    private readonly now: () => Date,
  ) {}

  async get<T>(collection: string, id: string): Promise<UnlinkedRecord<T> | undefined> {
    const rows = await this.run<UnlinkedRow>(this.pool, sql.get, [collection, id]);
    return rows[0] as UnlinkedRecord<T> | undefined;
  }

  async list<T>(collection: string, idPrefix: string): Promise<UnlinkedRecord<T>[]> {
    return (await this.run<UnlinkedRow>(this.pool, sql.list, [collection, idPrefix])) as UnlinkedRecord<T>[];
  }

  async put<T>(collection: string, id: string, body: T, expectedVersion: number): Promise<number> {
    const rows = await this.rewrite(collection, id, body, expectedVersion);
    return rows?.find((row) => row.id === id)?.version ?? 0;
  }

  async remove(collection: string, id: string, expectedVersion?: number): Promise<boolean> {
    return (await this.rewrite(collection, id, undefined, expectedVersion)) !== undefined;
  }

  private async rewrite<T>(collection: string, id: string, body: T | undefined, expectedVersion: number | undefined): Promise<UnlinkedRecord<unknown>[] | undefined> {
    const prefix = groupOf(id);
    return withClient(this.pool, async (client) => {
      await this.run(client, 'BEGIN', []);
      try {
        await this.run(client, sql.lock, [collection, prefix]);
        const current = await this.run<UnlinkedRow>(client, sql.list, [collection, prefix]);
        const rows = rewrittenGroup(current, { collection, id, body, expectedVersion, day: dayOf(this.now()) });
        if (rows !== undefined) {
          await this.run(client, sql.clear, [collection, prefix]);
          if (rows.length > 0) await this.run(client, sql.insert, [JSON.stringify(rows)]);
        }
        await this.run(client, 'COMMIT', []);
        return rows;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  }

  private async run<R extends object>(db: Pool | PoolClient, text: string, values: unknown[]): Promise<R[]> {
    try {
      return (await db.query<R & Record<string, unknown>>(text, values)).rows;
    } catch (error) {
      throw error instanceof VersionConflictError ? error : new StorageUnavailableError(error);
    }
  }
}
