import type { Destination } from '../core/messenger';
import type { Clock } from './clock';
import type { Delivery } from './delivery';
import type { DeliveryOutcomes } from './delivery-outcomes';
import type { RateLimiter, RateSlot } from './rate-limiter';
import { SendLanes, type LanePlace } from './send-lanes';
import type { WorkerOptions } from './worker-options';

/** A rate-limit slot and a place on the wire: what a send needs before it may start. */
export interface Granted {
  readonly slot: RateSlot;
  readonly place: LanePlace;
}

/** Waits for Teams' rate limits and for a free lane, or gives the delivery back to the queue when that takes too long. */
export class SlotGate {
  private readonly lanes: SendLanes;

  constructor(
    private readonly deps: {
      readonly limiter: RateLimiter;
      readonly clock: Clock;
      readonly outcomes: DeliveryOutcomes;
      readonly options: WorkerOptions;
      readonly stopping: AbortSignal;
    },
  ) {
    const { concurrency, tenantShare, conversationConcurrency } = deps.options;
    this.lanes = new SendLanes(Math.max(1, Math.floor(concurrency * tenantShare)), conversationConcurrency);
  }

  async acquire(delivery: Delivery, target: Destination): Promise<Granted | undefined> {
    const { limiter, clock, outcomes, options, stopping } = this.deps;
    const conversation = conversationOf(target);
    const laneDeadline = clock.now().getTime() + options.maxRateWaitMs;
    for (;;) {
      const now = clock.now();
      // A worker that is stopping, or whose lease is nearly over, must not start a send it may not get to record.
      if (stopping.aborted || delivery.nextAttemptAt.getTime() - now.getTime() < options.leaseMs / 4) {
        await outcomes.putBack(delivery, now, undefined, false);
        return undefined;
      }
      const result = limiter.tryAcquire(delivery.tenantId, conversation, now.getTime());
      if ('slot' in result) {
        const place = this.lanes.enter(delivery.tenantId, conversation);
        if (place) return { slot: result.slot, place };
        // Earlier sends to this tenant or conversation are still unanswered: wait a little for one to end, then step aside.
        limiter.refund(result.slot);
        if (now.getTime() >= laneDeadline) {
          await outcomes.putBack(delivery, new Date(now.getTime() + options.maxRateWaitMs), undefined, false);
          return undefined;
        }
        await this.sleepUnless(laneDeadline - now.getTime(), this.lanes.freed());
        continue;
      }
      if (result.waitMs > options.maxRateWaitMs) {
        await outcomes.putBack(delivery, new Date(now.getTime() + result.waitMs), undefined, false);
        return undefined;
      }
      await clock.sleep(result.waitMs, stopping);
    }
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
