import type Database from 'better-sqlite3';

/** A row of the records table as SQLite returns it. */
export interface RecordRow {
  readonly collection: string;
  readonly id: string;
  readonly owner: string | null;
  readonly version: number;
  readonly body: string;
  readonly updated_at: string;
}

/** How much the cache may hold (rows, and characters of their bodies: about 2 bytes each in memory), and how fresh. */
export interface RowCacheLimits {
  readonly rows: number;
  readonly bodyChars: number;
  /** How long a look at SQLite's data_version holds: another connection's write is seen at most this late. */
  readonly checkEveryMs: number;
}

// A turn reads the person's settings, conversation reference and personal chat, and role-play its learner and session
// records: a few thousand active people fit, and 4 M characters are about 8 MB of memory. Reading data_version costs
// SQLite a read transaction, as much as the lookup it would save, so it is read at most every 100 ms.
export const defaultRowCacheLimits: RowCacheLimits = { rows: 20_000, bodyChars: 4_000_000, checkEveryMs: 100 };

/**
 * The rows this connection last read or wrote, by collection and id, and the ids known to have no row, so a turn's
 * reads of the same few records skip SQLite. Bodies are kept as the stored JSON text and parsed on every read, so no
 * caller shares an object with another.
 *
 * Every write through this connection updates or drops its entry. A commit by any other connection (another process,
 * a script; the store is meant for one instance) moves SQLite's data_version, and the cache empties itself at its next
 * look, within `checkEveryMs`; a stale version meanwhile is refused by the write that names it, which drops the entry.
 * Nothing read or written inside a transaction goes in (a rollback would leave it wrong); a write there drops its entry.
 * Writes in a commit batch go in at once: nobody hears of them before the commit, and a rolled-back batch empties the cache.
 */
export class SqliteRowCache {
  private readonly rows = new Map<string, RecordRow | null>();
  private readonly dataVersion: Database.Statement<[], number>;
  private seenVersion: number;
  private checkedAt: number;
  private bodyChars = 0;
  /** Set by the store while a transaction of its own is open (a commit batch is not one: see CommitBatches). */
  inTransaction = false;

  constructor(
    private readonly db: Database.Database,
    private readonly limits: RowCacheLimits = defaultRowCacheLimits,
    /** Milliseconds of a clock that never goes back. */
    private readonly monotonicMs: () => number = () => performance.now(),
  ) {
    this.dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
    this.seenVersion = this.dataVersion.get() ?? 0;
    this.checkedAt = monotonicMs();
  }

  /** The cached row, null when known to be absent, undefined when the cache does not know. */
  find(collection: string, id: string): RecordRow | null | undefined {
    if (this.inTransaction || !this.current()) return undefined;
    const key = keyOf(collection, id);
    const row = this.rows.get(key);
    if (row === undefined) return undefined;
    // Most recently used last: the oldest entries go first when the cache is full.
    this.rows.delete(key);
    this.rows.set(key, row);
    return row;
  }

  /** Notes what a read outside a transaction found (a row, or none). */
  remember(collection: string, id: string, row: RecordRow | undefined): void {
    if (this.inTransaction || !this.current()) return;
    this.set(keyOf(collection, id), row ?? null);
  }

  /**
   * Notes a committed write of this connection to a row that was read before (most writes, new answers, are never read
   * back in the same days: keeping them would only churn memory); inside a transaction, or when the row is not fully
   * known, the entry goes.
   */
  wrote(collection: string, id: string, row: RecordRow | undefined): void {
    const key = keyOf(collection, id);
    if (row === undefined || this.inTransaction || !this.current() || !this.rows.has(key)) this.drop(key);
    else this.set(key, row);
  }

  /** The cached owner of a row, for an update that keeps the stored owner; undefined when the cache does not know. */
  ownerOf(collection: string, id: string): string | null | undefined {
    if (!this.current()) return undefined;
    const row = this.rows.get(keyOf(collection, id));
    return row ? row.owner : undefined;
  }

  removed(collection: string, id: string): void {
    this.drop(keyOf(collection, id));
  }

  /** Everything goes: after "delete my data" nothing of the person stays, not even in memory. */
  clear(): void {
    this.rows.clear();
    this.bodyChars = 0;
  }

  /** False, and empty, after another connection committed: what it wrote is unknown here. */
  private current(): boolean {
    const now = this.monotonicMs();
    if (now - this.checkedAt < this.limits.checkEveryMs) return true;
    this.checkedAt = now;
    const version = this.dataVersion.get() ?? 0;
    if (version === this.seenVersion) return true;
    this.seenVersion = version;
    this.clear();
    return false;
  }

  private set(key: string, row: RecordRow | null): void {
    this.drop(key);
    if (row && row.body.length > this.limits.bodyChars / 16) return;
    this.rows.set(key, row);
    this.bodyChars += row?.body.length ?? 0;
    while (this.rows.size > this.limits.rows || this.bodyChars > this.limits.bodyChars) {
      const oldest = this.rows.keys().next().value;
      if (oldest === undefined) break;
      this.drop(oldest);
    }
  }

  private drop(key: string): void {
    const row = this.rows.get(key);
    if (row === undefined) return;
    this.rows.delete(key);
    this.bodyChars -= row?.body.length ?? 0;
  }
}

const keyOf = (collection: string, id: string): string => `${collection}\u0000${id}`;
