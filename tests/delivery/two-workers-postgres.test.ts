import assert from 'node:assert/strict';
import type { DeliveryQueue } from '../../src/delivery/delivery';
import { openPostgresDeliveryQueue } from '../../src/delivery/queue/postgres-delivery-queue';
import { createFreshDatabase, withAdmin, type FreshDatabase } from '../support/postgres';
import { deliveriesFor, FakeClock } from './fakes';
import { busiestWindow } from './windows';
import { instanceOn, sharingInstanceOn, t0, type Instance } from './worker-harness';

describe('two bot instances on one PostgreSQL database', () => {
  let database: FreshDatabase | undefined;
  let clock: FakeClock;
  const queues: DeliveryQueue[] = [];
  const open = async (): Promise<DeliveryQueue> => {
    if (!database) throw new Error('the test database was not created');
    const queue = await openPostgresDeliveryQueue(database.url, () => clock.now());
    queues.push(queue);
    return queue;
  };

  before(async () => {
    database = await createFreshDatabase();
  });
  beforeEach(() => {
    clock = new FakeClock(t0);
  });
  afterEach(async () => {
    for (const queue of queues.splice(0)) await queue.close();
  });
  after(async () => {
    await database?.drop();
  });

  it('when two queues claim the same due rows at the same moment, then no row is claimed by both', async () => {
    const [first, second] = [await open(), await open()];
    await first.enqueue(deliveriesFor('race', 1000, new Date(t0)));
    const rounds = await Promise.all(
      Array.from({ length: 24 }, (_unused, index) => (index % 2 === 0 ? first : second).claim(clock.now(), 50, 60_000)),
    );
    const ids = rounds.flat().map((delivery) => delivery.id);
    assert.equal(ids.length, 1000);
    assert.equal(new Set(ids).size, 1000);
  });

  it('when two workers drain 1,500 deliveries together, then every recipient gets exactly one message and both workers took part', async () => {
    const instances: Instance[] = [
      await instanceOn(await open(), clock, { concurrency: 16 }, 100_000),
      await instanceOn(await open(), clock, { concurrency: 16 }, 100_000),
    ];
    const [a, b] = instances as [Instance, Instance];
    for (const round of [1, 2, 3]) {
      await a.queue.enqueue(deliveriesFor(`occ-two-${round}`, 500, new Date(t0)));
      await Promise.all([a.worker.drain(), b.worker.drain()]);
    }
    const texts = instances.flatMap((instance) => instance.messenger.sent.map((message) => (message.replies[0]?.kind === 'text' ? message.replies[0].text : '')));
    assert.equal(new Set(texts).size, 1500, 'every delivery went out');
    assert.ok(a.messenger.sent.length > 0 && b.messenger.sent.length > 0, `a sent ${a.messenger.sent.length}, b sent ${b.messenger.sent.length}`);
    assert.equal(a.messenger.sent.length + b.messenger.sent.length, 1500, 'no duplicates and none lost');
    assert.deepEqual(await a.queue.counts('occ-two-'), { sent: 1500 });
    const { rows } = await withAdmin((database as FreshDatabase).url, (db) =>
      db.query<{ n: number }>("SELECT count(*)::integer AS n FROM deliveries WHERE occurrence_key LIKE 'occ-two-%' AND attempts <> 1"),
    );
    assert.equal(rows[0]?.n, 0, 'each delivery was attempted exactly once');
  });

  it('when two instances send to one tenant at once, then together they stay within its 50 a second and every recipient gets one message', async () => {
    const instances = [
      await sharingInstanceOn(await open(), clock, { maxRateWaitMs: 60_000 }),
      await sharingInstanceOn(await open(), clock, { maxRateWaitMs: 60_000 }),
    ];
    const [a, b] = instances as [Instance, Instance];
    await a.queue.enqueue(deliveriesFor('occ-budget', 300, new Date(t0)));
    await Promise.all([a.worker.drain(), b.worker.drain()]);
    const times = instances.flatMap((instance) => instance.messenger.sent.map((message) => message.at));
    assert.ok(a.messenger.sent.length > 0 && b.messenger.sent.length > 0, `a sent ${a.messenger.sent.length}, b sent ${b.messenger.sent.length}`);
    assert.equal(new Set(instances.flatMap((instance) => [...instance.messenger.perRecipient().keys()])).size, 300);
    assert.equal(times.length, 300, 'none sent twice');
    assert.ok(busiestWindow(times, 1_000) <= 50, `${busiestWindow(times, 1_000)} sends to the tenant in one second`);
    assert.ok(busiestWindow(times, 1_000) >= 45, `the budget is used: ${busiestWindow(times, 1_000)} in the busiest second`);
  });
});
