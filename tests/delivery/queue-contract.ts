import assert from 'node:assert/strict';
import type { DeliveryQueue } from '../../src/delivery/delivery';
import { deliveriesFor } from './fakes';

/** Opens a queue on an empty deliveries table. */
export type OpenQueue = (now: () => Date) => Promise<DeliveryQueue>;

const start = Date.parse('2026-03-09T08:00:00Z');
const at = (offsetMs: number): Date => new Date(start + offsetMs);

/** The behaviour every DeliveryQueue must have, run against SQLite and PostgreSQL. */
export function describeQueueContract(name: string, openQueue: OpenQueue): void {
  describe(`delivery queue contract: ${name}`, () => {
    let queue: DeliveryQueue;
    let occurrence: string;
    let counter = 0;

    beforeEach(async () => {
      counter += 1;
      occurrence = `test:${name}:${counter}:${Date.now()}`;
      queue = await openQueue(() => at(0));
    });
    afterEach(async () => {
      await queue.close();
    });

    it('when the same occurrence and recipient are enqueued twice, then only the first one lands', async () => {
      assert.equal(await queue.enqueue(deliveriesFor(occurrence, 3, at(0))), 3);
      assert.equal(await queue.enqueue(deliveriesFor(occurrence, 4, at(0))), 1);
      assert.equal((await queue.forOccurrence(occurrence)).length, 4);
    });

    it('when some deliveries are due and some are not, then a claim takes only the due ones, earliest first', async () => {
      await queue.enqueue([...deliveriesFor(`${occurrence}:later`, 2, at(60_000)), ...deliveriesFor(occurrence, 2, at(-1_000))]);
      const claimed = await queue.claim(at(0), 10, 30_000);
      assert.deepEqual(claimed.map((delivery) => delivery.occurrenceKey), [occurrence, occurrence]);
      assert.ok(claimed.every((delivery) => delivery.status === 'sending' && delivery.leaseToken));
    });

    it('when a claim is held, then nobody else gets it until the lease runs out, and the old holder can no longer record', async () => {
      await queue.enqueue(deliveriesFor(occurrence, 1, at(0)));
      const [first] = await queue.claim(at(0), 10, 30_000);
      assert.ok(first);
      assert.deepEqual(await queue.claim(at(29_999), 10, 30_000), []);
      const [second] = await queue.claim(at(30_000), 10, 30_000);
      assert.equal(second?.id, first.id);
      assert.equal(await queue.markSent(first, at(30_001), ['late']), false);
      assert.equal(await queue.markSent(second, at(30_002), ['a-1']), true);
      const [row] = await queue.forOccurrence(occurrence);
      assert.deepEqual([row?.status, row?.activityIds, row?.attempts, row?.claims], ['sent', ['a-1'], 1, 2]);
    });

    it('when a delivery is put back without counting, then its attempts stay and it is due again at the given time', async () => {
      await queue.enqueue(deliveriesFor(occurrence, 1, at(0)));
      const [claimed] = await queue.claim(at(0), 1, 30_000);
      assert.ok(claimed);
      assert.equal(await queue.retryLater(claimed, at(5_000), undefined, false), true);
      assert.deepEqual(await queue.claim(at(4_999), 1, 30_000), []);
      const [again] = await queue.claim(at(5_000), 1, 30_000);
      assert.equal(again?.attempts, 0);
      assert.ok(again);
      assert.equal(await queue.retryLater(again, at(9_000), 'throttled 429', true), true);
      assert.equal((await queue.find(occurrence, again.recipientKey))?.attempts, 1);
      assert.equal((await queue.find(occurrence, again.recipientKey))?.lastError, 'throttled 429');
    });

    it('when deliveries end unreachable, cancelled or sent, then the counts by occurrence prefix say so', async () => {
      await queue.enqueue(deliveriesFor(occurrence, 3, at(0)));
      const [a, b] = await queue.claim(at(0), 2, 30_000);
      assert.ok(a && b);
      await queue.finish(a, 'unreachable', at(1), 'unreachable 403');
      await queue.markSent(b, at(1), ['x']);
      assert.equal(await queue.cancelPending(occurrence), 1);
      assert.deepEqual(await queue.counts(occurrence), { unreachable: 1, sent: 1, cancelled: 1 });
      assert.equal((await queue.find(occurrence, a.recipientKey))?.attempts, 1);
    });

    it('when a delivery is enqueued as missed, then it is never claimed and counts as missed', async () => {
      await queue.enqueue(deliveriesFor(occurrence, 1, at(-86_400_000)).map((delivery) => ({ ...delivery, status: 'missed' as const })));
      assert.deepEqual(await queue.claim(at(0), 10, 30_000), []);
      assert.deepEqual(await queue.counts(occurrence), { missed: 1 });
    });

    it('when a person is forgotten, then deliveries to them, keyed by them or naming them go, and everyone else\'s stay', async () => {
      const [kept, toThem] = deliveriesFor(occurrence, 2, at(0));
      assert.ok(kept && toThem);
      const naming = { ...kept, occurrenceKey: `${occurrence}:notice`, payload: { key: 'notice', params: { name: 'Kim Ek' } } };
      const keyed = { ...kept, occurrenceKey: `reminder:${toThem.recipientKey}:2026-03-09`, recipientKey: 'someone-else' };
      await queue.enqueue([kept, toThem, naming, keyed]);
      assert.equal(await queue.forget(toThem.recipientKey, [JSON.stringify('Kim Ek')]), 3);
      assert.deepEqual((await queue.forOccurrence(occurrence)).map((delivery) => delivery.recipientKey), [kept.recipientKey]);
      assert.equal((await queue.forOccurrence(`${occurrence}:notice`)).length, 0);
      assert.equal(await queue.forget(toThem.recipientKey, []), 0);
    });

    it('when finished deliveries are old enough, then a purge removes them and keeps the pending ones', async () => {
      await queue.enqueue(deliveriesFor(occurrence, 2, at(0)));
      const [claimed] = await queue.claim(at(0), 1, 30_000);
      assert.ok(claimed);
      await queue.markSent(claimed, at(10), ['x']);
      assert.equal(await queue.purgeFinished(at(11)), 1);
      assert.deepEqual(await queue.counts(occurrence), { pending: 1 });
    });
  });
}
