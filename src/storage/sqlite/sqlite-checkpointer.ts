import { once } from 'node:events';
import { Worker } from 'node:worker_threads';

/** A finished checkpoint: frames in the log, and how many of them are now in the database file. */
export interface CheckpointReport {
  readonly log: number;
  readonly checkpointed: number;
}

/**
 * The thread's whole program, plain CommonJS so it runs the same built, under tsx and under mocha. Its own connection
 * waits for the disk here, not in a turn; PASSIVE never waits for a lock: what a reader still needs is copied next round.
 */
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: 0 });
const checkpoint = () => {
  const [row] = db.pragma('wal_checkpoint(PASSIVE)');
  return { log: row ? row.log : 0, checkpointed: row ? row.checkpointed : 0 };
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', (message) => {
  if (message === 'checkpoint') parentPort.postMessage(checkpoint());
  if (message === 'stop') {
    clearInterval(timer);
    db.close();
    parentPort.close();
  }
});
`;

/** How often the log is copied into the database file when no one asks. */
export const defaultCheckpointEveryMs = 1000;

/**
 * Copies the write-ahead log into the database file from a worker thread with its own connection, so that no commit
 * on the main connection pays for a checkpoint (SQLite's automatic one runs inside the commit that crosses 1000 pages,
 * with two waits for the disk). Each checkpoint also syncs the log, which is what makes a commit survive a power cut
 * once the store commits with synchronous = NORMAL (see sqlite-store.ts).
 */
export class SqliteCheckpointer {
  private stopped = false;

  private constructor(
    private readonly worker: Worker,
    onExit: (error: Error) => void,
  ) {
    worker.once('error', (error) => {
      if (!this.stopped) onExit(error);
    });
    worker.once('exit', (code) => {
      if (!this.stopped) onExit(new Error(`the SQLite checkpoint thread stopped (exit code ${code})`));
    });
    worker.unref();
  }

  /** Starts the thread; `onExit` hears if it dies, so the caller can fall back to automatic checkpoints. */
  static start(file: string, everyMs: number, onExit: (error: Error) => void): SqliteCheckpointer {
    const workerData = { file, everyMs, driver: require.resolve('better-sqlite3') };
    return new SqliteCheckpointer(new Worker(workerSource, { eval: true, workerData }), onExit);
  }

  /** One checkpoint now, answered when it is done. */
  async checkpointNow(): Promise<CheckpointReport> {
    const answered = once(this.worker, 'message') as Promise<[CheckpointReport]>;
    this.worker.postMessage('checkpoint');
    const [report] = await answered;
    return report;
  }

  /** Closes the thread's connection before the store closes its own, so the store's close is the last and removes the log. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    const exited = once(this.worker, 'exit');
    // Unreferenced, the thread would let the process end before it closed, and the store's close would never run.
    this.worker.ref();
    this.worker.postMessage('stop');
    await exited;
  }
}
