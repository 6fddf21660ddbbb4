import assert from 'node:assert/strict';
import type { CardView } from '../../src/cards/card-view';
import type { Destination, Messenger } from '../../src/core/messenger';
import type { Reply } from '../../src/core/reply';
import { RateLimiter, teamsConversationWindows, teamsTenantWindows } from '../../src/delivery/pacing/rate-limiter';
import { deliveriesFor, FakeClock } from './fakes';
import { busiestWindow } from './windows';
import { instanceOn, openQueueAt, sqliteFile, t0, workerWith } from './worker-harness';

/** A Bot Connector that takes `latencyMs(call)` to answer and counts each send at the moment it answers. */
class LateAnswerMessenger implements Messenger {
  readonly countedAt: number[] = [];
  private calls = 0;

  constructor(
    private readonly clock: FakeClock,
    private readonly latencyMs: (call: number) => number,
  ) {}

  async send(_destination: Destination, replies: readonly Reply[]): Promise<readonly string[]> {
    this.calls += 1;
    await this.clock.sleep(this.latencyMs(this.calls));
    this.countedAt.push(this.clock.time);
    return replies.map((_reply, index) => `activity-${this.calls}-${index}`);
  }

  async updateCard(_conversationKey: string, _activityId: string, _view: CardView): Promise<void> {}
}

describe('rate limits as the Bot Connector counts them', () => {
  let database: ReturnType<typeof sqliteFile>;
  let clock: FakeClock;
  beforeEach(() => {
    database = sqliteFile();
    clock = new FakeClock(t0);
  });
  afterEach(() => database.remove());

  it('when the first second of a fan-out is answered 300 ms late, then no second as the Connector counts it holds more than 50 sends', async () => {
    const messenger = new LateAnswerMessenger(clock, (call) => (call <= 50 ? 300 : 0));
    const { queue, worker } = workerWith(await openQueueAt(database.file, clock), clock, messenger);
    await queue.enqueue(deliveriesFor('occ-late', 150, new Date(t0)));
    while (messenger.countedAt.length < 150) {
      await worker.drain();
      clock.advance(100);
    }
    assert.equal(busiestWindow(messenger.countedAt, 1_000), 50);
    assert.deepEqual(await queue.counts('occ-late'), { sent: 150 });
    await queue.close();
  });

  it('when a send is answered after its slot, then it counts from its answer and the next send waits a full second after that', () => {
    const limiter = new RateLimiter(teamsConversationWindows, teamsTenantWindows(2));
    for (const [conversation, at, answeredAt] of [['a', 0, 250], ['b', 500, 750]] as const) {
      const reserved = limiter.reserve('t', conversation, at, 5_000);
      assert.ok('slot' in reserved && reserved.slot.at === at);
      assert.ok(limiter.sending(reserved.slot, at));
      limiter.answered(reserved.slot, answeredAt);
    }
    const next = limiter.reserve('t', 'c', 800, 5_000);
    assert.ok('slot' in next);
    assert.equal(next.slot.at, 1_250, 'a second after the first answer, not after its slot (1,000)');
  });

  it('when 200 people of one tenant are due at once, then they go at its full rate from the start: a second of them 10 ms apart, each slot used again as it frees, the last 3.49 s after the first', async () => {
    const instance = await instanceOn(await openQueueAt(database.file, clock), clock);
    await instance.queue.enqueue(deliveriesFor('occ-start', 200, new Date(t0)));
    await instance.worker.drain();
    const times = instance.messenger.sent.map((message) => message.at - t0).sort((a, b) => a - b);
    assert.equal(times.length, 200);
    assert.deepEqual(times.slice(0, 3), [0, 10, 20]);
    assert.deepEqual(times.slice(49, 52), [490, 1_000, 1_010]);
    assert.equal(times.at(-1), 3_490);
    assert.equal(busiestWindow(times, 1_000), 50);
    await instance.queue.close();
  });
});
