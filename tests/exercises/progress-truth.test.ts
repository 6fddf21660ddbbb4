import assert from 'node:assert/strict';
import { withChartFallbacks, chartProblems } from '../support/card-validation';
import type { ActivityOptions } from '../support/activities';
import { cardText, startTestApp, type TestApp } from '../support/test-app';
import { actionData, ExerciseDriver, type Card } from './exercise-driver';

type Json = Record<string, unknown>;

/** The chart element of the progress card, as Teams receives it. */
function themesChart(card: Card): Json {
  const body = card.body as Json[];
  const chart = body.find((element) => typeof element.type === 'string' && element.type.startsWith('Chart.'));
  assert.ok(chart, 'the progress card has a chart');
  return chart;
}

/** Done and still-to-do per theme title, from the chart's data. */
function chartBars(card: Card): Record<string, number[]> {
  const data = themesChart(card).data as Array<{ title: string; data: Array<{ value: number }> }>;
  return Object.fromEntries(data.map((bar) => [bar.title, bar.data.map((segment) => segment.value)]));
}

describe('progress that tells the truth, over real HTTP', () => {
  let harness: TestApp;
  let now: Date;
  const options = (overrides: Partial<ActivityOptions> = {}): ActivityOptions => ({ serviceUrl: harness.connector.serviceUrl, ...overrides });

  beforeEach(async () => {
    now = new Date('2025-03-10T08:00:00.000Z');
    harness = await startTestApp({}, { clock: () => now });
  });
  afterEach(async () => harness.stop());

  it('when three exercises are answered and only two are saved, then progress counts two and names the one not saved', async () => {
    const learner = new ExerciseDriver(harness, options());
    for (const save of [true, true, false]) {
      const result = await learner.answer(await learner.command('practice trust'), 'I call at two as I promised.');
      if (save) await learner.rate(result, '4', 'Call when I said I would.');
    }
    const progress = await learner.command('progress');
    const text = cardText(withChartFallbacks(progress));
    assert.match(text, /Exercises completed: 2\n/);
    assert.match(text, /1 exercise answered but not saved yet: press Save on it to count it\./);
    assert.match(text, /Trust\ncompleted 2 times, average self-rating 4\.0 of 5/);
    assert.deepEqual(chartBars(progress).Trust, [2, 2]);
  });

  it('when two of a theme\'s four exercises are completed, then its bar is half full in the chart and in the text bars, not "mastered"', async () => {
    const learner = new ExerciseDriver(harness, options());
    for (let index = 0; index < 2; index += 1) {
      await learner.rate(await learner.answer(await learner.command('practice trust'), 'I tell them what I can do by when.'), '3');
    }
    const progress = await learner.command('progress');
    const bars = chartBars(progress);
    assert.deepEqual(bars.Trust, [2, 2], 'done and still to do add up to the theme\'s four exercises');
    assert.deepEqual(bars.Listening, [0, 4]);
    assert.equal(Object.keys(bars).length, 8, 'one bar per theme');
    assert.equal(themesChart(progress).type, 'Chart.HorizontalBar.Stacked');
    assert.deepEqual(chartProblems(progress), [], 'the chart carries a valid text fallback');
    const withoutCharts = cardText(withChartFallbacks(progress));
    assert.match(withoutCharts, /Trust\n█{5}░{5}\n2 of 4 exercises/);
    assert.match(withoutCharts, /Listening\n░{10}\n0 of 4 exercises/);
  });

  it('when the same exercise is saved again, then it counts as practice but the bar still shows exercises of the theme done once', async () => {
    const learner = new ExerciseDriver(harness, options());
    const first = await learner.command('practice trust');
    const result = await learner.answer(first, 'I call at two.');
    await learner.rate(result, '2');
    // The same scenario once more under a fresh attempt id: a repeat of one exercise.
    const attemptId = String(actionData(first, 'exercises.submit').attemptId);
    const sameScenario = JSON.parse(JSON.stringify(first).replaceAll(attemptId, 'repeat-attempt-0001')) as Card;
    await learner.rate(await learner.answer(sameScenario, 'I call at two, even if not done.'), '4');
    const progress = await learner.command('progress');
    assert.match(cardText(progress), /Exercises completed: 2\n/);
    assert.deepEqual(chartBars(progress).Trust, [1, 3]);
  });

  it('when the learner practised four days, paused and came back, then the longest streak shows beside the current one', async () => {
    const learner = new ExerciseDriver(harness, options());
    for (const day of ['03', '04', '05', '06', '09', '10']) {
      now = new Date(`2025-03-${day}T09:00:00.000Z`);
      await learner.rate(await learner.answer(await learner.command('practice listening'), 'What happened just before it got slow?'), '3', 'Ask before I fix.');
    }
    now = new Date('2025-03-10T18:00:00.000Z');
    const text = cardText(await learner.command('progress'));
    assert.match(text, /Streak: 2 days in a row\nLongest streak: 4 days in a row\n/);
  });

  it('when a Swedish learner has one exercise done, then the words agree with the number', async () => {
    const learner = new ExerciseDriver(harness, options({ locale: 'sv-SE' }));
    await learner.rate(await learner.answer(await learner.command('öva förtroende'), 'Jag ringer klockan två.'), '5');
    const text = cardText(withChartFallbacks(await learner.command('framsteg')));
    assert.match(text, /Du har övat 1 dag i rad\nSom mest: 1 dag i rad\nSlutförda övningar: 1\n/);
    assert.match(text, /Förtroende\ngjord en gång, självskattning 5,0 av 5/);
    assert.match(text, /1 av 4 övningar/);
    assert.doesNotMatch(text, /\b1 (gjorda|dagar|övningar)\b/);
  });
});
