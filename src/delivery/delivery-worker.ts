import { setMaxListeners } from 'node:events';
import { SendFailure, type Destination, type Messenger } from '../core/messenger';
import type { Logger } from '../logger';
import { retryDelayMs } from './backoff';
import type { Clock } from './clock';
import type { Delivery, DeliveryQueue } from './delivery';
import type { DeliveryHandler, DeliveryHandlers } from './delivery-handler';
import type { RateLimiter, RateSlot } from './rate-limiter';
import { defaultWorkerOptions, type WorkerOptions } from './worker-options';

export type { WorkerOptions } from './worker-options';

export interface WorkerDependencies {
  readonly queue: DeliveryQueue;
  readonly messenger: Messenger;
  readonly handlers: DeliveryHandlers;
  readonly limiter: RateLimiter;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly options?: Partial<WorkerOptions>;
}

/** Claims due deliveries under a lease, sends them within Teams' limits and records every outcome. */
export class DeliveryWorker {
  private readonly options: WorkerOptions;
  private readonly stopping = new AbortController();
  private loop: Promise<void> | undefined;

  constructor(private readonly deps: WorkerDependencies) {
    this.options = { ...defaultWorkerOptions, ...deps.options };
    // Every send waiting for a rate-limit slot listens for the stop.
    setMaxListeners(this.options.concurrency + 16, this.stopping.signal);
  }

  start(): void {
    this.loop ??= this.run();
  }

  /** Lets sends under way finish and be recorded; claimed deliveries not yet sent go back to the queue. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.loop;
  }

  /** Sends everything due now, batch after batch, then returns how many were claimed (for tests and tools). */
  async drain(): Promise<number> {
    let total = 0;
    while (!this.stopping.signal.aborted) {
      const claimed = await this.deps.queue.claim(this.deps.clock.now(), this.options.concurrency, this.options.leaseMs);
      if (claimed.length === 0) break;
      total += claimed.length;
      await Promise.all(claimed.map((delivery) => this.process(delivery)));
    }
    return total;
  }

  private async run(): Promise<void> {
    const { queue, clock, logger } = this.deps;
    const { concurrency, leaseMs, pollMs } = this.options;
    const inFlight = new Set<Promise<void>>();
    const signal = this.stopping.signal;
    while (!signal.aborted) {
      const room = concurrency - inFlight.size;
      let claimed: Delivery[] = [];
      // Claim in chunks of at least a quarter, so a busy queue is not asked once per finished send.
      if (room >= Math.ceil(concurrency / 4)) {
        try {
          claimed = await queue.claim(clock.now(), room, leaseMs);
        } catch (error) {
          logger.error({ err: error }, 'could not claim deliveries');
        }
      }
      for (const delivery of claimed) {
        const running: Promise<void> = this.process(delivery).finally(() => inFlight.delete(running));
        inFlight.add(running);
      }
      if (claimed.length === room && room > 0) continue;
      await this.waitForRoomOrPoll(inFlight, claimed.length === 0 ? pollMs : 0);
    }
    await Promise.allSettled([...inFlight]);
  }

  /** Waits until a send finishes or the poll interval passes (whichever is first), or the worker stops. */
  private async waitForRoomOrPoll(inFlight: ReadonlySet<Promise<void>>, pollMs: number): Promise<void> {
    const wake = new AbortController();
    const stop = (): void => wake.abort();
    this.stopping.signal.addEventListener('abort', stop, { once: true });
    const waits: Promise<unknown>[] = [...inFlight];
    if (pollMs > 0 || inFlight.size === 0) waits.push(this.deps.clock.sleep(Math.max(pollMs, 1), wake.signal));
    else waits.push(new Promise((resolve) => wake.signal.addEventListener('abort', resolve, { once: true })));
    await Promise.race(waits);
    wake.abort();
    this.stopping.signal.removeEventListener('abort', stop);
  }

  private async process(delivery: Delivery): Promise<void> {
    const ids = { deliveryId: delivery.id, kind: delivery.kind, occurrenceKey: delivery.occurrenceKey, attempt: delivery.attempts + 1 };
    try {
      await this.attempt(delivery);
    } catch (error) {
      this.deps.logger.error({ ...ids, err: error }, 'delivery failed unexpectedly; it will be retried');
      await this.retryOrFail(delivery, error instanceof Error ? error.name : 'error', undefined).catch((retryError: unknown) => {
        this.deps.logger.error({ ...ids, err: retryError }, 'could not record a failed delivery; its lease will run out');
      });
    }
  }

