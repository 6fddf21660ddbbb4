import assert from 'node:assert/strict';
import { SendFailure } from '../../src/core/messenger';
import { deliveriesFor, FakeClock } from './fakes';
import { busiestWindow } from './windows';
import { instanceOn, openQueueAt, sqliteFile, t0, type Instance } from './worker-harness';

describe('delivery worker on a SQLite file', () => {
  let database: ReturnType<typeof sqliteFile>;
  let clock: FakeClock;
  let instance: Instance;

  beforeEach(async () => {
    database = sqliteFile();
    clock = new FakeClock(t0);
    instance = await instanceOn(await openQueueAt(database.file, clock), clock);
  });
  afterEach(async () => {
    await instance.queue.close();
    database.remove();
  });

  it('when deliveries are due, then each is sent once and recorded with its activity id, and later ones wait', async () => {
    await instance.queue.enqueue([...deliveriesFor('occ-now', 3, new Date(t0)), ...deliveriesFor('occ-later', 2, new Date(t0 + 3_600_000))]);
    await instance.worker.drain();
    assert.deepEqual([...instance.messenger.perRecipient().values()], [1, 1, 1]);
    assert.deepEqual(await instance.queue.counts('occ-now'), { sent: 3 });
    assert.deepEqual(await instance.queue.counts('occ-later'), { pending: 2 });
    assert.deepEqual((await instance.queue.find('occ-now', 'u_00000'))?.activityIds, ['activity-1-0']);
    assert.deepEqual(instance.handler.deliveredTo.sort(), ['u_00000', 'u_00001', 'u_00002']);
  });

  it('when the worker stops in the middle of a delivery run and a new process starts, then it resumes with none lost and none sent twice', async () => {
    await instance.queue.enqueue(deliveriesFor('occ-restart', 60, new Date(t0)));
    instance.messenger.afterSend = (count) => {
      if (count === 25) void instance.worker.stop();
    };
    await instance.worker.drain();
    await instance.worker.stop();
    const sentBeforeRestart = instance.messenger.sent.length;
    await instance.queue.close();
    assert.ok(sentBeforeRestart >= 25 && sentBeforeRestart < 60, `${sentBeforeRestart} sent before the restart`);

    const restarted = await instanceOn(await openQueueAt(database.file, clock), clock);
    await restarted.worker.drain();
    const counts = new Map(instance.messenger.perRecipient());
    for (const [recipient, times] of restarted.messenger.perRecipient()) counts.set(recipient, (counts.get(recipient) ?? 0) + times);
    assert.equal(counts.size, 60, 'every recipient got the message');
    assert.deepEqual([...new Set(counts.values())], [1], 'nobody got it twice');
    assert.deepEqual(await restarted.queue.counts('occ-restart'), { sent: 60 });
    instance = restarted;
  });

  it('when a process dies holding claimed deliveries, then after the lease runs out another process sends them, once', async () => {
    await instance.queue.enqueue(deliveriesFor('occ-crash', 20, new Date(t0)));
    const heldByTheDeadProcess = await instance.queue.claim(clock.now(), 8, 120_000);
    await instance.queue.close();

    instance = await instanceOn(await openQueueAt(database.file, clock), clock);
    await instance.worker.drain();
    assert.equal(instance.messenger.sent.length, 12, 'the leased ones wait for their lease');
    clock.advance(120_000);
    await instance.worker.drain();
    const counts = instance.messenger.perRecipient();
    assert.equal(counts.size, 20);
    assert.deepEqual([...new Set(counts.values())], [1]);
    for (const held of heldByTheDeadProcess) assert.equal((await instance.queue.find('occ-crash', held.recipientKey))?.claims, 2);
  });

  it('when the bot was down, then deliveries inside the grace window go out late and older ones are recorded as missed', async () => {
    await instance.queue.enqueue([...deliveriesFor('occ-old', 2, new Date(t0 - 7 * 3_600_000)), ...deliveriesFor('occ-recent', 2, new Date(t0 - 3_600_000))]);
    await instance.worker.drain();
    assert.deepEqual(await instance.queue.counts('occ-old'), { missed: 2 });
    assert.deepEqual(await instance.queue.counts('occ-recent'), { sent: 2 });
    assert.deepEqual(instance.handler.missedRecipients.sort(), ['u_00000', 'u_00001']);
    assert.equal(instance.messenger.sent.length, 2);
  });

  it('when Teams answers 429 with Retry-After, then the delivery waits exactly that long and is sent once afterwards', async () => {
    await instance.queue.enqueue(deliveriesFor('occ-429', 1, new Date(t0)));
    instance.messenger.failWith = (_destination, call) => (call === 1 ? new SendFailure('throttled', 429, 30_000) : undefined);
    await instance.worker.drain();
    assert.equal(instance.messenger.sent.length, 0);
    assert.equal((await instance.queue.find('occ-429', 'u_00000'))?.nextAttemptAt.getTime(), t0 + 30_000);
    clock.advance(29_999);
    await instance.worker.drain();
    assert.equal(instance.messenger.sent.length, 0, 'not before Retry-After');
    clock.advance(1);
    await instance.worker.drain();
    assert.equal(instance.messenger.sent.length, 1);
    const row = await instance.queue.find('occ-429', 'u_00000');
    assert.deepEqual([row?.status, row?.attempts], ['sent', 2]);
  });

  it('when Teams answers 429 with a short Retry-After in a big fan-out, then that delivery goes again exactly then, ahead of the deliveries claimed after it', async () => {
    await instance.queue.enqueue(deliveriesFor('occ-tail', 100, new Date(t0)));
    let throttled = '';
    instance.messenger.failWith = (destination, call) => {
      if (call !== 1) return undefined;
      throttled = 'userKey' in destination ? destination.userKey : '';
      return new SendFailure('throttled', 429, 1_000);
    };
    await instance.worker.drain();
    const order = instance.messenger.sent.map((message) => ('userKey' in message.destination ? message.destination.userKey : ''));
    const retried = order.indexOf(throttled);
    assert.equal(instance.messenger.sent[retried]?.at, t0 + 1_000, 'the retry goes when Retry-After allows, not later');
    assert.ok(retried < 60, `the retry went as send ${retried + 1} of 100, behind fresh deliveries`);
    assert.deepEqual(await instance.queue.counts('occ-tail'), { sent: 100 });
    assert.equal(new Set(order).size, 100);
  });

  it('when Teams answers 403, then the recipient is marked unreachable at once, the handler is told and nothing is retried', async () => {
    await instance.queue.enqueue(deliveriesFor('occ-403', 2, new Date(t0)));
    instance.messenger.failWith = (destination) => ('userKey' in destination && destination.userKey === 'u_00001' ? new SendFailure('unreachable', 403) : undefined);
    await instance.worker.drain();
    clock.advance(3_600_000);
    await instance.worker.drain();
    assert.deepEqual(await instance.queue.counts('occ-403'), { sent: 1, unreachable: 1 });
    assert.deepEqual(instance.handler.unreachableRecipients, ['u_00001']);
    assert.equal(instance.messenger.calls, 2);
    assert.equal((await instance.queue.find('occ-403', 'u_00001'))?.lastError, 'unreachable 403');
  });

  it('when a send fails transiently without Retry-After, then it backs off exponentially with jitter and gives up after the last attempt', async () => {
    await instance.queue.close();
    instance = await instanceOn(await openQueueAt(database.file, clock), clock, { retry: { maxAttempts: 3, baseDelayMs: 2_000, maxDelayMs: 60_000 } });
    await instance.queue.enqueue(deliveriesFor('occ-503', 1, new Date(t0)));
    instance.messenger.failWith = () => new SendFailure('transient', 502);
    const retryTimes: number[] = [];
    for (let round = 0; round < 3; round += 1) {
      await instance.worker.drain();
      const row = await instance.queue.find('occ-503', 'u_00000');
      if (row?.status === 'pending') retryTimes.push(row.nextAttemptAt.getTime() - clock.time);
      clock.advance(60_000);
    }
    // random() = 0.5: half of 2 s + a quarter of it, then half of 4 s + a quarter of it.
    assert.deepEqual(retryTimes, [1_500, 3_000]);
    const row = await instance.queue.find('occ-503', 'u_00000');
    assert.deepEqual([row?.status, row?.attempts], ['failed', 3]);
  });

  it('when a handler says the message is no longer needed, then it is cancelled and nothing is sent', async () => {
    await instance.queue.enqueue(deliveriesFor('occ-cancel', 2, new Date(t0)));
    instance.handler.cancel = (delivery) => delivery.recipientKey === 'u_00000';
    await instance.worker.drain();
    assert.deepEqual(await instance.queue.counts('occ-cancel'), { cancelled: 1, sent: 1 });
    assert.equal(instance.messenger.sent.length, 1);
  });
});

