import assert from 'node:assert/strict';
import type { ExerciseAttempt } from '../../src/exercises/attempts';
import { type ActivityOptions } from '../support/activities';
import { cardText, startTestApp, type TestApp } from '../support/test-app';
import { actionData, ExerciseDriver, input } from './exercise-driver';

describe('multiple choice: choose first, a clear verdict, then what you will do (real HTTP)', () => {
  let harness: TestApp;
  const options = (overrides: Partial<ActivityOptions> = {}): ActivityOptions => ({ serviceUrl: harness.connector.serviceUrl, ...overrides });
  const attempts = async (): Promise<ExerciseAttempt[]> => (await harness.app.store.list<ExerciseAttempt>('exercise-attempts')).map((record) => record.body);

  beforeEach(async () => {
    harness = await startTestApp({}, { clock: () => new Date('2025-03-10T08:00:00.000Z') });
  });
  afterEach(async () => harness.stop());

  it('when a choice is made with no text, then it is accepted and the card says "Not quite: here\'s why" with the reason', async () => {
    const learner = new ExerciseDriver(harness, options());
    const scenario = await learner.command('practice demands');
    assert.match(String(input(scenario, 'answer')?.label), /\(optional\)$/);
    const result = await learner.pressForCard('exercises.submit', { ...actionData(scenario, 'exercises.submit'), choice: 'unreasonable', answer: '  ' });
    const text = cardText(result);
    assert.match(text, /Not quite: here's why\nFair on paper/);
    assert.doesNotMatch(text, /How close was I/, 'no "how close was I" after being told the answer');
    assert.equal(input(result, 'rating'), undefined);
    assert.match(text, /What will you do the next time this happens\?/);
    const [saved] = await attempts();
    assert.equal(saved?.answer, undefined);
    assert.equal(saved?.correct, false);
  });

  it('when the best option is chosen, then the headline is "Right", and saving asks for what the learner will do instead of a rating', async () => {
    const learner = new ExerciseDriver(harness, options());
    const result = await learner.answer(await learner.command('practice demands'), '', 'reasonable');
    assert.match(cardText(result), /^[^\n]*\n[^\n]*\nYour answer\nYou chose: [^\n]*\nRight\n/);
    const empty = await learner.rate(result, undefined, '  ');
    assert.match(cardText(empty), /Write what you will do the next time: one sentence is enough\./);
    const done = cardText(await learner.rate(result, undefined, 'Tell the queue how long they wait.', '0'));
    assert.match(done, /Saved\.\nOne thing you will do: Tell the queue how long they wait\.\nKey points you covered: 1 of 4\./);
    assert.doesNotMatch(done, /You rated yourself/);
    const [saved] = await attempts();
    assert.equal(saved?.rating, undefined);
    assert.equal(saved?.commitment, 'Tell the queue how long they wait.');
    assert.ok(saved?.ratedAt, 'completed');
  });

  it('when a Swedish learner picks the wrong option, then the verdict is in natural Swedish', async () => {
    const learner = new ExerciseDriver(harness, options({ locale: 'sv-SE' }));
    const result = await learner.answer(await learner.command('öva krav'), '', 'unreasonable');
    const text = cardText(result);
    assert.match(text, /Inte riktigt – så här ligger det till\n/);
    assert.match(text, /Vad gör du nästa gång det här händer\?/);
  });
});
