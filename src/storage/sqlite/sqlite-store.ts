import { statSync, type Stats } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { AsyncMutex } from '../async-mutex';
import { defaultIdleRounds, OnDemandCheckpointer } from './on-demand-checkpointer';
import { defaultCheckpointEveryMs } from './sqlite-checkpointer';
import { applySqliteMigrations } from './sqlite-migrate';
import { CommitBatches } from './sqlite-commit-batch';
import { isDriverFailure, SqliteRecords } from './sqlite-records';
import { defaultRowCacheLimits, SqliteRowCache } from './sqlite-row-cache';
import { StorageLostError, StorageUnavailableError } from '../store';
import type { RecordKey, RecordQuery, RecordWrite, Store, StoreSession, StoredRecord, UnlinkedRecord, UnlinkedRecords } from '../store';
import { SqliteUnlinked } from './sqlite-unlinked';
import type { StoreOptions } from '../store-options';
import { TransactionScope } from '../transaction-scope';
import { TransactionSession } from '../transaction-session';

const busyTimeoutMs = 5000;

/**
 * Opens (creating if needed) a SQLite file, or ":memory:", and brings its schema up to date. Meant for one
 * instance: a second connection waiting for the write lock blocks its whole event loop for up to the busy timeout.
 */
export async function openSqliteStore(filePath: string, options: StoreOptions = {}): Promise<Store> {
  const now = options.now ?? (() => new Date());
  let db: Database.Database | undefined;
  let opened: FileIdentity | undefined;
  let checkpointer: OnDemandCheckpointer | undefined;
  try {
    if (filePath !== ':memory:' && filePath !== '') await mkdir(dirname(resolve(filePath)), { recursive: true });
    db = new Database(filePath, { timeout: busyTimeoutMs });
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // Deleted content is overwritten with zeros, so "delete my data" and rewritten anonymous answers leave no bytes behind.
    db.pragma('secure_delete = ON');
    if (options.bulkLoad) db.pragma('synchronous = OFF');
    applySqliteMigrations(db, now());
    opened = fileIdentity(filePath);
    checkpointer = opened ? backgroundCheckpoints(db, opened.path, options) : undefined;
  } catch (error) {
    db?.close();
    throw new StorageUnavailableError(error);
  }
  return new SqliteStore(db, now, opened, checkpointer, new SqliteRowCache(db, defaultRowCacheLimits, options.monotonicMs));
}

/**
 * The stores of this process open on each file. A commit batch holds the write lock until the event loop's pass is
 * over; a second store on the same file in this process would wait for it with the loop blocked, so while there are
 * two, neither batches (the app opens one; tests and scripts may open more).
 */
const storesPerFile = new Map<string, Set<SqliteStore>>();

/**
 * Checkpoints move to their own thread; if it dies, the connection checkpoints by itself again, so the log cannot grow
 * without end. Commits then no longer wait for the disk either (a synced commit held the event loop 2 ms, and over
 * 100 ms when the disk was busy): in WAL mode NORMAL loses no commit when the process dies, and the file is never
 * damaged; only a power cut or an OS crash can lose the commits since the thread's last checkpoint, which syncs the log.
 */
function backgroundCheckpoints(db: Database.Database, file: string, options: StoreOptions): OnDemandCheckpointer {
  db.pragma('wal_autocheckpoint = 0');
  if (!options.bulkLoad) db.pragma('synchronous = NORMAL');
  return new OnDemandCheckpointer(db, file, {
    everyMs: options.checkpointEveryMs ?? defaultCheckpointEveryMs,
    idleRounds: options.checkpointIdleRounds ?? defaultIdleRounds,
    onFailure: (error) => {
      if (db.open) db.pragma(`wal_autocheckpoint = ${sqliteDefaultAutocheckpointPages}`);
      options.onBackgroundError?.(error);
    },
  });
}

const sqliteDefaultAutocheckpointPages = 1000;

