/** What the composition root may tune when it opens a store. */
export interface StoreOptions {
  /** The clock that stamps `updatedAt`; defaults to the system clock. */
  readonly now?: () => Date;
  /** Told about failures no caller is waiting for, such as an idle pooled connection dropping. */
  readonly onBackgroundError?: (error: Error) => void;
}
