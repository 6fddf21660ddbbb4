import { Pool, type QueryResult } from 'pg';
import { withClient } from './postgres-client';
import { PostgresUnlinked } from './postgres-unlinked';
import { applyPostgresMigrations } from './postgres-migrate';
import { PostgresRecords, type Queryable } from './postgres-records';
import { StorageUnavailableError } from '../store';
import type { RecordKey, RecordQuery, RecordWrite, Store, StoreSession, StoredRecord, UnlinkedRecords } from '../store';
import type { StoreOptions } from '../store-options';
import { TransactionScope } from '../transaction-scope';
import { TransactionSession } from '../transaction-session';

const poolSettings = {
  max: 10,
  connectionTimeoutMillis: 5_000,
  idleTimeoutMillis: 30_000,
  statement_timeout: 15_000,
  // A transaction whose work hangs must not hold row locks for ever.
  idle_in_transaction_session_timeout: 60_000,
  application_name: 'partner-coach',
};

/** Connects a pool to PostgreSQL and brings the schema up to date; several instances may share the database. */
export async function openPostgresStore(url: string, options: StoreOptions = {}): Promise<Store> {
  const now = options.now ?? (() => new Date());
  const pool = new Pool({ connectionString: url, ...poolSettings });
  // An idle pooled connection that drops emits 'error' on the pool; unheard, that would crash the process.
  pool.on('error', (error) => options.onBackgroundError?.(error));
  try {
    await withClient(pool, (client) => applyPostgresMigrations(client, now()));
  } catch (error) {
    await pool.end();
    throw error instanceof StorageUnavailableError ? error : new StorageUnavailableError(error);
  }
  return new PostgresStore(pool, now);
}

class PostgresStore implements Store {
  readonly engine = 'postgres';
  private readonly scope = new TransactionScope();
  private readonly records: PostgresRecords;
  private readonly underWay = new Set<Promise<unknown>>();
  private closing: Promise<void> | undefined;
  readonly unlinked: UnlinkedRecords;

  constructor(
    private readonly pool: Pool,
    private readonly now: () => Date,
  ) {
    this.records = new PostgresRecords(pool, now);
    const table = new PostgresUnlinked(pool, now);
    this.unlinked = {
      get: (collection, id) => this.outside(() => table.get(collection, id)),
      list: (collection, idPrefix) => this.outside(() => table.list(collection, idPrefix)),
      put: (collection, id, body, expectedVersion) => this.outside(() => table.put(collection, id, body, expectedVersion)),
      remove: (collection, id, expectedVersion) => this.outside(() => table.remove(collection, id, expectedVersion)),
    };
  }

  /** Best effort: VACUUM frees the dead rows deletes leave behind; their bytes may stay in free space until reused. */
  wipeDeleted(): Promise<void> {
    return this.outside(async () => {
      for (const table of ['records', 'unlinked_records', 'deliveries']) await statement(this.pool, `VACUUM ${table}`);
    });
  }

  get<T>(collection: string, id: string): Promise<StoredRecord<T> | undefined> {
    return this.outside(() => this.records.get<T>(collection, id));
  }

  getMany(keys: readonly RecordKey[]): Promise<ReadonlyArray<StoredRecord<unknown> | undefined>> {
    return this.outside(() => this.records.getMany(keys));
  }

  list<T>(collection: string, query?: RecordQuery): Promise<StoredRecord<T>[]> {
    return this.outside(() => this.records.list<T>(collection, query));
  }

  put<T>(write: RecordWrite<T>): Promise<number> {
    return this.outside(() => this.records.put(write));
  }

  remove(collection: string, id: string, expectedVersion?: number): Promise<boolean> {
    return this.outside(() => this.records.remove(collection, id, expectedVersion));
  }

  removeOwnedBy(owner: string): Promise<number> {
    return this.outside(() => this.records.removeOwnedBy(owner));
  }

  transaction<T>(work: (session: StoreSession) => Promise<T>): Promise<T> {
    return this.outside(() =>
      withClient(this.pool, async (client) => {
        const session = new TransactionSession(new PostgresRecords(client, this.now));
        await statement(client, 'BEGIN');
        try {
          const result = await this.scope.run(() => work(session));
          if (session.failedWith) throw session.failedWith;
          await statement(client, 'COMMIT');
          return result;
        } catch (error) {
          await statement(client, 'ROLLBACK');
          throw error;
        } finally {
          session.end();
        }
      }),
    );
  }

  ping(): Promise<void> {
    return this.outside(async () => {
      await statement(this.pool, 'INSERT INTO health_check (id, checked_at) VALUES (1, now()) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at');
    });
  }

  async close(): Promise<void> {
    this.scope.assertOutside();
    this.closing ??= this.finishAndEnd();
    await this.closing;
  }

  // pool.end() strands queries still waiting for a client until they time out, so the ones under way finish first.
  private async finishAndEnd(): Promise<void> {
    await Promise.allSettled([...this.underWay]);
    await this.pool.end();
  }

  private async outside<R>(operation: () => Promise<R>): Promise<R> {
    this.scope.assertOutside();
    if (this.closing) throw new StorageUnavailableError(new Error('PostgreSQL store is closed'));
    const running = operation();
    this.underWay.add(running);
    try {
      return await running;
    } finally {
      this.underWay.delete(running);
    }
  }
}

async function statement(db: Queryable, text: string): Promise<QueryResult> {
  try {
    return await db.query(text);
  } catch (error) {
    throw new StorageUnavailableError(error);
  }
}