/** Which file on disk a path names (device and inode); undefined for an in-memory database. */
type FileIdentity = Pick<Stats, 'dev' | 'ino'> & { readonly path: string };

function fileIdentity(filePath: string): FileIdentity | undefined {
  if (filePath === ':memory:' || filePath === '') return undefined;
  const { dev, ino } = statSync(filePath);
  return { path: resolve(filePath), dev, ino };
}

/** Throws StorageLostError when the path no longer names the file that was opened: deleted, or replaced by another. */
function assertStillAtPath(opened: FileIdentity | undefined): void {
  if (!opened) return;
  let current: Stats;
  try {
    current = statSync(opened.path);
  } catch {
    throw new StorageLostError(`the SQLite file ${opened.path} was deleted while open: new writes go nowhere`);
  }
  if (current.dev !== opened.dev || current.ino !== opened.ino) {
    throw new StorageLostError(`the SQLite file ${opened.path} was replaced by another file while open`);
  }
}

// better-sqlite3 is synchronous but transaction work is async: one mutex keeps everything else out of an open transaction.
class SqliteStore implements Store {
  readonly engine = 'sqlite';
  private readonly mutex = new AsyncMutex();
  private readonly scope = new TransactionScope();
  private readonly records: SqliteRecords;
  private readonly batches: CommitBatches;
  private readonly peers: Set<SqliteStore>;
  private readonly unlinkedTable: SqliteUnlinked;
  private closed = false;
  readonly unlinked: UnlinkedRecords;

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date,
    private readonly opened: FileIdentity | undefined,
    private readonly checkpointer: OnDemandCheckpointer | undefined,
    private readonly rowCache: SqliteRowCache,
  ) {
    this.records = new SqliteRecords(db, now, rowCache);
    const peers = opened ? (storesPerFile.get(opened.path) ?? new Set<SqliteStore>()) : new Set<SqliteStore>();
    if (opened) storesPerFile.set(opened.path, peers);
    // A batch a peer has open now would hold the lock this store's first write waits for.
    for (const peer of peers) peer.batches.commitNow();
    peers.add(this);
    this.peers = peers;
    this.batches = new CommitBatches(db, (commit) => setImmediate(() => void this.mutex.run(async () => commit())), () => rowCache.clear(), () => peers.size === 1);
    this.unlinkedTable = new SqliteUnlinked(db, now);
    const table = this.unlinkedTable;
    this.unlinked = {
      // Reads of anonymous rows see nothing a batch holds (no batch writes them), so they need not wait for one.
      get: <T>(collection: string, id: string): Promise<UnlinkedRecord<T> | undefined> => this.exclusive(() => table.get<T>(collection, id)),
      list: <T>(collection: string, idPrefix: string): Promise<UnlinkedRecord<T>[]> => this.exclusive(() => table.list<T>(collection, idPrefix)),
      // The log is emptied after each anonymous write, so its frames cannot show which commit came right before a person's next one.
      put: <T>(collection: string, id: string, body: T, expectedVersion: number): Promise<number> =>
        this.alone(async () => this.thenEmptyLog(await this.driverAsync(() => table.put(collection, id, body, expectedVersion)))),
      remove: (collection: string, id: string, expectedVersion?: number): Promise<boolean> =>
        this.alone(async () => this.thenEmptyLog(await this.driverAsync(() => table.remove(collection, id, expectedVersion)))),
    };
  }

  wipeDeleted(): Promise<void> {
    return this.alone(async () => {
      this.thenEmptyLog(undefined);
    });
  }

  get<T>(collection: string, id: string): Promise<StoredRecord<T> | undefined> {
    return this.batched(false, () => this.records.get<T>(collection, id));
  }

  getMany(keys: readonly RecordKey[]): Promise<ReadonlyArray<StoredRecord<unknown> | undefined>> {
    return this.batched(false, () => this.records.getMany(keys));
  }

  list<T>(collection: string, query?: RecordQuery): Promise<StoredRecord<T>[]> {
    return this.batched(false, () => this.records.list<T>(collection, query));
  }

  put<T>(write: RecordWrite<T>): Promise<number> {
    return this.batched(true, () => this.records.put(write));
  }

  remove(collection: string, id: string, expectedVersion?: number): Promise<boolean> {
    return this.batched(true, () => this.records.remove(collection, id, expectedVersion));
  }

  removeOwnedBy(owner: string): Promise<number> {
    return this.batched(true, () => this.records.removeOwnedBy(owner));
  }

  transaction<T>(work: (session: StoreSession) => Promise<T>): Promise<T> {
    return this.alone(async () => {
      const session = new TransactionSession(this.records);
      this.driver(() => this.db.exec('BEGIN IMMEDIATE'));
      this.rowCache.inTransaction = true;
      try {
        const result = await this.scope.run(() => work(session));
        if (session.failedWith) throw session.failedWith;
        this.driver(() => this.db.exec('COMMIT'));
        return result;
      } catch (error) {
        // A failed COMMIT or a statement error may already have ended the transaction.
        if (this.db.open && this.db.inTransaction) this.driver(() => this.db.exec('ROLLBACK'));
        throw error;
      } finally {
        this.rowCache.inTransaction = false;
        session.end();
      }
    });
  }

  ping(): Promise<void> {
    return this.alone(async () => {
      assertStillAtPath(this.opened);
      this.driver(() =>
        this.db
          .prepare('INSERT INTO health_check (id, checked_at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at')
          .run(this.now().toISOString()),
      );
    });
  }

  async close(): Promise<void> {
    this.scope.assertOutside();
    // Queued behind everything already asked for, so those still finish; anything asked later finds it closed.
    await this.mutex.run(async () => {
      if (this.closed) return;
      this.batches.commitNow();
      this.peers.delete(this);
      if (this.opened && this.peers.size === 0) storesPerFile.delete(this.opened.path);
      this.closed = true;
      await this.checkpointer?.stop();
      this.driver(() => this.db.close());
    });
  }

  /**
   * A read or write of records: it joins the open commit batch (a write opens one) and its caller hears once the
   * batch is committed (see CommitBatches).
   */
  private async batched<R>(write: boolean, operation: () => Promise<R>): Promise<R> {
    let committed: Promise<void> | undefined;
    const result = await this.exclusive(async () => {
      committed = this.driver(() => this.batches.join(write));
      try {
        return await operation();
      } catch (error) {
        this.batches.failedInside(error);
        throw error;
      }
    });
    await committed;
    return result;
  }

  /** Work that must not share a commit with other writes: the open batch is committed first. */
  private alone<R>(operation: () => Promise<R>): Promise<R> {
    return this.exclusive(async () => {
      this.batches.commitNow();
      return operation();
    });
  }

  private async exclusive<R>(operation: () => Promise<R>): Promise<R> {
    this.scope.assertOutside();
    return this.mutex.run(async () => {
      if (this.closed) throw new StorageUnavailableError(new Error('SQLite store is closed'));
      return operation();
    });
  }

  /** Copies the write-ahead log into the file and truncates it to nothing (no other connection reads mid-statement here). */
  private thenEmptyLog<R>(result: R): R {
    this.driver(() => this.db.pragma('wal_checkpoint(TRUNCATE)'));
    return result;
  }

  private async driverAsync<R>(call: () => Promise<R>): Promise<R> {
    try {
      return await call();
    } catch (error) {
      throw isDriverFailure(error, this.db) ? new StorageUnavailableError(error) : error;
    }
  }

  private driver<R>(call: () => R): R {
    try {
      return call();
    } catch (error) {
      throw isDriverFailure(error, this.db) ? new StorageUnavailableError(error) : error;
    }
  }
}
