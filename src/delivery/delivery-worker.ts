import { setMaxListeners } from 'node:events';
import { SendFailure, type Destination, type Messenger, type SendWatch } from '../core/messenger';
import type { Logger } from '../logger';
import type { Clock } from './clock';
import { Wakeup, withDeadline, type TimedOut } from './pacing/deadline';
import type { Delivery, DeliveryQueue } from './delivery';
import type { DeliveryHandler, DeliveryHandlers } from './delivery-handler';
import { DeliveryOutcomes, failureText } from './delivery-outcomes';
import type { RateLimiter } from './pacing/rate-limiter';
import { SlotGate, type Granted } from './pacing/slot-gate';
import type { TenantBudget } from './pacing/tenant-budget';
import { defaultWorkerOptions, type WorkerOptions } from './worker-options';

export type { WorkerOptions } from './worker-options';

/** 429s with a short Retry-After waited out within one claim; more go back to the queue as counted attempts. */
const maxThrottledInClaim = 3;

export interface WorkerDependencies {
  readonly queue: DeliveryQueue;
  readonly messenger: Messenger;
  readonly handlers: DeliveryHandlers;
  readonly limiter: RateLimiter;
  /** Shared with the other instances (PostgreSQL); without it the limiter's own tenant windows apply. */
  readonly tenantBudget?: TenantBudget | undefined;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly options?: Partial<WorkerOptions>;
}

/** Claims due deliveries under a lease, sends them within Teams' limits and records every outcome. */
export class DeliveryWorker {
  private readonly options: WorkerOptions;
  private readonly stopping = new AbortController();
  private readonly gate: SlotGate;
  private readonly outcomes: DeliveryOutcomes;
  private loop: Promise<void> | undefined;

  constructor(private readonly deps: WorkerDependencies) {
    this.options = { ...defaultWorkerOptions, ...deps.options };
    this.outcomes = new DeliveryOutcomes({ ...deps, options: this.options });
    this.gate = new SlotGate({ ...deps, outcomes: this.outcomes, options: this.options, stopping: this.stopping.signal });
    // Every send waiting for a rate-limit slot listens for the stop.
    setMaxListeners(this.options.concurrency + 16, this.stopping.signal);
  }

  start(): void {
    this.loop ??= this.run();
  }

  /** Lets sends under way finish (or time out) and be recorded; claimed deliveries not yet sent go back to the queue. */
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

  /**
   * Claims as places free up, a few at a time (and any free place within a poll interval), so a busy queue is not
   * asked once per send. A send unanswered for slowSendMs gives its place to the next delivery while it waits out
   * its time-out (up to `concurrency` of them), so stuck conversations hold no places the others need.
   */
  private async run(): Promise<void> {
    const { queue, clock, logger } = this.deps;
    const { concurrency, leaseMs, pollMs } = this.options;
    const batch = Math.max(1, Math.ceil(concurrency / 8));
    const inFlight = new Set<Promise<void>>();
    const slow = new Set<Promise<void>>();
    const roomMade = new Wakeup();
    let askedAt = Number.NEGATIVE_INFINITY;
    while (!this.stopping.signal.aborted) {
      const room = concurrency - inFlight.size;
      const now = clock.now().getTime();
      const asking = room >= batch || (room > 0 && now - askedAt >= pollMs);
      let claimed: Delivery[] = [];
      if (asking) {
        askedAt = now;
        try {
          claimed = await queue.claim(new Date(now), room, leaseMs);
        } catch (error) {
          logger.error({ err: error }, 'could not claim deliveries');
        }
      }
      for (const delivery of claimed) {
        const running: Promise<void> = this.process(delivery, () => {
          if (slow.size >= concurrency || !inFlight.delete(running)) return;
          slow.add(running);
          roomMade.notify();
        }).finally(() => {
          if (inFlight.delete(running)) roomMade.notify();
          slow.delete(running);
        });
        inFlight.add(running);
      }
      if (asking && claimed.length === room) continue;
      if (!asking) {
        // Too few places for a claim: until more free up, or the poll interval passes.
        await this.gate.sleepUnless(room === 0 ? Number.POSITIVE_INFINITY : askedAt + pollMs - now, roomMade.wait());
        continue;
      }
      // Nothing more due: until the next poll, or sooner when a delivery put back falls due.
      const untilDue = this.outcomes.nextDueAfter(askedAt) - clock.now().getTime();
      await this.gate.sleepUnless(Math.max(0, Math.min(pollMs, untilDue)));
    }
    await Promise.allSettled([...inFlight, ...slow]);
  }

  private async process(delivery: Delivery, onSlow: () => void = () => undefined): Promise<void> {
    const ids = { deliveryId: delivery.id, kind: delivery.kind, occurrenceKey: delivery.occurrenceKey, attempt: delivery.attempts + 1 };
    try {
      await this.attempt(delivery, onSlow);
    } catch (error) {
      this.deps.logger.error({ ...ids, err: error }, 'delivery failed unexpectedly; it will be retried');
      await this.outcomes.retryOrFail(delivery, error instanceof Error ? error.name : 'error', undefined).catch((retryError: unknown) => {
        this.deps.logger.error({ ...ids, err: retryError }, 'could not record a failed delivery; its lease will run out');
      });
    }
  }

