import { SendFailure } from '../core/messenger';
import type { Logger } from '../logger';
import { retryDelayMs } from './pacing/backoff';
import type { Clock } from './clock';
import type { Delivery, DeliveryQueue } from './delivery';
import type { DeliveryHandler } from './delivery-handler';
import type { WorkerOptions } from './worker-options';

/** Records how a send went, and remembers when put-back deliveries fall due so the worker can wake right then. */
export class DeliveryOutcomes {
  private dueTimes: number[] = [];

  constructor(
    private readonly deps: { readonly queue: DeliveryQueue; readonly clock: Clock; readonly logger: Logger; readonly options: WorkerOptions },
  ) {}

  /** Back to the queue until `at`; `countAttempt` false for a wait that was not a send. */
  async putBack(delivery: Delivery, at: Date, error: string | undefined, countAttempt: boolean): Promise<void> {
    this.dueTimes.push(at.getTime());
    await this.deps.queue.retryLater(delivery, at, error, countAttempt);
  }

  /** The earliest time a delivery this worker put back falls due, after `since` (when the queue was last asked). */
  nextDueAfter(since: number): number {
    this.dueTimes = this.dueTimes.filter((at) => at > since);
    return this.dueTimes.reduce((earliest, at) => Math.min(earliest, at), Number.POSITIVE_INFINITY);
  }

  /** A send Teams refused or did not answer: unreachable for good, or retried (Retry-After, else backoff). */
  async failed(delivery: Delivery, handler: DeliveryHandler, failure: SendFailure | undefined, reason: string): Promise<void> {
    const { queue, clock, logger } = this.deps;
    logger.info({ deliveryId: delivery.id, kind: delivery.kind, reason, attempt: delivery.attempts + 1 }, 'delivery not accepted');
    if (failure?.reason === 'unreachable' || failure?.reason === 'no-conversation') {
      if (await queue.finish(delivery, 'unreachable', clock.now(), reason)) await this.followUp(delivery, () => handler.unreachable?.(delivery));
      return;
    }
    await this.retryOrFail(delivery, reason, failure);
  }

  async retryOrFail(delivery: Delivery, reason: string, failure: SendFailure | undefined): Promise<void> {
    const { queue, clock, options } = this.deps;
    const attempt = delivery.attempts + 1;
    if (attempt >= options.retry.maxAttempts) {
      await queue.finish(delivery, 'failed', clock.now(), reason);
      return;
    }
    const delay = retryDelayMs(failure ?? {}, attempt, options.retry, options.random);
    await this.putBack(delivery, new Date(clock.now().getTime() + delay), reason, true);
  }

  /** A follow-up (update a result card, tell an owner) must not undo a recorded send. */
  async followUp(delivery: Delivery, work: () => Promise<void> | undefined): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.deps.logger.error({ deliveryId: delivery.id, kind: delivery.kind, err: error }, 'delivery follow-up failed');
    }
  }
}

export const failureText = (failure: SendFailure): string => `${failure.reason}${failure.status ? ` ${failure.status}` : ''}`;
