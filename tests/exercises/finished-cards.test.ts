import assert from 'node:assert/strict';
import { submitActivity, type ActivityOptions } from '../support/activities';
import { attachedCard, cardText, startTestApp, type TestApp } from '../support/test-app';
import { actionData, ExerciseDriver, type Card } from './exercise-driver';

describe('a finished exercise card keeps its history (real HTTP)', () => {
  let harness: TestApp;
  const options = (overrides: Partial<ActivityOptions> = {}): ActivityOptions => ({ serviceUrl: harness.connector.serviceUrl, ...overrides });

  beforeEach(async () => {
    harness = await startTestApp({}, { clock: () => new Date('2025-03-10T08:00:00.000Z') });
  });
  afterEach(async () => harness.stop());

  const finish = async (learner: ExerciseDriver): Promise<Card> => {
    const result = await learner.answer(await learner.command('practice'), 'I would ask what month-end means for them.');
    return learner.rate(result, '4', 'Check their calendar first.');
  };

  for (const [button, verb, expected] of [
    ['Practise again', 'exercises.start', /Show the customer's view/],
    ['My progress', 'exercises.progress', /Your practice/],
    ['Choose a theme', 'exercises.browse', /Which part of being a partner do you want to practise\?/],
  ] as const) {
    it(`when "${button}" is pressed on a finished exercise, then a new card is posted and the finished card is never updated`, async () => {
      const learner = new ExerciseDriver(harness, options());
      const finished = await finish(learner);
      assert.match(cardText(finished), /Saved\. You rated yourself 4 of 5\./);
      assert.deepEqual(actionData(finished, verb), { verb });
      const next = await learner.pressForNewCard(verb);
      assert.match(cardText(next), expected);
    });

    it(`when "${button}" comes as a plain submit from a finished exercise, then no update call targets that card`, async () => {
      const learner = new ExerciseDriver(harness, options());
      await finish(learner);
      const before = harness.connector.posted().length;
      const answer = await harness.post(submitActivity(options(), verb, { verb }, 'finished-card-7'));
      assert.ok(answer.status < 300, answer.text);
      assert.equal(harness.connector.updated().filter((call) => call.activityId === 'finished-card-7').length, 0);
      const posted = harness.connector.posted().slice(before).map((call) => attachedCard(call.body)).find((card) => card !== undefined);
      assert.match(cardText(posted), expected);
    });
  }

  it('when pick for me or other theme is pressed before answering (steps of one exercise), then that card is updated in place', async () => {
    const learner = new ExerciseDriver(harness, options());
    const picker = await learner.pressForNewCard('exercises.browse');
    assert.deepEqual(actionData(picker, 'exercises.pick'), { verb: 'exercises.pick' });
    const scenario = await learner.pressForCard('exercises.pick');
    assert.match(cardText(scenario), /Show the customer's view/);
    assert.match(cardText(await learner.pressForCard('exercises.themes')), /Which part of being a partner/);
  });
});
