/** What the composition root may tune when it opens a store. */
export interface StoreOptions {
  /** The clock that stamps `updatedAt`; defaults to the system clock. */
  readonly now?: () => Date;
  /** Told about failures no caller is waiting for, such as an idle pooled connection dropping. */
  readonly onBackgroundError?: (error: Error) => void;
  /**
   * SQLite only: commits do not wait for the disk (PRAGMA synchronous = OFF), for loading data in bulk (the seeding
   * script); a power cut can then lose or damage the file, so the app never sets it.
   */
  readonly bulkLoad?: boolean;
  /** SQLite file only: how often the checkpoint thread copies the write-ahead log into the file (1000 ms). */
  readonly checkpointEveryMs?: number;
  /** SQLite only: the clock (milliseconds, never going back) that paces the row cache's look for other connections' writes. */
  readonly monotonicMs?: () => number;
  /** SQLite file only: after this many checks (one per checkpointEveryMs) without a commit, the checkpoint thread stops until the next (30). */
  readonly checkpointIdleRounds?: number;
}
