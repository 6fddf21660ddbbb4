import assert from 'node:assert/strict';
import type { NewDelivery } from '../../src/delivery/delivery';
import { RateLimiter, SendSpacing, SlidingWindowLog, teamsConversationWindows, teamsTenantWindows, type RateWindow } from '../../src/delivery/pacing/rate-limiter';
import { deliveriesFor, FakeClock } from './fakes';
import { busiestWindow } from './windows';
import { instanceOn, openQueueAt, sqliteFile, t0 } from './worker-harness';

describe('rate limits', () => {
  describe('sliding window log', () => {
    it('when 7 sends fill a 1-second window, then the 8th waits until the first leaves it', () => {
      const log = new SlidingWindowLog([{ limit: 7, windowMs: 1_000 }]);
      for (let at = 0; at < 7; at += 1) log.record(100 + at * 10);
      assert.equal(log.delayAt(200), 900);
      assert.equal(log.delayAt(1_100), 0);
    });

    it('when several windows apply, then the wait is the longest any of them needs', () => {
      const log = new SlidingWindowLog(teamsConversationWindows);
      for (let at = 0; at < 8; at += 1) log.record(at * 200);
      // 7 in the last second (200..1400 minus 0) and 8 in two seconds: the 2-second window decides.
      assert.equal(log.delayAt(1_450), 2_000 - 1_450);
    });

    it('when a throttled send is refunded, then its slot is free again', () => {
      const limiter = new RateLimiter([{ limit: 1, windowMs: 1_000 }], [{ limit: 50, windowMs: 1_000 }]);
      const first = limiter.tryAcquire('t', 'c', 0);
      assert.ok('slot' in first);
      assert.deepEqual(limiter.tryAcquire('t', 'c', 10), { waitMs: 990 });
      limiter.refund(first.slot);
      assert.ok('slot' in limiter.tryAcquire('t', 'c', 10));
    });

    it('when the tenant window is full, then other conversations of that tenant wait too, and other tenants do not', () => {
      const limiter = new RateLimiter(teamsConversationWindows, teamsTenantWindows(2));
      assert.ok('slot' in limiter.tryAcquire('t1', 'a', 0));
      assert.ok('slot' in limiter.tryAcquire('t1', 'b', 0));
      assert.deepEqual(limiter.tryAcquire('t1', 'c', 0), { waitMs: 1_000 });
      assert.ok('slot' in limiter.tryAcquire('t2', 'c', 0));
    });
  });

  describe('reserving slots ahead', () => {
    it('when many sends wait at once, then each gets a time of its own, half an interval apart, and no second holds more than the limit', () => {
      const limiter = new RateLimiter(teamsConversationWindows, teamsTenantWindows(50));
      const times = Array.from({ length: 120 }, (_unused, index) => {
        const result = limiter.reserve('t', `c${index}`, 0, 10_000);
        assert.ok('slot' in result);
        return result.slot.at;
      });
      assert.deepEqual(times.slice(0, 4), [0, 10, 20, 30]);
      assert.equal(new Set(times).size, 120);
      assert.equal(busiestWindow(times, 1_000), 50);
    });

    it('when a reserved slot is given back after a 429, then the next send takes that place at once, not after the slots reserved later', () => {
      const limiter = new RateLimiter(teamsConversationWindows, teamsTenantWindows(50));
      const slots = Array.from({ length: 60 }, (_unused, index) => limiter.reserve('t', `c${index}`, 0, 10_000));
      const lastReserved = slots.at(-1);
      assert.equal(lastReserved && 'slot' in lastReserved ? lastReserved.slot.at : undefined, 1_090);
      const throttled = slots[10];
      assert.ok(throttled && 'slot' in throttled);
      limiter.refund(throttled.slot);
      const next = limiter.reserve('t', 'c-next', 300, 10_000);
      assert.ok('slot' in next);
      assert.equal(next.slot.at, 500, 'right after the first second\'s planned sends, in the place given back');
      const times = [...slots.filter((slot) => slot !== throttled), next].flatMap((slot) => ('slot' in slot ? [slot.slot.at] : []));
      assert.ok(busiestWindow(times, 1_000) <= 50);
    });

    it('when one conversation\'s send waits for its own window, then sends to other conversations of the tenant are not held behind it', () => {
      const limiter = new RateLimiter(teamsConversationWindows, teamsTenantWindows(50));
      const busy = Array.from({ length: 8 }, () => limiter.reserve('t', 'busy', 0, 10_000));
      assert.deepEqual(busy.map((slot) => ('slot' in slot ? slot.slot.at : undefined)), [0, 10, 20, 30, 40, 50, 60, 1_000]);
      const other = limiter.reserve('t', 'other', 0, 10_000);
      assert.ok('slot' in other);
      assert.equal(other.slot.at, 70);
    });

    it('when the tenant window is full of sends still unanswered, then a reservation is told to wait a window, and nothing is taken', () => {
      const limiter = new RateLimiter(teamsConversationWindows, teamsTenantWindows(2));
      for (const conversation of ['a', 'b']) {
        const reserved = limiter.reserve('t', conversation, 0, 5_000);
        assert.ok('slot' in reserved && limiter.sending(reserved.slot, reserved.slot.at));
      }
      assert.deepEqual(limiter.reserve('t', 'c', 600, 2_000), { waitMs: 3_000 });
    });

    it('when the next slot is further off than the caller will wait, then nothing is taken and the wait is told', () => {
      const limiter = new RateLimiter(teamsConversationWindows, teamsTenantWindows(2));
      assert.ok('slot' in limiter.reserve('t', 'a', 0, 100));
      assert.deepEqual(limiter.reserve('t', 'b', 0, 100), { waitMs: 250 });
    });
  });

  describe('spacing', () => {
    it('when planned sends are 10 ms apart at the least, then a new one goes into the first gap that wide', () => {
      const spacing = new SendSpacing(10);
      for (const at of [0, 10, 20, 45, 55]) spacing.record(at);
      assert.equal(spacing.earliestFit(0), 30);
      assert.equal(spacing.earliestFit(36), 65);
      spacing.refund(45);
      assert.equal(spacing.earliestFit(36), 36);
    });
  });

  describe('earliest fit', () => {
    it('when a slot frees between reservations made later, then the earliest fit is that slot, counting the later ones in its window', () => {
      const log = new SlidingWindowLog([{ limit: 2, windowMs: 1_000 }]);
      for (const at of [0, 100, 1_200]) log.record(at);
      assert.equal(log.earliestFit(0), 1_000, 'when 0 has left the window, before the reservation at 1,200');
      log.record(1_000);
      assert.equal(log.earliestFit(0), 2_000, 'after 1,000 leaves: any earlier time shares a window with 1,000 and 1,200');
    });
  });

  describe('through the worker', () => {
    let database: ReturnType<typeof sqliteFile>;
    let clock: FakeClock;
    beforeEach(() => {
      database = sqliteFile();
      clock = new FakeClock(t0);
    });
    afterEach(() => database.remove());

    it('when 70 messages go to one channel, then no window of 1 s, 2 s, 30 s or 1 h holds more than Teams allows', async () => {
      const instance = await instanceOn(await openQueueAt(database.file, clock), clock, { maxRateWaitMs: 10 * 60_000 });
      const toChannel: NewDelivery[] = Array.from({ length: 70 }, (_unused, index) => ({
        occurrenceKey: `occ-${index}`, recipientKey: 'c_general', kind: 'test', tenantId: 'tenant-a',
        destination: { conversationKey: 'c_general' }, payload: {}, dueAt: new Date(t0),
      }));
      await instance.queue.enqueue(toChannel);
      for (let round = 0; round < 200 && instance.messenger.sent.length < 70; round += 1) {
        await instance.worker.drain();
        clock.advance(1_000);
      }
      const times = instance.messenger.sent.map((message) => message.at);
      assert.equal(times.length, 70);
      for (const window of teamsConversationWindows) {
        assert.ok(busiestWindow(times, window.windowMs) <= window.limit, `${busiestWindow(times, window.windowMs)} in ${window.windowMs} ms`);
      }
      assert.equal(busiestWindow(times, 30_000), 60, 'the 30-second window is used to the full');
      await instance.queue.close();
    });

    it('when 200 people of one tenant are due at once, then no second holds more than 50 sends and all are sent', async () => {
      const instance = await instanceOn(await openQueueAt(database.file, clock), clock);
      await instance.queue.enqueue(deliveriesFor('occ-tenant', 200, new Date(t0)));
      await instance.worker.drain();
      const times = instance.messenger.sent.map((message) => message.at);
      assert.equal(instance.messenger.perRecipient().size, 200);
      const tenantWindow: RateWindow = teamsTenantWindows()[0] ?? { limit: 0, windowMs: 0 };
      assert.equal(busiestWindow(times, tenantWindow.windowMs), 50);
      await instance.queue.close();
    });
  });
});
