import type { SendFailure } from '../../core/messenger';

/** How a failed send is retried. */
export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 8, baseDelayMs: 2_000, maxDelayMs: 15 * 60_000 };

/**
 * The wait before attempt `attempt + 1`: the server's Retry-After when it gave one, otherwise exponential backoff
 * with "equal jitter" (half fixed, half random), so many deliveries throttled together do not return together.
 */
export function retryDelayMs(failure: Pick<SendFailure, 'retryAfterMs'>, attempt: number, policy: RetryPolicy, random: () => number): number {
  if (failure.retryAfterMs !== undefined && failure.retryAfterMs >= 0) return Math.min(failure.retryAfterMs, policy.maxDelayMs);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
