import { SendSpacing, SlidingWindowLog, teamsConversationWindows, teamsTenantWindows, type RateWindow } from './rate-windows';

export { SendSpacing, SlidingWindowLog, teamsConversationWindows, teamsTenantWindows, type RateWindow } from './rate-windows';

/** Planned sends of a tenant are at least this share of its average interval apart (see SendSpacing). */
const spacingShare = 0.5;

/**
 * A granted slot, to be refunded if Teams throttled the request anyway. `at` is its reserved time, then the time the
 * send went out, then the time it counts from in the windows (its answer, by when Teams has counted it).
 */
export interface RateSlot {
  readonly tenant: string;
  readonly conversation: string;
  at: number;
  state: 'reserved' | 'on the wire' | 'counted' | 'refunded';
}

/**
 * Keeps one instance's sends within the per-conversation and per-tenant windows, as Teams counts them: a send stays
 * in the windows from its answer, so one that went out late or was slow to answer is never counted too early, and a
 * slot frees exactly when Teams' window lets the next send through.
 */
export class RateLimiter {
  private readonly tenants = new Map<string, SlidingWindowLog>();
  private readonly conversations = new Map<string, SlidingWindowLog>();
  private readonly spacings = new Map<string, SendSpacing>();
  private readonly gapMs: number;
  private lastSweep = 0;

  constructor(
    private readonly conversationWindows: readonly RateWindow[] = teamsConversationWindows,
    private readonly tenantWindows: readonly RateWindow[] = teamsTenantWindows(),
  ) {
    this.gapMs = spacingShare * Math.min(Number.POSITIVE_INFINITY, ...tenantWindows.map(({ limit, windowMs }) => windowMs / limit));
  }

  /** Takes a slot when both windows allow it now; otherwise says how long to wait. */
  tryAcquire(tenant: string, conversation: string, now: number): { readonly slot: RateSlot } | { readonly waitMs: number } {
    this.sweep(now);
    const tenantLog = this.logFor(this.tenants, tenant, this.tenantWindows);
    const conversationLog = this.logFor(this.conversations, `${tenant}|${conversation}`, this.conversationWindows);
    const waitMs = Math.max(tenantLog.delayAt(now), conversationLog.delayAt(now));
    if (waitMs > 0) return { waitMs: Math.ceil(waitMs) };
    tenantLog.record(now);
    conversationLog.record(now);
    return { slot: { tenant, conversation, at: now, state: 'reserved' } };
  }

  /**
   * Takes the earliest slot both windows allow, if it is within `maxWaitMs`: each waiting send gets a time of its own
   * instead of all waking together and racing for the next one. That is the instant a window slot frees, even between
   * slots reserved earlier, so one send answered late delays only its own slot's next use, not every send after it.
   * `from` plans a send that may not go before then (a Retry-After) ahead of those that will ask meanwhile.
   */
  reserve(tenant: string, conversation: string, now: number, maxWaitMs: number, from = now): { readonly slot: RateSlot } | { readonly waitMs: number } {
    this.sweep(now);
    const tenantLog = this.logFor(this.tenants, tenant, this.tenantWindows);
    const conversationLog = this.logFor(this.conversations, `${tenant}|${conversation}`, this.conversationWindows);
    const spacing = this.spacingFor(tenant, now);
    const start = Math.max(now, from);
    let at = start;
    // Bounded by the wait: a window full of unanswered sends moves the time on by its length at every round.
    for (let before = Number.NaN; at !== before && at - start <= maxWaitMs; ) {
      before = at;
      at = conversationLog.earliestFit(tenantLog.earliestFit(spacing?.earliestFit(at) ?? at));
    }
    if (at - start > maxWaitMs) return { waitMs: Math.ceil(at - now) };
    tenantLog.record(at);
    conversationLog.record(at);
    spacing?.record(at);
    return { slot: { tenant, conversation, at, state: 'reserved' } };
  }

  /**
   * The send goes out now: it counts as on the wire until answered, and may start only if every window ending now
   * still has room for it (sends answered later than planned can have filled it since the slot was reserved).
   */
  sending(slot: RateSlot, now: number): boolean {
    if (slot.state !== 'reserved') return true;
    const logs = this.logsOf(slot);
    for (const log of logs) log?.takeOff(slot.at);
    slot.state = 'on the wire';
    slot.at = now;
    return logs.every((log) => log?.fitsAt(now) ?? true);
  }

  /** Teams answered (or the send timed out): it counts from `at` on. */
  answered(slot: RateSlot, at: number): void {
    if (slot.state !== 'on the wire') return;
    for (const log of this.logsOf(slot)) log?.land(at);
    slot.state = 'counted';
    slot.at = at;
  }

  /** Gives a slot back: Teams throttled the request, so it did not count, or it was never sent. */
  refund(slot: RateSlot): void {
    if (slot.state === 'refunded') return;
    if (slot.state === 'reserved') this.spacings.get(slot.tenant)?.refund(slot.at);
    for (const log of this.logsOf(slot)) {
      if (slot.state === 'on the wire') log?.land(undefined);
      else log?.refund(slot.at);
    }
    slot.state = 'refunded';
  }

  private logsOf(slot: RateSlot): Array<SlidingWindowLog | undefined> {
    return [this.tenants.get(slot.tenant), this.conversations.get(`${slot.tenant}|${slot.conversation}`)];
  }

  private spacingFor(tenant: string, now: number): SendSpacing | undefined {
    if (!Number.isFinite(this.gapMs)) return undefined;
    let spacing = this.spacings.get(tenant);
    if (!spacing) {
      spacing = new SendSpacing(this.gapMs);
      this.spacings.set(tenant, spacing);
    }
    spacing.forget(now);
    return spacing;
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
