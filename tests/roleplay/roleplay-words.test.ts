import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../support/test-app';
import { contentIds, wordProblems } from '../support/user-words';
import { RoleplayLearner } from './roleplay-driver';

/** What role-play says back in words: the closing line fits the outcome, and "my data" shows no ids or "1 messages". */
describe('role-play words over real HTTP', () => {
  let harness: TestApp;
  let learner: RoleplayLearner;
  const story = 'onsite-stressed-reception';
  const ids = contentIds();

  beforeEach(async () => {
    const now = new Date('2025-03-10T07:40:00Z');
    harness = await startTestApp({}, { clock: () => now });
    learner = new RoleplayLearner(harness);
  });
  afterEach(async () => harness.stop());

  it('when the last meeting of a storyline ends with little trust, then the closing line does not praise it and offers to play it again', async () => {
    await learner.startMeeting(story);
    await learner.say('Restart it and it will be fine.');
    await learner.say('end');
    await learner.startMeeting(story, 2);
    await learner.say('Just restart everything, that always works.');
    await learner.say('That is not my problem, call the service desk.');
    const debrief = (await learner.say('end')).join('\n');
    const closing = debrief.split('\n').find((line) => line.startsWith('That was the last meeting'));
    assert.ok(closing, debrief);
    assert.match(closing, /Sara Nilsson's trust ended at [0-4] of 10/);
    assert.doesNotMatch(closing, /Well done/);
    assert.match(closing, /play the storyline again from Other customers/);
  });

  it('when my data lists a meeting of one message and a self-check, then it reads in words: no check ids, no "1 messages"', async () => {
    await learner.startMeeting(story);
    await learner.say('What is happening right now, and what matters most to you?');
    await learner.say('end');
    const [session] = await harness.app.store.list<{ id: string }>('roleplay-sessions');
    assert.ok(session);
    await learner.press('roleplay.selfcheck', { sessionId: session.body.id, selfCheck: 'listened-first,logged-it' });
    const data = (await learner.say('my data')).join('\n');
    assert.match(data, /\(\d{4}-\d\d-\d\d, ended\): 1 message\n/);
    assert.match(data, /What you ticked in your own check: [^\n]*; Kept the ticket and routine going while you helped on the spot/);
    assert.deepEqual(wordProblems(data, ids), []);
  });
});
