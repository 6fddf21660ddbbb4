import type Database from 'better-sqlite3';
import { StorageUnavailableError } from '../store';

interface Batch {
  readonly committed: Promise<void>;
  settle(error?: Error): void;
}

/**
 * Group commit: the writes of one pass of the event loop share one SQLite transaction, committed once the pass is
 * over. Every commit appends its pages to the write-ahead log, checksums them and takes the write lock; turns arriving
 * together then pay for that once. No caller learns a result before it is committed: every read or write done while
 * a batch is open waits for its commit, and fails with it. A failed commit rolls back the whole batch.
 *
 * The store commits the open batch before anything that must stand alone: a transaction of its own, an anonymous
 * write (whose log is emptied right after it, so no commit groups it with a person's), a checkpoint, closing.
 */
export class CommitBatches {
  private open: Batch | undefined;

  constructor(
    private readonly db: Database.Database,
    /** Runs the commit once this pass of the event loop is over (in the store's turn, behind its mutex). */
    private readonly later: (commit: () => void) => void,
    /** A batch was rolled back: whatever was kept in memory about its writes is wrong. */
    private readonly onRollback: () => void,
    /** False while another connection of this process writes the file: it would wait for the lock with the event loop held. */
    private readonly allowed: () => boolean = () => true,
  ) {}

  /** What an operation run now waits for before its caller hears: the open batch's commit; a write opens one. */
  join(write: boolean): Promise<void> | undefined {
    if (!this.open && write && this.allowed()) this.begin();
    return this.open?.committed;
  }

  /** An operation failed inside the open batch: if the failure ended the transaction (a full disk), the batch is gone. */
  failedInside(error: unknown): void {
    if (this.open && !this.db.inTransaction) this.end(new StorageUnavailableError(error));
  }

  /** Commits the open batch now, if there is one; its callers hear of a failure, the next work starts clean. */
  commitNow(): void {
    const batch = this.open;
    if (!batch) return;
    try {
      this.db.exec('COMMIT');
    } catch (error) {
      this.end(new StorageUnavailableError(error));
      return;
    }
    this.open = undefined;
    batch.settle();
  }

  private begin(): void {
    this.db.exec('BEGIN IMMEDIATE');
    let settle: (error?: Error) => void = () => undefined;
    const committed = new Promise<void>((resolve, reject) => {
      settle = (error) => (error === undefined ? resolve() : reject(error));
    });
    // Nobody may be left with an unhandled rejection: every waiter gets the error through its own await.
    committed.catch(() => undefined);
    const batch: Batch = { committed, settle };
    this.open = batch;
    this.later(() => {
      if (this.open === batch) this.commitNow();
    });
  }

  private end(error: StorageUnavailableError): void {
    const batch = this.open;
    this.open = undefined;
    if (this.db.open && this.db.inTransaction) {
      try {
        this.db.exec('ROLLBACK');
      } catch {
        // Already rolled back by the failure itself.
      }
    }
    this.onRollback();
    batch?.settle(error);
  }
}
