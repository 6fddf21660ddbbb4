import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConversationReferenceRepository } from '../../src/bot/conversation-references';
import { createProactiveAdapter } from '../../src/bot/proactive-adapter';
import { ProactiveMessenger } from '../../src/bot/proactive-messenger';
import { CardRenderer } from '../../src/cards/card-renderer';
import { loadConfig } from '../../src/config';
import type { Messenger } from '../../src/core/messenger';
import type { Clock } from '../../src/delivery/clock';
import type { DeliveryQueue } from '../../src/delivery/delivery';
import { DeliveryHandlers } from '../../src/delivery/delivery-handler';
import { DeliveryWorker, type WorkerOptions } from '../../src/delivery/delivery-worker';
import { RateLimiter, teamsConversationWindows, teamsTenantWindows } from '../../src/delivery/pacing/rate-limiter';
import { openSqliteDeliveryQueue } from '../../src/delivery/queue/sqlite-delivery-queue';
import type { Store } from '../../src/storage/store';
import { FakeClock, RecordingMessenger, TestHandler, silentLogger } from './fakes';

export const t0 = Date.parse('2026-03-09T08:00:00Z');

/** One "instance": a queue connection, a worker, a messenger and a handler, all on a fake clock. */
export interface Instance {
  readonly queue: DeliveryQueue;
  readonly worker: DeliveryWorker;
  readonly messenger: RecordingMessenger;
  readonly handler: TestHandler;
}

export async function instanceOn(queue: DeliveryQueue, clock: FakeClock, options: Partial<WorkerOptions> = {}, tenantPerSecond = 50): Promise<Instance> {
  const messenger = new RecordingMessenger(clock);
  return { ...workerWith(queue, clock, messenger, options, tenantPerSecond), messenger };
}

/** An instance as the composition root builds it: on the tenant budget its queue shares with other instances, if any. */
export async function sharingInstanceOn(queue: DeliveryQueue, clock: FakeClock, options: Partial<WorkerOptions> = {}, tenantPerSecond = 50): Promise<Instance> {
  const messenger = new RecordingMessenger(clock);
  const tenantBudget = queue.sharedTenantBudget?.(tenantPerSecond);
  const limiter = new RateLimiter(teamsConversationWindows, tenantBudget ? [] : teamsTenantWindows(tenantPerSecond));
  const handler = new TestHandler();
  const worker = new DeliveryWorker({
    queue, messenger, handlers: new DeliveryHandlers([handler]), limiter, tenantBudget, clock, logger: silentLogger, options: { random: () => 0.5, ...options },
  });
  return { queue, worker, messenger, handler };
}

/** A worker with a TestHandler around any Messenger (a real one over HTTP, say). */
export function workerWith(
  queue: DeliveryQueue,
  clock: Clock,
  messenger: Messenger,
  options: Partial<WorkerOptions> = {},
  tenantPerSecond = 50,
): { readonly queue: DeliveryQueue; readonly worker: DeliveryWorker; readonly handler: TestHandler } {
  const handler = new TestHandler();
  const worker = new DeliveryWorker({
    queue,
    messenger,
    handlers: new DeliveryHandlers([handler]),
    limiter: new RateLimiter(teamsConversationWindows, teamsTenantWindows(tenantPerSecond)),
    clock,
    logger: silentLogger,
    options: { random: () => 0.5, ...options },
  });
  return { queue, worker, handler };
}

/** A SQLite file in a fresh folder, as the app would use it; `remove` deletes the folder. */
export function sqliteFile(): { readonly file: string; remove(): void } {
  const folder = mkdtempSync(path.join(tmpdir(), 'partner-coach-delivery-'));
  return { file: path.join(folder, 'app.db'), remove: () => rmSync(folder, { recursive: true, force: true }) };
}

export const openQueueAt = (file: string, clock: Pick<Clock, 'now'>): Promise<DeliveryQueue> => openSqliteDeliveryQueue(file, () => clock.now());

/**
 * `people` personal chats of tenant-a at the loopback Bot Connector (conversation `conversationOf(index)`, user
 * `u_0000<index>`), and the real proactive messenger that sends to them through the SDK.
 */
export async function personalChatsAt(store: Store, serviceUrl: string, people: number, conversationOf: (index: number) => string): Promise<ProactiveMessenger> {
  const references = new ConversationReferenceRepository(store);
  for (let index = 0; index < people; index += 1) {
    const userKey = `u_${String(index).padStart(5, '0')}`;
    await references.remember(`c_${index}`, userKey, {
      kind: 'personal',
      tenantId: 'tenant-a',
      reference: {
        serviceUrl, channelId: 'msteams', bot: { id: '28:partner-coach-bot', name: 'Partner Coach' }, user: { id: `29:${index}`, name: userKey },
        conversation: { id: conversationOf(index), tenantId: 'tenant-a', conversationType: 'personal', isGroup: false, name: '' },
      },
    });
  }
  return new ProactiveMessenger({
    adapter: createProactiveAdapter(loadConfig({})), references, renderer: CardRenderer.load(path.join(__dirname, '..', '..', 'cards'), []), botAppId: '', allowedTenantIds: [],
  });
}
