import assert from 'node:assert/strict';
import type { ExerciseAttempt } from '../../src/exercises/attempts';
import { type ActivityOptions } from '../support/activities';
import { cardText, startTestApp, type TestApp } from '../support/test-app';
import { ExerciseDriver, choiceValues, input } from './exercise-driver';

describe('key points: feedback on your own answer without AI (real HTTP)', () => {
  let harness: TestApp;
  const options = (overrides: Partial<ActivityOptions> = {}): ActivityOptions => ({ serviceUrl: harness.connector.serviceUrl, ...overrides });
  const attempts = async (): Promise<ExerciseAttempt[]> => (await harness.app.store.list<ExerciseAttempt>('exercise-attempts')).map((record) => record.body);

  beforeEach(async () => {
    harness = await startTestApp({}, { clock: () => new Date('2025-03-10T08:00:00.000Z') });
  });
  afterEach(async () => harness.stop());

  it('when the learner ticks the key points they covered, then the saved card lists the missed ones and the ticks are stored with the attempt', async () => {
    const learner = new ExerciseDriver(harness, options());
    const result = await learner.answer(await learner.command('practice'), 'I would ask Maria about month-end and move the roll-out.');
    const text = cardText(result);
    assert.match(text, /A good answer covers these\. Tick the ones yours covered:/);
    assert.equal(input(result, 'keyPoints')?.isMultiSelect, true);
    assert.deepEqual(choiceValues(result, 'keyPoints'), ['0', '1', '2', '3']);
    assert.match(text, /Sees that the roll-out hits Maria's month-end close/);

    const done = cardText(await learner.rate(result, '4', undefined, '0,2,9,2'));
    assert.match(done, /Key points you covered: 2 of 4\./);
    assert.match(done, /To add next time\n• Describes what a broken laptop would mean that week\n• Offers choices: another week, or keep the old laptop as a backup/);
    assert.doesNotMatch(done, /To add next time[\s\S]*Contacts the customer now/, 'a ticked point is not listed as missed');
    const [saved] = await attempts();
    assert.deepEqual(saved?.coveredKeyPoints, [0, 2], 'unknown and repeated ticks are dropped');
  });

  it('when a Swedish learner saves without ticking anything, then every key point is listed to add next time, in Swedish', async () => {
    const learner = new ExerciseDriver(harness, options({ locale: 'sv-SE' }));
    const result = await learner.answer(await learner.command('öva'), 'Jag flyttar utrullningen.');
    assert.match(cardText(result), /Ett bra svar tar upp det här\. Bocka för det som ditt svar tog upp:/);
    const done = cardText(await learner.rate(result, '2'));
    assert.match(done, /Nyckelpunkter du tog upp: 0 av 4\./);
    assert.match(done, /Att ta med nästa gång\n• Ser att utrullningen krockar med Marias månadsbokslut/);
    assert.deepEqual((await attempts())[0]?.coveredKeyPoints, []);
  });

  it('when the rating is missing, then the ticked key points are kept on the card', async () => {
    const learner = new ExerciseDriver(harness, options());
    const result = await learner.answer(await learner.command('practice'), 'My answer.');
    const again = await learner.rate(result, undefined, undefined, '1,3');
    assert.equal(input(again, 'keyPoints')?.value, '1,3');
    assert.equal((await attempts())[0]?.coveredKeyPoints, undefined);
  });
});
