import assert from 'node:assert/strict';
import { userKeyOf } from '../../src/core/keys';
import type { ExerciseAttempt } from '../../src/exercises/attempts';
import { executeActivity, messageActivity, testTenantId, type ActivityOptions } from '../support/activities';
import { cardText, startTestApp, type TestApp } from '../support/test-app';
import { actionData, ExerciseDriver } from './exercise-driver';

describe('exercises over real HTTP: the learner owns their answers', () => {
  let harness: TestApp;
  const options = (overrides: Partial<ActivityOptions> = {}): ActivityOptions => ({ serviceUrl: harness.connector.serviceUrl, ...overrides });
  const attempts = async (): Promise<Array<{ owner: string | undefined; version: number; body: ExerciseAttempt }>> =>
    harness.app.store.list<ExerciseAttempt>('exercise-attempts');
  const learnerKey = userKeyOf(testTenantId, 'aad-learner-1');

  beforeEach(async () => {
    harness = await startTestApp();
  });
  afterEach(async () => harness.stop());

  it('when someone uses it in a group chat, then nothing is shown there and they are sent to the personal chat', async () => {
    const group = options({ conversationType: 'groupChat', conversationId: '19:group@thread.v2' });
    await harness.post(messageActivity(group, 'practice'));
    assert.match(String(harness.connector.posted().at(-1)?.body.text), /works in our one-to-one chat/);
    const { text } = await new ExerciseDriver(harness, group).press('exercises.start');
    assert.match(text ?? '', /Exercises are just for you/);
  });

  it('when a card carries another learner\'s attempt id, then that attempt stays untouched', async () => {
    const owner = new ExerciseDriver(harness, options());
    const result = await owner.answer(await owner.command('practice'), 'Mine.');
    const intruder = new ExerciseDriver(harness, options({ aadObjectId: 'aad-intruder' }));
    const { text } = await intruder.press('exercises.rate', { ...actionData(result, 'exercises.rate'), rating: '1', commitment: 'hijack' });
    assert.match(text ?? '', /That button no longer works/);
    const [saved] = await attempts();
    assert.equal(saved?.body.rating, undefined);
    assert.equal(saved?.owner, learnerKey);
  });

  it('when the learner asks for their data and deletes it, then their answers are listed and then gone', async () => {
    const learner = new ExerciseDriver(harness, options());
    await learner.rate(await learner.answer(await learner.command('practice'), 'My private answer.'), '5', 'My own plan.');
    await harness.post(messageActivity(options(), 'my data'));
    const exported = harness.connector.posted().map((call) => (typeof call.body.text === 'string' ? call.body.text : '')).join('\n');
    assert.match(exported, /\*\*Exercises\*\*/);
    assert.match(exported, /your answer: My private answer\.; self-rating: 5 of 5; one thing I will do: My own plan\./);
    await harness.post(executeActivity(options(), 'privacy.delete.confirm'));
    assert.equal((await attempts()).length, 0);
  });

  it('when the learner has workshop pledges, then progress shows them', async () => {
    await harness.app.store.put({
      collection: 'workshop-pledges',
      id: `w1/${learnerKey}`,
      owner: learnerKey,
      body: { theme: 'proactive', text: 'Raise one risk a week.', workshopId: 'w1', createdAt: '2025-03-01T10:00:00.000Z' },
      expectedVersion: 0,
    });
    const progress = cardText(await new ExerciseDriver(harness, options()).command('progress'));
    assert.match(progress, /Your workshop pledges\n2025-03-01\nRaise one risk a week\./);
    assert.match(progress, /No streak yet/);
  });
});
