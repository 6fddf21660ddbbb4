import type { DeliveryConfig } from '../config';
import type { Messenger } from '../core/messenger';
import type { Logger } from '../logger';
import { systemClock } from './clock';
import type { DeliveryQueue } from './delivery';
import { DeliveryHandlers, type DeliveryHandler } from './delivery-handler';
import { DeliveryService, type Planner } from './delivery-service';
import { DeliveryWorker } from './delivery-worker';
import { RateLimiter, teamsConversationWindows, teamsTenantWindows } from './pacing/rate-limiter';

const retentionMs = 90 * 24 * 3_600_000;

/** The scheduler and worker as the composition root starts them, from config and the capabilities' parts. */
export function createDeliveryService(parts: {
  readonly queue: DeliveryQueue;
  readonly messenger: Messenger;
  readonly handlers: readonly DeliveryHandler[];
  readonly planners: readonly Planner[];
  readonly now: () => Date;
  readonly logger: Logger;
  readonly config: DeliveryConfig;
}): DeliveryService {
  const clock = systemClock(parts.now);
  // With PostgreSQL every instance takes from one budget per tenant; with SQLite (one instance) it stays in memory.
  const tenantBudget = parts.queue.sharedTenantBudget?.(parts.config.tenantRatePerSecond);
  const worker = new DeliveryWorker({
    queue: parts.queue,
    messenger: parts.messenger,
    handlers: new DeliveryHandlers(parts.handlers),
    limiter: new RateLimiter(teamsConversationWindows, tenantBudget ? [] : teamsTenantWindows(parts.config.tenantRatePerSecond)),
    tenantBudget,
    clock,
    logger: parts.logger,
    options: { graceMs: parts.config.graceMinutes * 60_000 },
  });
  return new DeliveryService({
    queue: parts.queue,
    worker,
    planners: parts.planners,
    clock,
    logger: parts.logger,
    options: { planEveryMs: 30_000, retentionMs },
  });
}
