/** A stored record: one JSON body under (collection, id), optionally owned by one user, with a write version. */
export interface StoredRecord<T> {
  readonly collection: string;
  readonly id: string;
  /** Our own user key of the person the record belongs to, for "my data" export and delete. */
  readonly owner: string | undefined;
  readonly version: number;
  readonly body: T;
  readonly updatedAt: Date;
}

/** What a caller writes. `expectedVersion` 0 means "must not exist yet"; a number means "must still be that version". */
export interface RecordWrite<T> {
  readonly collection: string;
  readonly id: string;
  /** Omitted on an update, the stored owner is kept. */
  readonly owner?: string | undefined;
  readonly body: T;
  /** Omit for last-writer-wins (only for data where that is harmless, like conversation references). */
  readonly expectedVersion?: number;
}

/** Where one record lives. */
export interface RecordKey {
  readonly collection: string;
  readonly id: string;
}

export interface RecordQuery {
  readonly owner?: string;
  readonly idPrefix?: string;
  readonly limit?: number;
}

/** Reads and writes inside or outside a transaction. */
export interface StoreSession {
  get<T>(collection: string, id: string): Promise<StoredRecord<T> | undefined>;
  /** Several records in one round trip: one entry per key, in the keys' order, undefined where none is stored. */
  getMany(keys: readonly RecordKey[]): Promise<ReadonlyArray<StoredRecord<unknown> | undefined>>;
  /** Records of a collection, ordered by id. */
  list<T>(collection: string, query?: RecordQuery): Promise<StoredRecord<T>[]>;
  /** Writes a record and returns its new version; throws VersionConflictError on a stale expectedVersion. */
  put<T>(write: RecordWrite<T>): Promise<number>;
  /** Removes a record; returns whether it existed. Throws VersionConflictError on a stale expectedVersion. */
  remove(collection: string, id: string, expectedVersion?: number): Promise<boolean>;
  /** Removes every record a user owns, in every collection; returns how many. */
  removeOwnedBy(owner: string): Promise<number>;
}

/** A record nobody owns, stored so that neither its place nor its time says who wrote it or when: only the day. */
export interface UnlinkedRecord<T> {
  readonly collection: string;
  readonly id: string;
  readonly version: number;
  readonly body: T;
  /** yyyy-MM-dd (UTC) of the last write; never a finer time. */
  readonly day: string;
}

/**
 * Anonymous answers and votes. Ids are `<group>/<pseudonym>`; every write rewrites its whole group in key order in
 * one transaction, so insertion order, row position and transaction ids say nothing about which record changed last.
 */
export interface UnlinkedRecords {
  get<T>(collection: string, id: string): Promise<UnlinkedRecord<T> | undefined>;
  /** The records of one group (`idPrefix` ends with "/"), ordered by id. */
  list<T>(collection: string, idPrefix: string): Promise<UnlinkedRecord<T>[]>;
  /** Writes under a version check (0 = must not exist yet); throws VersionConflictError. */
  put<T>(collection: string, id: string, body: T, expectedVersion: number): Promise<number>;
  remove(collection: string, id: string, expectedVersion?: number): Promise<boolean>;
}

/** The storage port: SQLite by default, PostgreSQL for several instances. */
export interface Store extends StoreSession {
  readonly engine: 'sqlite' | 'postgres';
  readonly unlinked: UnlinkedRecords;
  /**
   * Makes deleted data unreadable in the database files, after "delete my data": SQLite zeroes deleted content
   * (secure_delete) and empties its write-ahead log; PostgreSQL vacuums, which frees dead rows but cannot promise
   * that their bytes are overwritten at once (best effort).
   */
  wipeDeleted(): Promise<void>;
  /** Runs `work` atomically: every write in it lands, or none does. */
  transaction<T>(work: (session: StoreSession) => Promise<T>): Promise<T>;
  /** Resolves when the database takes a real write (and, for SQLite, the open file is still the one at its path); used by /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** A write lost a race: someone else changed the record since it was read. */
export class VersionConflictError extends Error {
  constructor(
    readonly collection: string,
    readonly id: string,
    readonly expectedVersion: number,
  ) {
    super(`version conflict on ${collection}/${id} (expected version ${expectedVersion})`);
    this.name = 'VersionConflictError';
  }
}

/** The database could not be reached or refused a statement; the turn answers kindly and nothing half-written remains. */
export class StorageUnavailableError extends Error {
  constructor(cause: unknown) {
    super('storage unavailable', { cause });
    this.name = 'StorageUnavailableError';
  }
}

/** The database the store has open is no longer the one at its path (deleted or replaced): writes would be lost. */
export class StorageLostError extends StorageUnavailableError {
  constructor(readonly detail: string) {
    super(new Error(detail));
    this.name = 'StorageLostError';
    this.message = detail;
  }
}
