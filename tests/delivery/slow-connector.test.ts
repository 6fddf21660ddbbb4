import assert from 'node:assert/strict';
import type { DeliveryQueue } from '../../src/delivery/delivery';
import type { DeliveryWorker } from '../../src/delivery/delivery-worker';
import { openSqliteStore } from '../../src/storage/sqlite/sqlite-store';
import type { Store } from '../../src/storage/store';
import { LoopbackConnector } from '../support/loopback-connector';
import { deliveriesFor, ManualClock } from './fakes';
import { openQueueAt, personalChatsAt, sqliteFile, t0, workerWith } from './worker-harness';

const people = 20;

describe('delivery worker against a Bot Connector that answers after the time-out', function () {
  this.timeout(60_000);
  let connector: LoopbackConnector;
  let database: ReturnType<typeof sqliteFile>;
  let store: Store;
  let queue: DeliveryQueue;
  let worker: DeliveryWorker | undefined;

  beforeEach(async () => {
    connector = await LoopbackConnector.start();
    database = sqliteFile();
    store = await openSqliteStore(database.file);
  });
  afterEach(async () => {
    await connector.stop();
    await worker?.stop();
    await queue.close();
    await store.close();
    database.remove();
  });

  it('when every answer comes only after the send timed out, then each person gets the message once, recorded as sent, and nothing is lost', async () => {
    const clock = new ManualClock(t0);
    const messenger = await personalChatsAt(store, connector.serviceUrl, people, (index) => `a:personal-${index}`);
    queue = await openQueueAt(database.file, clock);
    worker = workerWith(queue, clock, messenger, { sendTimeoutMs: 15_000, lateAnswerMs: 15_000 }).worker;
    let answer: () => void = () => undefined;
    const answers = new Promise<void>((resolve) => {
      answer = resolve;
    });
    const accepted = new Map<string, number>();
    connector.respondWith((call) => {
      if (call.method !== 'POST') return undefined;
      accepted.set(call.conversationId, (accepted.get(call.conversationId) ?? 0) + 1);
      return { answerWhen: answers };
    });

    await queue.enqueue(deliveriesFor('slow', people, new Date(t0)));
    worker.start();
    await clock.until(() => connector.posted().length >= people, 10, 5_000);
    assert.equal(connector.posted().length, people, 'every request left');
    // Past the time-out of every request, then Teams' late answers come in.
    await clock.advance(16_000);
    answer();
    await clock.until(async () => (await queue.counts('slow')).sent === people, 10, 120_000);

    assert.deepEqual(await queue.counts('slow'), { sent: people });
    assert.equal(accepted.size, people, 'nobody lost');
    const twice = [...accepted.entries()].filter(([, times]) => times > 1);
    assert.deepEqual(twice, [], 'nobody got the message twice');
  });
});
