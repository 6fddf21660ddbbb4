import assert from 'node:assert/strict';
import { availabilityOf, unlockTime } from '../../src/roleplay/availability';
import { trackedBudget } from '../../src/roleplay/customer/call-budget';

describe('role-play limits and timing (pure rules)', () => {
  const now = new Date('2025-03-10T10:00:00Z');
  const minutesAgo = (minutes: number): string => new Date(now.getTime() - minutes * 60_000).toISOString();

  it('when calls inside the window reach the limit, then the next one is refused', () => {
    const budget = trackedBudget([minutesAgo(9), minutesAgo(5)], now, { calls: 3, windowMinutes: 10 });
    assert.equal(budget.take(), true);
    assert.equal(budget.take(), false);
    assert.deepEqual(budget.taken, [now.toISOString()]);
  });

  it('when earlier calls have left the window, then they no longer count and are not kept', () => {
    const budget = trackedBudget([minutesAgo(11), minutesAgo(30)], now, { calls: 1, windowMinutes: 10 });
    assert.equal(budget.take(), true);
    assert.deepEqual(budget.recent(), [now.toISOString()]);
  });

  it('when a storyline has no progress, then it is new; when finished, completed', () => {
    assert.deepEqual(availabilityOf(undefined, now), { kind: 'new' });
    assert.deepEqual(availabilityOf({ nextMeeting: 2, completed: true, memory: { trust: 5, promises: [], agreements: [] } }, now), { kind: 'completed' });
  });

  it('when the next meeting unlocks later, then it is locked until that moment and ready from it', () => {
    const unlocksAt = unlockTime(48, now);
    assert.equal(unlocksAt, '2025-03-12T10:00:00.000Z');
    const progress = { nextMeeting: 2, completed: false, unlocksAt, memory: { trust: 5, promises: [], agreements: [] } };
    assert.equal(availabilityOf(progress, new Date('2025-03-12T09:59:59Z')).kind, 'locked');
    assert.deepEqual(availabilityOf(progress, new Date('2025-03-12T10:00:00Z')), { kind: 'ready', meeting: 2 });
  });

  it('when content asks for no delay, then the next meeting is open at once', () => {
    assert.equal(unlockTime(0, now), undefined);
  });
});
