import type Database from 'better-sqlite3';
import { SqliteCheckpointer } from './sqlite-checkpointer';

/** How often the main thread looks for new commits, and how many quiet looks let the checkpoint thread go. */
export interface OnDemandCheckpointOptions {
  readonly everyMs: number;
  readonly idleRounds: number;
  /** The thread died: checkpoints are left to the connection itself from then on. */
  readonly onFailure: (error: Error) => void;
}

/** 30 quiet seconds at the default pace: a coaching bot is idle most of the day, and a thread holds about 9 MB. */
export const defaultIdleRounds = 30;

/**
 * Keeps a checkpoint thread (SqliteCheckpointer) only while the file is being written. Every `everyMs` the main
 * thread reads two counters (no I/O): the connection's own changes and data_version, which moves when any other
 * connection (the delivery queue) commits. New commits start a thread if none runs; after `idleRounds` quiet looks
 * and a checkpoint that copied the whole log (so every commit is synced), the thread stops. Commits still never run
 * a checkpoint themselves, busy or not.
 */
export class OnDemandCheckpointer {
  private thread: SqliteCheckpointer | undefined;
  private seen: string;
  private quietRounds = 0;
  private failed = false;
  private watching = false;
  private stopping: Promise<void> | undefined;
  private readonly timer: NodeJS.Timeout;
  private readonly ownChanges: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    private readonly file: string,
    private readonly options: OnDemandCheckpointOptions,
  ) {
    this.ownChanges = db.prepare('SELECT total_changes() AS n');
    this.seen = this.changes();
    this.thread = this.startThread();
    this.timer = setInterval(() => void this.watch(), options.everyMs);
    this.timer.unref();
  }

  /** Whether a checkpoint thread runs now. */
  get threadRunning(): boolean {
    return this.thread !== undefined;
  }

  /** One look: starts a thread after new commits, stops it after enough quiet looks and a complete checkpoint. */
  async watch(): Promise<void> {
    if (this.failed || this.watching || !this.db.open) return;
    this.watching = true;
    try {
      await this.look();
    } finally {
      this.watching = false;
    }
  }

  private async look(): Promise<void> {
    const now = this.changes();
    if (now !== this.seen) {
      this.seen = now;
      this.quietRounds = 0;
      this.thread ??= this.startThread();
      return;
    }
    const thread = this.thread;
    if (!thread) return;
    this.quietRounds += 1;
    if (this.quietRounds < this.options.idleRounds) return;
    const report = await thread.checkpointNow();
    // A commit during that checkpoint, or a reader that kept part of the log, keeps the thread for another round.
    if (report.checkpointed < report.log || !this.db.open || this.changes() !== this.seen || this.thread !== thread) return;
    this.thread = undefined;
    this.stopping = thread.stop();
    await this.stopping;
  }

  /** Stops looking and stops the thread; resolves once no thread holds a connection to the file. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    const thread = this.thread;
    this.thread = undefined;
    await Promise.all([thread?.stop(), this.stopping]);
  }

  private startThread(): SqliteCheckpointer {
    return SqliteCheckpointer.start(this.file, this.options.everyMs, (error) => {
      this.failed = true;
      this.thread = undefined;
      this.options.onFailure(error);
    });
  }

  private changes(): string {
    const own = (this.ownChanges.get() as { n: number }).n;
    return `${own} ${String(this.db.pragma('data_version', { simple: true }))}`;
  }
}
