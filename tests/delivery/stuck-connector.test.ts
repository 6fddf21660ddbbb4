import assert from 'node:assert/strict';
import type { DeliveryQueue } from '../../src/delivery/delivery';
import type { DeliveryWorker } from '../../src/delivery/delivery-worker';
import { openSqliteStore } from '../../src/storage/sqlite/sqlite-store';
import type { Store } from '../../src/storage/store';
import { LoopbackConnector } from '../support/loopback-connector';
import { deliveriesFor, FastClock } from './fakes';
import { openQueueAt, personalChatsAt, sqliteFile, t0, workerWith } from './worker-harness';

const people = 300;
/** 40 of the 300, spread through the fan-out: 0, 1, 15, 16, 30, 31… */
const isStuck = (index: number): boolean => index % 15 < 2;
const conversationOf = (index: number): string => `a:personal-${index}`;

describe('delivery worker against a Bot Connector that never answers some conversations', function () {
  this.timeout(120_000);
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
    // The connector first: it drops the requests it never answered, so sends still waiting on them end.
    await connector.stop();
    await worker?.stop();
    await queue.close();
    await store.close();
    database.remove();
  });

  it('when 40 of 300 people never get an answer, then the other 260 and a reminder due later are served within a minute, and the 40 are retried and sent once each when answers come back', async () => {
    // Four times real speed: the bot's minute passes in 15 real seconds, with every time-out and backoff in it.
    const clock = new FastClock(t0, 4);
    const messenger = await personalChatsAt(store, connector.serviceUrl, people, conversationOf);
    queue = await openQueueAt(database.file, clock);
    // A time-out of 30 of the bot's seconds (7.5 real ones), so that a loaded test machine does not time out answered sends.
    worker = workerWith(queue, clock, messenger, { sendTimeoutMs: 30_000 }).worker;

    let answering = false;
    const stuck = new Set(Array.from({ length: people }, (_unused, index) => index).filter(isStuck).map(conversationOf));
    const accepted = new Map<string, number[]>();
    const attempts = new Map<string, number>();
    connector.respondWith((call) => {
      if (call.method !== 'POST') return undefined;
      attempts.set(call.conversationId, (attempts.get(call.conversationId) ?? 0) + 1);
      if (stuck.has(call.conversationId) && !answering) return { hang: true };
      if (call.body.text === 'reminder') return undefined;
      accepted.set(call.conversationId, [...(accepted.get(call.conversationId) ?? []), clock.time]);
      return undefined;
    });

    await queue.enqueue(deliveriesFor('fan-out', people, new Date(t0)));
    // A reminder that falls due while the stuck sends are still waiting for their answer.
    await queue.enqueue([{ ...deliveriesFor('reminder', 3, new Date(t0 + 20_000))[2]!, payload: { text: 'reminder' } }]);
    worker.start();

    await clock.until(t0 + 60_000);
    const servedInTheMinute = [...accepted.entries()].filter(([conversation, times]) => !stuck.has(conversation) && times.some((at) => at <= t0 + 60_000));
    assert.equal(stuck.size, 40);
    assert.equal(servedInTheMinute.length, people - stuck.size, `${servedInTheMinute.length} of 260 served in the bot's first minute`);
    const reminders = connector.posted().filter((call) => call.body.text === 'reminder');
    assert.equal(reminders.length, 1, 'the reminder went out on time, next to the stuck sends');

    // Every stuck send is tried again after its time-out (and its backoff), while the connector still does not answer.
    while (![...stuck].every((conversation) => (attempts.get(conversation) ?? 0) >= 2)) {
      assert.ok(clock.time < t0 + 3 * 60_000, `retries after three minutes: ${JSON.stringify([...stuck].map((c) => attempts.get(c)))}`);
      await clock.sleep(1_000);
    }
    assert.equal(accepted.size, people - stuck.size, 'no stuck send counted as answered');

    answering = true;
    for (let waited = 0; ((await queue.counts('fan-out')).sent ?? 0) < people; waited += 1) {
      assert.ok(clock.time < t0 + 10 * 60_000, `only ${JSON.stringify(await queue.counts('fan-out'))} after ten of the bot's minutes`);
      await clock.sleep(1_000);
    }
    assert.deepEqual(await queue.counts('fan-out'), { sent: people });
    assert.equal(accepted.size, people, 'everyone got an answered message');
    const twice = [...accepted.entries()].filter(([, times]) => times.length > 1);
    assert.deepEqual(twice, [], `nobody got two answered messages: ${JSON.stringify(twice.map(([c, times]) => [c, stuck.has(c), times.map((at) => at - t0), attempts.get(c)]))}`);
  });
});
