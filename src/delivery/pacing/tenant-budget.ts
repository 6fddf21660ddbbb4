/**
 * One tenant's send budget shared by every instance on one database (Teams counts the bot's sends per tenant, not
 * per instance). Slots are spaced evenly; a slot used more than `toleranceMs` late is not used at all, and the
 * spacing leaves room for that lateness, so no window ever holds more than the limit.
 */
export interface TenantBudget {
  readonly toleranceMs: number;
  /** Takes the next slot for `tenant` if it comes within `maxWaitMs` of `now` and returns its time; otherwise how long until one would. */
  reserve(tenant: string, now: number, maxWaitMs: number): Promise<{ readonly at: number } | { readonly waitMs: number }>;
  /** Gives a slot back: Teams throttled the request, so it did not count, or it was never sent. */
  refund(tenant: string, at: number): Promise<void>;
}

/** The spacing between slots for `perSecond` sends in any second, with room for a slot used `toleranceMs` late on a millisecond clock. */
export const slotSpacingMs = (perSecond: number, toleranceMs: number): number => (1_000 + toleranceMs + 1) / perSecond;
