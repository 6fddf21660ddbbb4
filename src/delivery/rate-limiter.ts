/** At most `limit` sends in any `windowMs` milliseconds. */
export interface RateWindow {
  readonly limit: number;
  readonly windowMs: number;
}

/** Teams' documented limits for a bot sending to one conversation. */
export const teamsConversationWindows: readonly RateWindow[] = [
  { limit: 7, windowMs: 1_000 },
  { limit: 8, windowMs: 2_000 },
  { limit: 60, windowMs: 30_000 },
  { limit: 1_800, windowMs: 3_600_000 },
];

/** Teams' limit for one bot across all conversations of one tenant. */
export const teamsTenantWindows = (perSecond = 50): readonly RateWindow[] => [{ limit: perSecond, windowMs: 1_000 }];

/** A sliding-window log: the send times still inside the longest window, checked against every window. */
export class SlidingWindowLog {
  private readonly times: number[] = [];
  private readonly longestMs: number;

  constructor(private readonly windows: readonly RateWindow[]) {
    this.longestMs = Math.max(...windows.map((window) => window.windowMs));
  }

  /** Milliseconds until one more send fits every window; 0 means now. */
  delayAt(now: number): number {
    this.forget(now);
    let delay = 0;
    for (const { limit, windowMs } of this.windows) {
      const inWindow = this.countSince(now - windowMs);
      if (inWindow < limit) continue;
      // The oldest sends must leave the window until one fewer than the limit remain in it.
      const mustLeave = this.times[this.times.length - limit];
      if (mustLeave !== undefined) delay = Math.max(delay, mustLeave + windowMs - now);
    }
    return delay;
  }

  record(now: number): void {
    this.times.push(now);
  }

  get last(): number | undefined {
    return this.times.at(-1);
  }

  /** Gives a slot back: a throttled request was not processed, so it does not count. */
  refund(at: number): void {
    const index = this.times.lastIndexOf(at);
    if (index >= 0) this.times.splice(index, 1);
  }

  get empty(): boolean {
    return this.times.length === 0;
  }

  forget(now: number): void {
    let drop = 0;
    while (drop < this.times.length && (this.times[drop] ?? now) <= now - this.longestMs) drop += 1;
    if (drop > 0) this.times.splice(0, drop);
  }

  private countSince(start: number): number {
    // Times are appended in order, so count from the end.
    let count = 0;
    for (let index = this.times.length - 1; index >= 0 && (this.times[index] ?? start) > start; index -= 1) count += 1;
    return count;
  }
}

/**
 * Spaces sends evenly (GCRA) at a share of a window's rate. A sliding window alone lets a whole second's sends go at
 * once, and then network jitter at the window's edge pushes one over the server's count. A few sends of burst
 * tolerance make up for timers that fire late, so the long-run rate stays at the share.
 */
export class Pacer {
  private theoreticalAt = 0;
  readonly intervalMs: number;

  constructor(
    window: RateWindow,
    utilisation: number,
    private readonly burst = 4,
  ) {
    this.intervalMs = window.windowMs / (window.limit * utilisation);
  }

  delayAt(now: number): number {
    return Math.max(0, this.theoreticalAt - this.burst * this.intervalMs - now);
  }

  /** The next slot with no burst. */
  get nextAt(): number {
    return this.theoreticalAt;
  }

  record(now: number): void {
    this.theoreticalAt = Math.max(this.theoreticalAt, now) + this.intervalMs;
  }

  refund(): void {
    this.theoreticalAt -= this.intervalMs;
  }
}

/** A granted slot, to be refunded if Teams throttled the request anyway. */
export interface RateSlot {
  readonly tenant: string;
  readonly conversation: string;
  readonly at: number;
}

/** Keeps one instance's sends within the per-conversation and per-tenant windows. */
export class RateLimiter {
  private readonly tenants = new Map<string, SlidingWindowLog>();
  private readonly pacers = new Map<string, Pacer>();
  private readonly conversations = new Map<string, SlidingWindowLog>();
  private lastSweep = 0;

  /** `utilisation` is the share of the tenant rate to pace at; the rest absorbs jitter between us and Teams. */
  constructor(
    private readonly conversationWindows: readonly RateWindow[] = teamsConversationWindows,
    private readonly tenantWindows: readonly RateWindow[] = teamsTenantWindows(),
    private readonly utilisation = 0.998,
  ) {}

  /** Takes a slot when both windows allow it now; otherwise says how long to wait. */
  tryAcquire(tenant: string, conversation: string, now: number): { readonly slot: RateSlot } | { readonly waitMs: number } {
    this.sweep(now);
    const tenantLog = this.logFor(this.tenants, tenant, this.tenantWindows);
    const pacer = this.pacerFor(tenant);
    const conversationLog = this.logFor(this.conversations, `${tenant}|${conversation}`, this.conversationWindows);
    const waitMs = Math.max(tenantLog.delayAt(now), pacer?.delayAt(now) ?? 0, conversationLog.delayAt(now));
    if (waitMs > 0) return { waitMs: Math.ceil(waitMs) };
    tenantLog.record(now);
    pacer?.record(now);
    conversationLog.record(now);
    return { slot: { tenant, conversation, at: now } };
  }

  /**
   * Takes the earliest slot both windows and the pacing allow, if it is within `maxWaitMs`: each waiting send gets a
   * time of its own instead of all waking together and racing for the next one. Slots come in time order per
   * tenant (the pacing allows no burst here), so the logs stay sorted.
   */
  reserve(tenant: string, conversation: string, now: number, maxWaitMs: number): { readonly slot: RateSlot } | { readonly waitMs: number } {
    this.sweep(now);
    const tenantLog = this.logFor(this.tenants, tenant, this.tenantWindows);
    const pacer = this.pacerFor(tenant);
    const conversationLog = this.logFor(this.conversations, `${tenant}|${conversation}`, this.conversationWindows);
    let at = Math.max(now, pacer?.nextAt ?? now, tenantLog.last ?? now, conversationLog.last ?? now);
    for (let delay = 1; delay > 0; at += delay) delay = Math.max(tenantLog.delayAt(at), conversationLog.delayAt(at));
    if (at - now > maxWaitMs) return { waitMs: Math.ceil(at - now) };
    tenantLog.record(at);
    pacer?.record(at);
    conversationLog.record(at);
    return { slot: { tenant, conversation, at } };
  }

  refund(slot: RateSlot): void {
    this.tenants.get(slot.tenant)?.refund(slot.at);
    this.pacers.get(slot.tenant)?.refund();
    this.conversations.get(`${slot.tenant}|${slot.conversation}`)?.refund(slot.at);
  }

  private pacerFor(tenant: string): Pacer | undefined {
    const shortest = [...this.tenantWindows].sort((a, b) => a.windowMs / a.limit - b.windowMs / b.limit)[0];
    if (!shortest) return undefined;
    let pacer = this.pacers.get(tenant);
    if (!pacer) {
      pacer = new Pacer(shortest, this.utilisation);
      this.pacers.set(tenant, pacer);
    }
    return pacer;
  }

  private logFor(logs: Map<string, SlidingWindowLog>, key: string, windows: readonly RateWindow[]): SlidingWindowLog {
    let log = logs.get(key);
    if (!log) {
      log = new SlidingWindowLog(windows);
      logs.set(key, log);
    }
    return log;
  }

  /** Drops logs of conversations nobody sent to within the longest window, so memory follows current traffic. */
  private sweep(now: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const logs of [this.tenants, this.conversations]) {
      for (const [key, log] of logs) {
        log.forget(now);
        if (log.empty) logs.delete(key);
      }
    }
  }
}
