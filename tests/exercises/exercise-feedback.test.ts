import assert from 'node:assert/strict';
import path from 'node:path';
import pino from 'pino';
import sinon from 'sinon';
import { createAzureOpenAiModel } from '../../src/ai/azure-openai-model';
import { loadConfig } from '../../src/config';
import { ThemeCatalog } from '../../src/content/themes';
import { loadExerciseLibrary } from '../../src/exercises/exercise-content';
import { FeedbackCoach } from '../../src/exercises/exercise-feedback';
import type { ExerciseAttempt } from '../../src/exercises/attempts';
import type { ActivityOptions } from '../support/activities';
import { azureOpenAiEnv, LoopbackAzureOpenAi, type ModelAnswer } from '../support/loopback-azure-openai';
import { cardText, startTestApp, type TestApp } from '../support/test-app';
import { ExerciseDriver } from './exercise-driver';

const contentDir = path.resolve(__dirname, '..', '..', 'content');

describe('AI feedback on exercise answers (real AzureOpenAI client, loopback server)', () => {
  let model: LoopbackAzureOpenAi;
  let harness: TestApp;
  const answer = 'I would ask Maria what month-end means for her team, and move our roll-out to the week after.';
  const options = (overrides: Partial<ActivityOptions> = {}): ActivityOptions => ({ serviceUrl: harness.connector.serviceUrl, ...overrides });
  const savedAttempts = async (): Promise<ExerciseAttempt[]> => (await harness.app.store.list<ExerciseAttempt>('exercise-attempts')).map((record) => record.body);

  before(async () => {
    model = await LoopbackAzureOpenAi.start();
  });
  after(async () => {
    await model.stop();
    sinon.restore();
  });
  beforeEach(async () => {
    model.requests.length = 0;
    harness = await startTestApp(azureOpenAiEnv(model, 1000));
  });
  afterEach(async () => harness.stop());

  it('when the model answers, then 2–3 sentences of feedback and the key points it found are shown beside the perspectives and saved', async () => {
    model.enqueue({ kind: 'json', value: { sentences: ['You started from their month-end, not from our plan.', 'Next time, also ask who else is affected.'], keyPointsCovered: [1, 3, 1] } });
    const learner = new ExerciseDriver(harness, options());
    const result = cardText(await learner.answer(await learner.command('practice perspective'), answer));
    assert.match(result, /Feedback on your answer\nYou started from their month-end, not from our plan\. Next time, also ask who else is affected\./);
    assert.match(result, /Key points the coach found in your answer: Sees that the roll-out hits Maria's month-end close; Contacts the customer now, before the roll-out\./);
    assert.match(result, /Model perspectives/);
    assert.match(result, /What good looks like\nStart from the customer's situation and goals/);
    const [saved] = await savedAttempts();
    assert.deepEqual(saved?.feedback, {
      status: 'given',
      text: 'You started from their month-end, not from our plan. Next time, also ask who else is affected.',
      coveredKeyPoints: [0, 2],
    });
    assert.equal(saved?.coveredKeyPoints, undefined, 'the coach\'s view is not the learner\'s tick');
  });

  it('when feedback is asked for, then instructions are in the system message and the learner\'s words only in the user message', async () => {
    model.enqueue({ kind: 'json', value: { sentences: ['Bra början.', 'Fråga mer om deras kunder.'], keyPointsCovered: [] } });
    const learner = new ExerciseDriver(harness, options({ locale: 'sv-SE' }));
    const result = cardText(await learner.answer(await learner.command('öva perspektiv'), answer));
    assert.match(result, /Återkoppling på ditt svar\nBra början\. Fråga mer om deras kunder\./);
    const [request] = model.requests;
    assert.ok(request);
    const [system, user, ...rest] = request.body.messages;
    assert.deepEqual(rest, []);
    assert.equal(system?.role, 'system');
    assert.match(system?.content ?? '', /written in Swedish/);
    assert.match(system?.content ?? '', /Utgå från kundens situation och mål/, 'judged against the theme\'s "what good looks like"');
    assert.match(system?.content ?? '', /Key points:\n1\. Ser att utrullningen krockar med Marias månadsbokslut\n2\. /, 'judged against the same key points the learner ticks');
    assert.match(result, /Coachen hittade inte nyckelpunkterna nedan i ditt svar än\./);
    assert.ok(!(system?.content ?? '').includes(answer), 'the learner\'s text is not in the system message');
    assert.deepEqual(user, { role: 'user', content: answer });
    assert.equal(request.body.response_format?.type, 'json_schema');
    assert.equal(request.body.response_format?.json_schema?.name, 'exercise_feedback');
  });

  const failures: Array<[string, ModelAnswer, string]> = [
    ['the service is rate limited (429)', { kind: 'status', status: 429, retryAfterSeconds: 20 }, 'rate-limited'],
    ['the model does not answer in time', { kind: 'hang' }, 'timeout'],
    ['the content filter stops it', { kind: 'content-filter' }, 'content-filtered'],
    ['the reply is not JSON', { kind: 'text', text: 'Great answer! You really flipped the perspective.' }, 'invalid-output'],
    ['the JSON has the wrong shape', { kind: 'json', value: { sentences: ['Only one sentence.'], keyPointsCovered: [] } }, 'invalid-output'],
    ['the key points are left out', { kind: 'json', value: { sentences: ['Good start.', 'Ask more.'] } }, 'invalid-output'],
    ['a key point is named that the exercise does not have', { kind: 'json', value: { sentences: ['Good start.', 'Ask more.'], keyPointsCovered: [2, 5] } }, 'invalid-output'],
    ['the service fails (500)', { kind: 'status', status: 500 }, 'unavailable'],
  ];
  for (const [situation, modelAnswer, reason] of failures) {
    it(`when ${situation}, then the card shows the perspectives alone, says feedback is unavailable, and the answer is saved`, async () => {
      model.enqueue(modelAnswer);
      const learner = new ExerciseDriver(harness, options());
      const started = Date.now();
      const result = cardText(await learner.answer(await learner.command('practice perspective'), answer));
      assert.ok(Date.now() - started < 5000, 'the card does not wait beyond the time-out');
      assert.match(result, /Feedback isn't available right now, so compare your answer with the perspectives below\. Your answer is saved\./);
      assert.match(result, /Your answer\nI would ask Maria/);
      assert.match(result, /Model perspectives\nWhat the customer may be thinking/);
      assert.match(result, /How close was I to the customer's view\?/);
      const [saved] = await savedAttempts();
      assert.equal(saved?.answer, answer);
      assert.deepEqual(saved?.feedback, { status: 'unavailable', reason });
      assert.ok(harness.logs.some((line) => line.reason === reason && line.msg === 'exercise feedback unavailable; showing the model perspectives alone'));
      assert.ok(!JSON.stringify(harness.logs).includes('I would ask Maria'), 'the answer never reaches the logs');
    });
  }

  it('when the exercise has only a choice, then the model is not asked', async () => {
    const learner = new ExerciseDriver(harness, options());
    const result = cardText(await learner.answer(await learner.command('practice listen'), ''));
    assert.match(result, /✓ Best answer/);
    assert.doesNotMatch(result, /Feedback/);
    assert.equal(model.requests.length, 0);
  });

  it('when the client would wait longer than a Teams invoke allows, then feedback gives up at its own budget', async () => {
    const config = loadConfig(azureOpenAiEnv(model, 60000)).azureOpenAi;
    assert.ok(config);
    const themes = ThemeCatalog.load(contentDir);
    const exercise = loadExerciseLibrary(contentDir, themes).inTheme('trust')[0];
    assert.ok(exercise);
    model.enqueue({ kind: 'hang' });
    const coach = new FeedbackCoach(createAzureOpenAiModel(config), pino({ level: 'silent' }), 300);
    const started = Date.now();
    const feedback = await coach.feedback({ exercise, theme: themes.text('trust', 'en'), locale: 'en', answer });
    assert.deepEqual(feedback, { status: 'unavailable', reason: 'timeout' });
    assert.ok(Date.now() - started < 3000, `${Date.now() - started} ms`);
  });
});