describe('delivery worker on its own loop', () => {
  it('when it runs by itself, then deliveries that fall due later are sent once, and stop() lets the send under way finish', async () => {
    const database = sqliteFile();
    const clock = new FakeClock(t0);
    const instance = await instanceOn(await openQueueAt(database.file, clock), clock, { pollMs: 1_000 });
    try {
      await instance.queue.enqueue([...deliveriesFor('loop-now', 3, new Date(t0)), ...deliveriesFor('loop-later', 2, new Date(t0 + 30_000))]);
      instance.worker.start();
      while (instance.messenger.sent.length < 5) await new Promise((resolve) => setImmediate(resolve));
      await instance.worker.stop();
      assert.ok(clock.time >= t0 + 30_000, 'virtual time moved by polling');
      assert.equal(instance.messenger.perRecipient().size, 3);
      assert.deepEqual(await instance.queue.counts('loop-'), { sent: 5 });
      assert.ok(instance.messenger.sent.slice(3).every((message) => message.at >= t0 + 30_000), 'the later ones not before their time');
    } finally {
      await instance.queue.close();
      database.remove();
    }
  });

  it('when a 429 comes early in a fan-out that keeps claiming, then its retry takes the first slot Retry-After allows, ahead of the sends claimed meanwhile', async () => {
    const database = sqliteFile();
    const clock = new FakeClock(t0);
    const instance = await instanceOn(await openQueueAt(database.file, clock), clock, { pollMs: 1_000 });
    try {
      await instance.queue.enqueue(deliveriesFor('loop-429', 300, new Date(t0)));
      let throttled = '';
      instance.messenger.failWith = (destination, call) => {
        if (call !== 1) return undefined;
        throttled = 'userKey' in destination ? destination.userKey : '';
        return new SendFailure('throttled', 429, 1_000);
      };
      instance.worker.start();
      while (instance.messenger.sent.length < 300) await new Promise((resolve) => setImmediate(resolve));
      await instance.worker.stop();
      const retry = instance.messenger.sent.find((message) => 'userKey' in message.destination && message.destination.userKey === throttled);
      assert.equal(retry && retry.at - t0, 1_000, 'not behind the slots the fresh deliveries reserved while it waited');
      assert.equal(instance.messenger.perRecipient().size, 300);
      assert.ok(busiestWindow(instance.messenger.sent.map((message) => message.at), 1_000) <= 50);
    } finally {
      await instance.queue.close();
      database.remove();
    }
  });
});
