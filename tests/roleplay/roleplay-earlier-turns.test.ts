import assert from 'node:assert/strict';
import type { Move } from '../../src/roleplay/reading/intents';
import type { SessionRecord } from '../../src/roleplay/roleplay-records';
import { startTestApp, type TestApp } from '../support/test-app';
import { RoleplayLearner } from './roleplay-driver';

describe('a reference back to an earlier meeting, over real HTTP', () => {
  let harness: TestApp;
  let now: Date;
  const story = 'laptop-rollout-busy-week';
  const referBack = 'As you told me last time, a third of your yearly sales come in that one stretch.';

  beforeEach(async () => {
    now = new Date('2025-03-10T07:40:00Z');
    harness = await startTestApp({}, { clock: () => now });
  });
  afterEach(async () => {
    await harness.stop();
  });

  /** Meeting 1 with one line, then meeting 2 two days later opened with the reference back; the moves it was read as. */
  const secondMeetingAfter = async (learner: RoleplayLearner, firstLine: string): Promise<readonly Move[]> => {
    await learner.startMeeting(story);
    await learner.say(firstLine);
    await learner.say('end');
    now = new Date(now.getTime() + 49 * 3_600_000);
    await learner.startMeeting(story, 2);
    await learner.say(referBack);
    const sessions = await harness.app.store.list<SessionRecord>('roleplay-sessions');
    const active = sessions.map((record) => record.body).find((session) => session.status === 'active' && session.meetingNumber === 2);
    const last = active?.state.transcript.filter((entry) => entry.speaker === 'learner').at(-1);
    return last?.speaker === 'learner' ? last.moves : [];
  };

  it('when the campaign came out in meeting 1, then saying it back in meeting 2 refers back', async () => {
    const moves = await secondMeetingAfter(new RoleplayLearner(harness), 'What is happening in your business in the next weeks?');
    assert.ok(moves.some((move) => move.kind === 'refers-back' && !move.vague), JSON.stringify(moves));
  });

  it('when the campaign never came out in meeting 1, then the same words are a guess', async () => {
    const moves = await secondMeetingAfter(new RoleplayLearner(harness, { userId: 'u2', aadObjectId: 'aad-learner-2' }), 'Right, here is the plan for the swap.');
    assert.ok(moves.some((move) => move.kind === 'refers-back' && move.generic), JSON.stringify(moves));
  });
});
