import assert from 'node:assert/strict';
import { newMeetingState } from '../../src/roleplay/meeting-state';
import { RoleplayRecords, type SessionRecord } from '../../src/roleplay/roleplay-records';
import { startTestApp, type TestApp } from '../support/test-app';

describe('role-play records: the earlier meetings of a storyline', () => {
  let harness: TestApp;
  let records: RoleplayRecords;
  const userKey = 'u_learner';

  beforeEach(async () => {
    harness = await startTestApp();
    records = new RoleplayRecords(harness.app.store);
  });
  afterEach(async () => {
    await harness.stop();
  });

  const session = (id: string, overrides: Partial<SessionRecord>): SessionRecord => ({
    id, storylineId: 'laptop-rollout-busy-week', meetingNumber: 1, locale: 'en', status: 'ended', startedAt: '2025-03-10T07:00:00.000Z',
    state: newMeetingState(5, id), noticesShown: [], ...overrides,
  });

  it('when meeting 1 was played twice, retried and played in another storyline, then meeting 2 gets the last run of its own meeting 1 only', async () => {
    const saved = [
      session('first-run', {}),
      session('second-run', { startedAt: '2025-03-20T07:00:00.000Z' }),
      session('retry', { startedAt: '2025-03-21T07:00:00.000Z', retryOf: 'second-run' }),
      session('other-story', { startedAt: '2025-03-21T08:00:00.000Z', storylineId: 'vip-skip-the-queue' }),
      session('unfinished', { startedAt: '2025-03-21T09:00:00.000Z', status: 'active' }),
    ];
    for (const body of saved) await records.save(userKey, undefined, { body, version: 0 });
    const current = session('now', { meetingNumber: 2, status: 'active', startedAt: '2025-03-22T07:00:00.000Z' });
    const earlier = await records.earlierMeetings(userKey, current);
    assert.deepEqual(earlier.map((meeting) => meeting.id), ['second-run']);
  });

  it('when a meeting 1 started after this meeting 2 (a new run), then it is not this meeting’s past', async () => {
    await records.save(userKey, undefined, { body: session('later', { startedAt: '2025-03-25T07:00:00.000Z' }), version: 0 });
    const current = session('now', { meetingNumber: 2, status: 'active', startedAt: '2025-03-22T07:00:00.000Z' });
    assert.deepEqual(await records.earlierMeetings(userKey, current), []);
  });
});
