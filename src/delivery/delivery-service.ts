import type { Logger } from '../logger';
import type { Clock } from './clock';
import type { DeliveryQueue } from './delivery';
import type { DeliveryWorker } from './delivery-worker';

/** Turns due schedules into deliveries; must be safe to run on several instances at once (unique keys, versions). */
export interface Planner {
  readonly name: string;
  /** Plans every occurrence that is due for planning at `now`; returns how many deliveries were added. */
  plan(now: Date): Promise<number>;
}

export interface DeliveryServiceOptions {
  readonly planEveryMs: number;
  /** Finished deliveries older than this are deleted. */
  readonly retentionMs: number;
}

/** The scheduler: plans on a timer and runs the worker; started and stopped by the composition root. */
export class DeliveryService {
  private readonly stopping = new AbortController();
  private planning: Promise<void> | undefined;
  private lastPurge = 0;

  constructor(
    private readonly deps: {
      readonly queue: DeliveryQueue;
      readonly worker: DeliveryWorker;
      readonly planners: readonly Planner[];
      readonly clock: Clock;
      readonly logger: Logger;
      readonly options: DeliveryServiceOptions;
    },
  ) {}

  start(): void {
    this.deps.worker.start();
    this.planning ??= this.planLoop();
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.planning;
    await this.deps.worker.stop();
  }

  /** One planning round over every planner; a failing planner is logged and the others still run. */
  async planOnce(): Promise<number> {
    const { planners, clock, logger, queue, options } = this.deps;
    let added = 0;
    for (const planner of planners) {
      try {
        added += await planner.plan(clock.now());
      } catch (error) {
        logger.error({ err: error, planner: planner.name }, 'planning failed; it is tried again on the next round');
      }
    }
    const now = clock.now().getTime();
    if (now - this.lastPurge > 3_600_000) {
      this.lastPurge = now;
      try {
        await queue.purgeFinished(new Date(now - options.retentionMs));
      } catch (error) {
        logger.warn({ err: error }, 'could not purge finished deliveries');
      }
    }
    return added;
  }

  private async planLoop(): Promise<void> {
    while (!this.stopping.signal.aborted) {
      await this.planOnce();
      await this.deps.clock.sleep(this.deps.options.planEveryMs, this.stopping.signal);
    }
  }
}
