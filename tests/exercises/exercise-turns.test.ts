import assert from 'node:assert/strict';
import sinon from 'sinon';
import { userKeyOf } from '../../src/core/keys';
import type { ExerciseAttempt } from '../../src/exercises/attempts';
import { messageActivity, testTenantId, type ActivityOptions } from '../support/activities';
import { attachedCard, cardText, startTestApp, type TestApp } from '../support/test-app';
import { actionData, ExerciseDriver, input } from './exercise-driver';

describe('exercises over real HTTP (practice, answer, rate, progress)', () => {
  let harness: TestApp;
  let now: Date;
  const options = (overrides: Partial<ActivityOptions> = {}): ActivityOptions => ({ serviceUrl: harness.connector.serviceUrl, ...overrides });
  const attempts = async (): Promise<Array<{ owner: string | undefined; version: number; body: ExerciseAttempt }>> =>
    harness.app.store.list<ExerciseAttempt>('exercise-attempts');
  const learnerKey = userKeyOf(testTenantId, 'aad-learner-1');

  beforeEach(async () => {
    now = new Date('2025-03-10T08:00:00.000Z');
    harness = await startTestApp({}, { clock: () => now });
  });
  afterEach(async () => harness.stop());

  it('when a known learner types practice again, then exactly one activity (the scenario card) is posted and nothing is written', async () => {
    const patient = await startTestApp({}, { clock: () => now, typingAfterMs: 60_000 });
    try {
      const learner = options({ serviceUrl: patient.connector.serviceUrl });
      await patient.post(messageActivity(learner, 'practice'));
      const versionsBefore = (await patient.app.store.list('user-settings')).concat(await patient.app.store.list('conversation-references')).map((record) => record.version);
      const before = patient.connector.posted().length;
      await patient.post(messageActivity(learner, 'practice'));
      const posted = patient.connector.posted().slice(before);
      assert.deepEqual(posted.map((call) => call.body.type), ['message']);
      assert.ok(attachedCard(posted[0]?.body ?? {}), 'the one activity is the scenario card');
      const versionsAfter = (await patient.app.store.list('user-settings')).concat(await patient.app.store.list('conversation-references')).map((record) => record.version);
      assert.deepEqual(versionsAfter, versionsBefore);
    } finally {
      await patient.stop();
    }
  });

  it('when a learner types practice, answers and rates, then one card goes scenario → perspectives → saved and the attempt is theirs', async () => {
    const learner = new ExerciseDriver(harness, options());
    const scenario = await learner.command('practice');
    assert.match(cardText(scenario), /Flip the perspective/, 'a new learner starts with the first theme');
    assert.ok(input(scenario, 'answer'), 'a free-text input');

    const result = await learner.answer(scenario, 'I would ask what month-end means for them and move the roll-out.');
    const text = cardText(result);
    assert.match(text, /Your answer\nI would ask what month-end means for them/);
    assert.match(text, /Model perspectives\nWhat the customer may be thinking/);
    assert.match(text, /What good looks like\nStart from the customer's situation/);
    assert.match(text, /How close was I to the customer's view\?/);
    assert.doesNotMatch(text, /Feedback/, 'no model is configured, so no feedback block');

    const [saved] = await attempts();
    assert.equal(saved?.owner, learnerKey);
    assert.equal(saved?.version, 1);
    assert.equal(saved?.body.answer, 'I would ask what month-end means for them and move the roll-out.');

    const done = await learner.rate(result, '4', 'Ask about their month-end before I plan a roll-out.');
    assert.match(cardText(done), /Saved\. You rated yourself 4 of 5\.\nOne thing you will do: Ask about their month-end/);
    assert.equal(input(done, 'rating'), undefined, 'the rating form is gone once saved');
    const [rated] = await attempts();
    assert.equal(rated?.version, 2);
    assert.equal(rated?.body.rating, 4);
    assert.equal(rated?.owner, learnerKey);
  });

  it('when the answer is empty or too long, then the card says so, keeps the text, and saves nothing', async () => {
    const learner = new ExerciseDriver(harness, options());
    const scenario = await learner.command('practice');
    const empty = await learner.answer(scenario, '   ');
    assert.match(cardText(empty), /Write your answer first/);
    const long = 'a'.repeat(1001);
    const tooLong = await learner.answer(scenario, long);
    assert.match(cardText(tooLong), /Your answer is 1001 characters and I can take at most 1000/);
    assert.equal(input(tooLong, 'answer')?.value, long, 'the learner\'s text is kept in the input');
    assert.deepEqual(actionData(tooLong, 'exercises.submit'), actionData(scenario, 'exercises.submit'), 'same exercise, same attempt id');
    assert.equal((await attempts()).length, 0);
  });

  it('when a choice exercise is answered, then the right option and every explanation are shown', async () => {
    const learner = new ExerciseDriver(harness, options());
    const scenario = await learner.command('practice demands');
    assert.match(cardText(scenario), /The board meeting starts in 40 minutes/);
    const unanswered = await learner.pressForCard('exercises.submit', { ...actionData(scenario, 'exercises.submit'), answer: 'I go now.' });
    assert.match(cardText(unanswered), /Choose one of the options first\./);
    assert.equal(input(unanswered, 'answer')?.value, 'I go now.');

    const result = await learner.answer(scenario, "I'm on my way, and I'll tell the others their tickets slip by half an hour.", 'unreasonable');
    const text = cardText(result);
    assert.match(text, /You chose: Unreasonable: everyone waits their turn/);
    assert.match(text, /Reasonable: go now, ahead of the queue\n✓ Best answer\nRight\./);
    assert.match(text, /Partly reasonable: talk her through it by phone[^\n]*\nPhone instructions might work/);
    assert.match(text, /Unreasonable: everyone waits their turn\nYour choice\nFair on paper/);
    const [saved] = await attempts();
    assert.equal(saved?.body.choice, 'unreasonable');
    assert.equal(saved?.body.correct, false);
  });

  it('when a Swedish learner practises a theme by its Swedish name, then every text is Swedish', async () => {
    const learner = new ExerciseDriver(harness, options({ locale: 'sv-SE' }));
    const scenario = await learner.command('öva förtroende');
    const scenarioText = cardText(scenario);
    assert.match(scenarioText, /Skapa förtroende och tillför värde/);
    assert.match(scenarioText, /Visa kundens perspektiv/);
    assert.match(scenarioText, /Ditt svar/);

    const result = await learner.answer(scenario, 'Jag ringer klockan två som jag lovade, även om jag inte är klar.');
    const resultText = cardText(result);
    assert.match(resultText, /Ditt svar\nJag ringer klockan två/);
    assert.match(resultText, /Perspektiv att jämföra med/);
    assert.match(resultText, /Hur nära kundens perspektiv kom jag\?/);
    assert.match(resultText, /5 – helt rätt/);
    assert.doesNotMatch(resultText, /Your answer|Model perspectives|How close/);

    const done = await learner.rate(result, '3', 'Ringa när jag sagt att jag ska ringa.');
    assert.match(cardText(done), /Sparat\. Du gav dig själv 3 av 5\./);

    const progress = cardText(await learner.command('framsteg'));
    assert.match(progress, /Dina framsteg/);
    assert.match(progress, /Du har övat 1 dag i rad/);
    assert.match(progress, /Förtroende\n█{3}░{7}\n1 av 4 övningar/);
    assert.match(progress, /Förtroende\ngjord en gång, självskattning 3,0 av 5/);
    assert.doesNotMatch(progress, /Svit|1 gjorda/);
    assert.match(progress, /Ringa när jag sagt att jag ska ringa\./);
    assert.doesNotMatch(progress, /Your practice|Streak/);
  });

  it('when the learner practises over three days and rates, then progress shows the streak, bars, averages and commitments', async () => {
    const learner = new ExerciseDriver(harness, options());
    for (const [day, theme, rating] of [[10, 'trust', '2'], [11, 'trust', '4'], [12, 'listen', '5']] as const) {
      now = new Date(`2025-03-${day}T09:00:00.000Z`);
      const result = await learner.answer(await learner.command(`practice ${theme}`), 'I would ask first.');
      await learner.rate(result, rating, `Commitment from the ${day}th`);
    }
    now = new Date('2025-03-12T18:00:00.000Z');
    const progress = cardText(await learner.pressForNewCard('exercises.progress'));
    assert.match(progress, /Streak: 3 days in a row/);
    assert.match(progress, /Exercises completed: 3/);
    assert.match(progress, /Trust\n█{5}░{5}\n2 of 4 exercises/);
    assert.match(progress, /Listening\n█{3}░{7}\n1 of 4 exercises/);
    assert.match(progress, /Perspective\n░{10}\n0 of 4 exercises/);
    assert.match(progress, /Trust\ncompleted 2 times, average self-rating 3\.0 of 5/);
    assert.match(progress, /Listening\ncompleted once, no self-rating/, 'a choice exercise asks what you will do, not for a rating');
    assert.doesNotMatch(progress, /Perspective\ncompleted/);
    assert.match(progress, /2025-03-12\nCommitment from the 12th\n2025-03-11\nCommitment from the 11th/);
  });

  it('when the learner practises the same theme again, then a different exercise comes until all are done', async () => {
    const learner = new ExerciseDriver(harness, options());
    const titles: string[] = [];
    for (let round = 0; round < 4; round += 1) {
      const scenario = await learner.command('practice listen');
      titles.push(cardText(scenario).split('\n')[1] ?? '');
      await learner.answer(scenario, 'What happens for you when it is slow?');
    }
    assert.equal(new Set(titles).size, 4, titles.join(' | '));
  });

  it('when the same answer is sent twice, then one attempt is saved and the card shows it both times', async () => {
    const learner = new ExerciseDriver(harness, options());
    const scenario = await learner.command('practice');
    const first = await learner.answer(scenario, 'First answer.');
    const second = await learner.answer(scenario, 'A different second answer.');
    assert.equal((await attempts()).length, 1);
    assert.match(cardText(second), /First answer\./);
    assert.deepEqual(actionData(second, 'exercises.rate'), actionData(first, 'exercises.rate'));
  });

  it('when an answer is submitted, then it is saved with one insert and nothing is read about the attempt first', async () => {
    const learner = new ExerciseDriver(harness, options());
    const scenario = await learner.command('practice');
    const gets = sinon.spy(harness.app.store, 'get');
    const puts = sinon.spy(harness.app.store, 'put');
    try {
      await learner.answer(scenario, 'I would ask what month-end means for them.');
      assert.deepEqual(gets.getCalls().map((call) => call.args[0]).filter((collection) => collection === 'exercise-attempts'), []);
      assert.deepEqual(puts.getCalls().map((call) => [call.args[0].collection, call.args[0].expectedVersion]), [['exercise-attempts', 0]]);
    } finally {
      sinon.restore();
    }
  });

  it('when an answered card is sent again with an empty answer, then it shows the saved answer, not a complaint', async () => {
    const learner = new ExerciseDriver(harness, options());
    const scenario = await learner.command('practice');
    await learner.answer(scenario, 'First answer.');
    const again = await learner.answer(scenario, '');
    assert.match(cardText(again), /First answer\./);
    assert.equal((await attempts()).length, 1);
  });

  it('when no rating is chosen, then the card asks for one and keeps the commitment', async () => {
    const learner = new ExerciseDriver(harness, options());
    const result = await learner.answer(await learner.command('practice'), 'My answer.');
    const again = await learner.rate(result, undefined, 'Keep this text');
    assert.match(cardText(again), /Choose how close you were \(1–5\) before you save\./);
    assert.equal(input(again, 'commitment')?.value, 'Keep this text');
    assert.equal((await attempts())[0]?.body.rating, undefined);
  });

  it('when the theme is unknown, then the theme picker explains it, and picking a theme starts it', async () => {
    const learner = new ExerciseDriver(harness, options());
    const picker = await learner.command('practice ice cream');
    assert.match(cardText(picker), /I don't know a theme called "ice cream"/);
    const noChoice = await learner.pressForCard('exercises.theme', {});
    assert.match(cardText(noChoice), /Choose a theme first/);
    const scenario = await learner.pressForCard('exercises.theme', { theme: 'business' });
    assert.match(cardText(scenario), /Understand the customer's business and culture/);
    const back = await learner.pressForCard('exercises.themes');
    assert.match(cardText(back), /Which part of being a partner do you want to practise\?/);
  });

  it('when the welcome menu button is pressed, then a scenario arrives as a new card and the help card stays', async () => {
    await harness.post(messageActivity(options(), 'help'));
    const help = attachedCard(harness.connector.posted().at(-1)?.body ?? {});
    assert.ok(help);
    assert.deepEqual(actionData(help, 'exercises.start'), { verb: 'exercises.start' });
    const scenario = await new ExerciseDriver(harness, options()).pressForNewCard('exercises.start');
    assert.ok(actionData(scenario, 'exercises.submit').attemptId);
  });
});
