import { defaultRetryPolicy, type RetryPolicy } from './backoff';

/** How the delivery worker paces itself; tests shorten the waits, the bench raises the concurrency. */
export interface WorkerOptions {
  /** Sends in flight at once. */
  readonly concurrency: number;
  readonly leaseMs: number;
  /** How late a first send may still go out; later ones are recorded as missed. */
  readonly graceMs: number;
  readonly pollMs: number;
  /** A longer wait for a rate-limit slot gives the delivery back to the queue instead of holding a place in flight. */
  readonly maxRateWaitMs: number;
  readonly retry: RetryPolicy;
  readonly random: () => number;
}

export const defaultWorkerOptions: WorkerOptions = {
  concurrency: 32,
  leaseMs: 120_000,
  graceMs: 6 * 3_600_000,
  pollMs: 1_000,
  maxRateWaitMs: 2_000,
  retry: defaultRetryPolicy,
  random: Math.random,
};
