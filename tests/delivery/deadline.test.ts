import assert from 'node:assert/strict';
import type { SendWatch } from '../../src/core/messenger';
import { withDeadline, type Deadline } from '../../src/delivery/pacing/deadline';
import { ManualClock } from './fakes';
import { t0 } from './worker-harness';

describe('a send with a deadline', () => {
  const deadlineOf = (overrides: Partial<Deadline> = {}): Deadline => ({ timeoutMs: 15_000, slowMs: Number.POSITIVE_INFINITY, onSlow: () => undefined, onAnswered: () => undefined, ...overrides });

  it('when the request leaves only after a long wait (lookups, a busy machine), then the time-out counts from then, not from the start', async () => {
    const clock = new ManualClock(t0);
    const running = withDeadline(clock, deadlineOf(), async (watch: SendWatch) => {
      await clock.sleep(10_000);
      watch.leaving();
      await clock.sleep(10_000);
      watch.answered();
      return 'ids';
    });
    await clock.advance(30_000);
    assert.deepEqual(await running, { value: 'ids' });
  });

  it('when the answer arrived in time but the SDK is still reading it at the time-out, then it is waited for, not timed out', async () => {
    const clock = new ManualClock(t0);
    let finish: (value: string) => void = () => undefined;
    const answeredAt: number[] = [];
    const running = withDeadline(clock, deadlineOf({ onAnswered: () => answeredAt.push(clock.time) }), (watch: SendWatch) => {
      watch.leaving();
      return new Promise<string>((resolve) => {
        finish = resolve;
        void clock.sleep(14_000).then(() => watch.answered());
      });
    });
    await clock.advance(20_000);
    finish('ids');
    assert.deepEqual(await running, { value: 'ids' });
    assert.deepEqual(answeredAt, [t0 + 14_000], 'the answer is told when it arrives, for the rate windows');
  });

  it('when no answer comes within the time-out of the request leaving, then it times out and the request is handed over, still settling', async () => {
    const clock = new ManualClock(t0);
    let finish: (value: string) => void = () => undefined;
    const running = withDeadline(clock, deadlineOf(), (watch: SendWatch) => {
      watch.leaving();
      return new Promise<string>((resolve) => {
        finish = resolve;
      });
    });
    await clock.advance(15_000);
    const result = await running;
    assert.ok('settling' in result, 'timed out');
    assert.equal(result.timedOutAfterMs, 15_000);
    finish('late ids');
    assert.equal(await result.settling, 'late ids');
  });
});