  private async attempt(delivery: Delivery): Promise<void> {
    const { queue, handlers, clock, messenger } = this.deps;
    const handler = handlers.get(delivery.kind);
    if (!handler) {
      await queue.finish(delivery, 'failed', clock.now(), `no handler for ${delivery.kind}`);
      return;
    }
    if (delivery.attempts === 0 && clock.now().getTime() - delivery.dueAt.getTime() > this.options.graceMs) {
      if (await queue.finish(delivery, 'missed', clock.now(), 'past the grace window')) await handler.missed?.(delivery);
      return;
    }
    const prepared = await handler.prepare(delivery);
    if (prepared.kind === 'cancel') {
      await queue.finish(delivery, prepared.missed ? 'missed' : 'cancelled', clock.now(), prepared.reason);
      return;
    }
    const target: Destination = prepared.kind === 'update' ? { conversationKey: prepared.conversationKey } : delivery.destination;
    const slot = await this.acquireSlot(delivery, target);
    if (!slot) return;
    let activityIds: readonly string[];
    try {
      if (prepared.kind === 'update') {
        await messenger.updateCard(prepared.conversationKey, prepared.activityId, prepared.view);
        activityIds = [prepared.activityId];
      } else {
        activityIds = await messenger.send(delivery.destination, prepared.replies);
      }
    } catch (error) {
      if (!(error instanceof SendFailure)) throw error;
      await this.failed(delivery, handler, error, slot);
      return;
    }
    if (!(await queue.markSent(delivery, clock.now(), activityIds))) {
      this.deps.logger.warn({ deliveryId: delivery.id }, 'delivery sent after its lease ran out; another worker may send it again');
      return;
    }
    await this.followUp(delivery, () => handler.delivered?.(delivery, activityIds));
  }

  /** A rate-limit slot for this tenant and conversation, or undefined when the delivery went back to the queue. */
  private async acquireSlot(delivery: Delivery, target: Destination): Promise<RateSlot | undefined> {
    const { limiter, clock, queue } = this.deps;
    for (;;) {
      const now = clock.now();
      // A worker that is stopping, or whose lease is nearly over, must not start a send it may not get to record.
      if (this.stopping.signal.aborted || delivery.nextAttemptAt.getTime() - now.getTime() < this.options.leaseMs / 4) {
        await queue.retryLater(delivery, now, undefined, false);
        return undefined;
      }
      const result = limiter.tryAcquire(delivery.tenantId, conversationOf(target), now.getTime());
      if ('slot' in result) return result.slot;
      if (result.waitMs > this.options.maxRateWaitMs) {
        await queue.retryLater(delivery, new Date(now.getTime() + result.waitMs), undefined, false);
        return undefined;
      }
      await clock.sleep(result.waitMs, this.stopping.signal);
    }
  }

  private async failed(delivery: Delivery, handler: DeliveryHandler, failure: SendFailure, slot: RateSlot): Promise<void> {
    const { queue, clock, limiter, logger } = this.deps;
    const reason = `${failure.reason}${failure.status ? ` ${failure.status}` : ''}`;
    logger.info({ deliveryId: delivery.id, kind: delivery.kind, reason, attempt: delivery.attempts + 1 }, 'delivery not accepted');
    if (failure.reason === 'unreachable' || failure.reason === 'no-conversation') {
      if (await queue.finish(delivery, 'unreachable', clock.now(), reason)) await this.followUp(delivery, () => handler.unreachable?.(delivery));
      return;
    }
    if (failure.reason === 'throttled') limiter.refund(slot);
    await this.retryOrFail(delivery, reason, failure);
  }

  private async retryOrFail(delivery: Delivery, reason: string, failure: SendFailure | undefined): Promise<void> {
    const { queue, clock } = this.deps;
    const attempt = delivery.attempts + 1;
    if (attempt >= this.options.retry.maxAttempts) {
      await queue.finish(delivery, 'failed', clock.now(), reason);
      return;
    }
    const delay = retryDelayMs(failure ?? {}, attempt, this.options.retry, this.options.random);
    await queue.retryLater(delivery, new Date(clock.now().getTime() + delay), reason, true);
  }

  /** A follow-up (update a result card, tell an owner) must not undo a recorded send. */
  private async followUp(delivery: Delivery, work: () => Promise<void> | undefined): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.deps.logger.error({ deliveryId: delivery.id, kind: delivery.kind, err: error }, 'delivery follow-up failed');
    }
  }
}

/** The conversation a destination posts into: a user's personal chat counts as one conversation. */
function conversationOf(destination: Destination): string {
  return 'conversationKey' in destination ? destination.conversationKey : `personal:${destination.userKey}`;
}