  private async attempt(delivery: Delivery, onSlow: () => void): Promise<void> {
    const { queue, handlers, clock, messenger, logger } = this.deps;
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
    const send = async (watch: SendWatch): Promise<readonly string[]> => {
      if (prepared.kind === 'send') return messenger.send(delivery.destination, prepared.replies, watch);
      await messenger.updateCard(prepared.conversationKey, prepared.activityId, prepared.view, watch);
      return [prepared.activityId];
    };
    let activityIds: readonly string[] | undefined;
    let notBefore = 0;
    for (let throttled = 0; activityIds === undefined; throttled += 1) {
      const outcome = await this.sendOnce(delivery, handler, target, send, onSlow, throttled < maxThrottledInClaim, notBefore);
      if (outcome === 'done') return;
      if ('retryAfterMs' in outcome) {
        // Teams did not process it and said when it may come again: the retry keeps its claim and takes the first slot
        // free from then on, ahead of the deliveries that ask meanwhile, instead of queueing behind the whole fan-out.
        notBefore = clock.now().getTime() + outcome.retryAfterMs;
        continue;
      }
      activityIds = outcome.activityIds;
    }
    if (!(await queue.markSent(delivery, clock.now(), activityIds))) {
      logger.warn({ deliveryId: delivery.id }, 'delivery sent after its lease ran out; another worker may send it again');
      return;
    }
    await this.outcomes.followUp(delivery, () => handler.delivered?.(delivery, activityIds));
  }

  /** One send in a slot: its ids, a short Retry-After to wait in the claim, or 'done' when the outcome is recorded. */
  private async sendOnce(
    delivery: Delivery,
    handler: DeliveryHandler,
    target: Destination,
    send: (watch: SendWatch) => Promise<readonly string[]>,
    onSlow: () => void,
    mayWaitHere: boolean,
    notBefore: number,
  ): Promise<SendOutcome> {
    const granted = await this.gate.acquire(delivery, target, notBefore);
    if (!granted) return 'done';
    const deadline = {
      timeoutMs: this.options.sendTimeoutMs,
      slowMs: this.options.slowSendMs,
      onSlow: (): void => {
        granted.place.releaseTenant();
        onSlow();
      },
      // From the HTTP answer on, not from when the SDK has read it: the slot frees as soon as Teams' window lets it.
      onAnswered: (): void => granted.answered(),
    };
    try {
      const result = await withDeadline(this.deps.clock, deadline, send);
      if ('value' in result) {
        granted.answered();
        return { activityIds: result.value };
      }
      return await this.afterTimeOut(delivery, handler, granted, result);
    } catch (error) {
      return this.afterFailure(delivery, handler, granted, error, mayWaitHere);
    } finally {
      granted.place.leave();
    }
  }

  /**
   * The request left but its answer did not come in time: it may still reach Teams, so a retry now could post it twice.
   * Wait a while longer for that answer; only a send still unanswered (or failed) after that is tried again.
   */
  private async afterTimeOut(delivery: Delivery, handler: DeliveryHandler, granted: Granted, timedOut: TimedOut<readonly string[]>): Promise<SendOutcome> {
    const { logger } = this.deps;
    const late = await Promise.race([
      timedOut.settling.then(
        (activityIds) => ({ activityIds }),
        (error: unknown) => ({ error }),
      ),
      this.gate.sleepUnless(this.options.lateAnswerMs).then(() => undefined),
    ]);
    if (late && 'activityIds' in late) {
      granted.answered();
      logger.info({ deliveryId: delivery.id, kind: delivery.kind }, 'a send answered after its time-out is recorded as sent, not retried');
      return late;
    }
    if (late) return this.afterFailure(delivery, handler, granted, late.error, false);
    granted.answered();
    timedOut.settling.then(
      () => logger.warn({ deliveryId: delivery.id, kind: delivery.kind }, 'a send that timed out was accepted after all; its retry may post it twice'),
      () => undefined,
    );
    logger.warn({ deliveryId: delivery.id, kind: delivery.kind }, 'a send left but got no answer; it is in doubt and will be retried');
    await this.outcomes.failed(delivery, handler, undefined, `timed out after ${Math.round(timedOut.timedOutAfterMs / 1000)} s`);
    return 'done';
  }

  private async afterFailure(delivery: Delivery, handler: DeliveryHandler, granted: Granted, error: unknown, mayWaitHere: boolean): Promise<SendOutcome> {
    if (!(error instanceof SendFailure)) throw error;
    if (error.reason === 'throttled') await granted.refund();
    else granted.answered();
    const { retryAfterMs } = error;
    if (error.reason === 'throttled' && mayWaitHere && retryAfterMs !== undefined && retryAfterMs >= 0 && retryAfterMs <= this.options.maxRateWaitMs) {
      return { retryAfterMs };
    }
    await this.outcomes.failed(delivery, handler, error, failureText(error));
    return 'done';
  }
}

type SendOutcome = { readonly activityIds: readonly string[] } | { readonly retryAfterMs: number } | 'done';
