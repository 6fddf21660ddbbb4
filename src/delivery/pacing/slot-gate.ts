import type { Destination } from '../../core/messenger';
import type { Clock } from '../clock';
import type { Delivery } from '../delivery';
import type { DeliveryOutcomes } from '../delivery-outcomes';
import type { RateLimiter, RateSlot } from './rate-limiter';
import { SendLanes, type LanePlace } from './send-lanes';
import type { TenantBudget } from './tenant-budget';
import type { WorkerOptions } from '../worker-options';

/** A rate-limit slot and a place on the wire: what a send needs before it may start. */
export interface Granted {
  readonly place: LanePlace;
  /** Teams answered (or the send gave up waiting): it counts in the windows from now. */
  answered(): void;
  /** Gives the rate-limit slots back: Teams throttled the request, so it did not count. */
  refund(): Promise<void>;
}

/** Waits for Teams' rate limits and for a free lane, or gives the delivery back to the queue when that takes too long. */
export class SlotGate {
  private readonly lanes: SendLanes;

  constructor(
    private readonly deps: {
      readonly limiter: RateLimiter;
      readonly tenantBudget?: TenantBudget | undefined;
      readonly clock: Clock;
      readonly outcomes: DeliveryOutcomes;
      readonly options: WorkerOptions;
      readonly stopping: AbortSignal;
    },
  ) {
    const { concurrency, tenantShare, conversationConcurrency } = deps.options;
    this.lanes = new SendLanes(Math.max(1, Math.floor(concurrency * tenantShare)), conversationConcurrency);
  }

  /**
   * `notBefore` is a Retry-After: the slot is planned now, at the first instant free from then on, so the retry goes
   * exactly when Teams allows it instead of behind every send that asks for a slot while it waits.
   */
  async acquire(delivery: Delivery, target: Destination, notBefore = 0): Promise<Granted | undefined> {
    const { limiter, clock, outcomes, options, stopping } = this.deps;
    const conversation = conversationOf(target);
    // A slot shared with other instances is used on time or not at all, so it cannot be planned a Retry-After ahead.
    if (this.deps.tenantBudget && notBefore > clock.now().getTime()) await this.sleepUnless(notBefore - clock.now().getTime());
    const laneDeadline = Math.max(clock.now().getTime(), notBefore) + options.maxRateWaitMs;
    for (;;) {
      const now = clock.now();
      // A worker that is stopping, or whose lease is nearly over, must not start a send it may not get to record.
      if (stopping.aborted || delivery.nextAttemptAt.getTime() - now.getTime() < options.leaseMs / 4) {
        await outcomes.putBack(delivery, now, undefined, false);
        return undefined;
      }
      const shared = await this.sharedSlot(delivery, now.getTime());
      if (shared === 'put back') return undefined;
      if (shared === 'again') continue;
      const result = limiter.reserve(delivery.tenantId, conversation, clock.now().getTime(), options.maxRateWaitMs, notBefore);
      if ('waitMs' in result) {
        if (shared !== undefined) await this.deps.tenantBudget?.refund(delivery.tenantId, shared);
        await outcomes.putBack(delivery, new Date(now.getTime() + result.waitMs), undefined, false);
        return undefined;
      }
      const early = result.slot.at - clock.now().getTime();
      if (early > 0 && shared !== undefined) {
        // The conversation is busy: the tenant slot would be used too late, so give both back and come again.
        await this.refund(result.slot, shared);
        await clock.sleep(early, stopping);
        continue;
      }
      if (early > 0) await clock.sleep(early, stopping);
      // Earlier sends to this tenant or conversation are still unanswered: wait a little for one to end (keeping the
      // slot, unless it is a shared one that must be used on time), then step aside.
      const place = await this.enterLane(delivery.tenantId, conversation, shared === undefined ? laneDeadline : 0);
      if (!place) {
        await this.refund(result.slot, shared);
        if (stopping.aborted) continue;
        if (clock.now().getTime() >= laneDeadline) {
          await outcomes.putBack(delivery, new Date(clock.now().getTime() + options.maxRateWaitMs), undefined, false);
          return undefined;
        }
        await this.sleepUnless(laneDeadline - clock.now().getTime(), this.lanes.freed());
        continue;
      }
      // Sends answered later than planned can have filled the window since the slot was reserved: take a later one.
      if (stopping.aborted || !limiter.sending(result.slot, clock.now().getTime())) {
        place.leave();
        await this.refund(result.slot, shared);
        continue;
      }
      const { slot } = result;
      // A slow send gives up its place in flight but stays in the windows until answered: Teams may still count it.
      return {
        place,
        answered: () => limiter.answered(slot, clock.now().getTime()),
        refund: () => this.refund(slot, shared),
      };
    }
  }

  /** A place on the wire, waiting for one to free up until `until`. */
  private async enterLane(tenant: string, conversation: string, until: number): Promise<LanePlace | undefined> {
    for (;;) {
      const place = this.lanes.enter(tenant, conversation);
      const left = until - this.deps.clock.now().getTime();
      if (place || left <= 0 || this.deps.stopping.aborted) return place;
      await this.sleepUnless(left, this.lanes.freed());
    }
  }

  /**
   * The slot from the budget shared with other instances, waited for: its time, undefined without a shared budget,
   * 'again' when it was missed (the wait for the database took too long), 'put back' when it is too far ahead.
   */
  private async sharedSlot(delivery: Delivery, now: number): Promise<number | undefined | 'again' | 'put back'> {
    const { tenantBudget, clock, outcomes, options, stopping } = this.deps;
    if (!tenantBudget) return undefined;
    const reserved = await tenantBudget.reserve(delivery.tenantId, now, options.maxRateWaitMs);
    if ('waitMs' in reserved) {
      await outcomes.putBack(delivery, new Date(now + reserved.waitMs), undefined, false);
      return 'put back';
    }
    const early = reserved.at - clock.now().getTime();
    if (early > 0) await clock.sleep(early, stopping);
    if (stopping.aborted) {
      await tenantBudget.refund(delivery.tenantId, reserved.at);
      return 'again';
    }
    // A slot used later than its tolerance could crowd a window: leave it unused and take the next one.
    return clock.now().getTime() - reserved.at > tenantBudget.toleranceMs ? 'again' : reserved.at;
  }

  private async refund(slot: RateSlot, shared: number | undefined): Promise<void> {
    this.deps.limiter.refund(slot);
    if (shared !== undefined) await this.deps.tenantBudget?.refund(slot.tenant, shared);
  }

  /** Sleeps `ms` on the clock, or less when `sooner` settles first or the worker stops. */
  async sleepUnless(ms: number, ...sooner: ReadonlyArray<Promise<unknown>>): Promise<void> {
    const wake = new AbortController();
    const stop = (): void => wake.abort();
    if (this.deps.stopping.aborted) return;
    this.deps.stopping.addEventListener('abort', stop, { once: true });
    const stopped = new Promise((resolve) => wake.signal.addEventListener('abort', resolve, { once: true }));
    await Promise.race([Number.isFinite(ms) ? this.deps.clock.sleep(ms, wake.signal) : stopped, ...sooner]);
    wake.abort();
    this.deps.stopping.removeEventListener('abort', stop);
  }
}

/** The conversation a destination posts into: a user's personal chat counts as one conversation. */
function conversationOf(destination: Destination): string {
  return 'conversationKey' in destination ? destination.conversationKey : `personal:${destination.userKey}`;
}
