import { Pacer, SlidingWindowLog, teamsConversationWindows, teamsTenantWindows, type RateWindow } from './rate-windows';

export { Pacer, SlidingWindowLog, teamsConversationWindows, teamsTenantWindows, type RateWindow } from './rate-windows';

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
  private readonly pacers = new Map<string, Pacer>();
  private readonly conversations = new Map<string, SlidingWindowLog>();
  private lastSweep = 0;

  /**
   * `utilisation` spaces a tenant's sends evenly at that share of its rate. The full rate: counting each send from its
   * answer already keeps the windows as Teams counts them, so no share needs to be held back for jitter.
   */
  constructor(
    private readonly conversationWindows: readonly RateWindow[] = teamsConversationWindows,
    private readonly tenantWindows: readonly RateWindow[] = teamsTenantWindows(),
    private readonly utilisation = 1,
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
    return { slot: { tenant, conversation, at: now, state: 'reserved' } };
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
    for (const log of this.logsOf(slot)) {
      if (slot.state === 'on the wire') log?.land(undefined);
      else log?.refund(slot.at);
    }
    this.pacers.get(slot.tenant)?.refund();
    slot.state = 'refunded';
  }

  private logsOf(slot: RateSlot): Array<SlidingWindowLog | undefined> {
    return [this.tenants.get(slot.tenant), this.conversations.get(`${slot.tenant}|${slot.conversation}`)];
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
