import { defaultRetryPolicy, type RetryPolicy } from './pacing/backoff';

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
  /** A send still unanswered after this long counts as a transient failure: its place is freed and it is retried with backoff. */
  readonly sendTimeoutMs: number;
  /** After a time-out, how long to wait for the late answer of a request that left before it may be sent again. */
  readonly lateAnswerMs: number;
  /** A send unanswered this long gives its place in flight to the next delivery while it waits out its time-out. */
  readonly slowSendMs: number;
  /** The share of the places in flight that one tenant's sends may hold, so a stuck tenant leaves room for the others. */
  readonly tenantShare: number;
  /** Sends in flight at once into one conversation, so a stuck conversation cannot hold the tenant's places. */
  readonly conversationConcurrency: number;
  readonly retry: RetryPolicy;
  readonly random: () => number;
}

export const defaultWorkerOptions: WorkerOptions = {
  concurrency: 32,
  leaseMs: 120_000,
  graceMs: 6 * 3_600_000,
  pollMs: 1_000,
  maxRateWaitMs: 2_000,
  sendTimeoutMs: 15_000,
  lateAnswerMs: 15_000,
  slowSendMs: 2_000,
  tenantShare: 0.75,
  conversationConcurrency: 2,
  retry: defaultRetryPolicy,
  random: Math.random,
};
