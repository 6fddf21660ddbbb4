import assert from 'node:assert/strict';
import { parseReminderWords } from '../../src/reminders/reminder-words';
import { executeActivity, messageActivity } from '../support/activities';
import { attachedCard, cardText, type TestApp } from '../support/test-app';
import { ExerciseDriver } from '../exercises/exercise-driver';
import { advance, eventually, inPersonalChat, maria, personalChatId, postedCards, readDeliveries, startCheckinApp } from '../checkins/checkin-harness';

describe('practice reminders', () => {
  describe('reading days and a time', () => {
    const cases: ReadonlyArray<readonly [string, string[], string | undefined]> = [
      ['mon wed fri 08:30', ['mon', 'wed', 'fri'], '08:30'],
      ['weekdays 7.45', ['mon', 'tue', 'wed', 'thu', 'fri'], '07:45'],
      ['tisdag och torsdag 17:00', ['tue', 'thu'], '17:00'],
      ['every day', ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], undefined],
      ['mondays 25:00', ['mon'], undefined],
    ];
    for (const [words, days, time] of cases) {
      it(`when someone types "${words}", then the days are ${days.join(',')} and the time ${time ?? 'missing'}`, () => {
        assert.deepEqual(parseReminderWords(words), { days, time });
      });
    }
  });

  describe('over real HTTP', () => {
    let harness: TestApp;
    const nudges = (): Array<{ card: Record<string, unknown> }> => postedCards(harness, personalChatId(maria)).filter(({ card }) => /Time for a few minutes of practice/.test(cardText(card)));

    beforeEach(async () => {
      harness = await startCheckinApp([maria]);
    });
    afterEach(async () => {
      await harness.stop();
    });

    it('when someone asks to be reminded on Monday and Wednesday at 08:30 in Kolkata, then the nudge comes at 08:30 Kolkata time with links and stop', async () => {
      await harness.post(messageActivity(inPersonalChat(harness, maria, 'Asia/Kolkata'), 'remind me to practise mon wed 08:30'));
      assert.match(String(harness.connector.posted().at(-1)?.body.text), /I'll remind you every week on Mon, Wed at 08:30 \(Asia\/Kolkata\)/);
      // The app's clock says 07:00 UTC on Monday 9 March = 12:30 in Kolkata, so the first nudge is Wednesday 03:00 UTC.
      await advance(harness, 44 * 60 - 6);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      assert.equal(nudges().length, 0, 'not before its time');
      await advance(harness, 6);
      const nudge = await eventually('the nudge', () => nudges()[0]);
      const json = JSON.stringify(nudge.card);
      assert.match(json, /"verb":"exercises\.start"/);
      assert.match(json, /"verb":"reminder\.stop"/);
      const row = readDeliveries(harness.databaseFile).find((delivery) => delivery.kind === 'reminder.nudge');
      assert.equal(row?.occurrence_key.endsWith(':2026-03-11T08:30'), true, row?.occurrence_key);
    });

    it('when the person stops the reminders from the card, then no more nudges come', async () => {
      await harness.post(messageActivity(inPersonalChat(harness, maria), 'påminn mig varje dag 09:00'));
      await advance(harness, 2 * 60);
      await eventually('the first nudge', () => nudges()[0]);
      await harness.post(executeActivity(inPersonalChat(harness, maria), 'reminder.stop'));
      assert.match(String(harness.connector.posted().at(-1)?.body.text), /Your practice reminders are stopped/);
      await advance(harness, 3 * 24 * 60);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      assert.equal(nudges().length, 1);
    });

    it('when the person chooses "later today" on a nudge, then one more nudge comes three hours later, and "tomorrow" and "in a week" are offered too', async () => {
      await harness.post(messageActivity(inPersonalChat(harness, maria), 'remind me every day 09:00'));
      await advance(harness, 2 * 60);
      const first = await eventually('the first nudge', () => nudges()[0]);
      const json = JSON.stringify(first.card);
      for (const option of ['later', 'tomorrow', 'week']) assert.match(json, new RegExp(`"verb":"reminder\\.snooze","for":"${option}"`));
      assert.match(cardText(first.card), /Later today|Tomorrow|In a week/);
      const answer = await harness.post(executeActivity(inPersonalChat(harness, maria), 'reminder.snooze', { verb: 'reminder.snooze', for: 'later' }));
      assert.equal(answer.status, 200);
      assert.match(String(harness.connector.posted().at(-1)?.body.text), /I'll remind you again at/);
      await advance(harness, 2 * 60);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      assert.equal(nudges().length, 1, 'not before the three hours');
      await advance(harness, 61);
      await eventually('the nudge later today', () => nudges()[1]);
    });

    it('when the person has practised every theme but one, then the nudge suggests the theme they most need', async () => {
      const learner = new ExerciseDriver(harness, inPersonalChat(harness, maria));
      for (const theme of ['perspective', 'customers-customer', 'business', 'proactive', 'listen', 'demands', 'order-and-flexibility']) {
        await learner.answer(await learner.command(`practice ${theme}`), 'I would ask first.');
      }
      await harness.post(messageActivity(inPersonalChat(harness, maria), 'remind me every day 09:00'));
      await advance(harness, 2 * 60);
      const nudge = await eventually('the nudge', () => nudges()[0]);
      assert.match(cardText(nudge.card), /Build trust, add value\n[^\n]*promise/);
    });

    it('when the command has no time, then the card asks for days and time and saving it confirms', async () => {
      await harness.post(messageActivity(inPersonalChat(harness, maria), 'remind me'));
      assert.match(cardText(attachedCard(harness.connector.posted().at(-1)?.body ?? {})), /Practice reminders/);
      const saved = await harness.post(executeActivity(inPersonalChat(harness, maria), 'reminder.save', { days: 'tue,thu', time: '16:45' }));
      assert.match(cardText((saved.body as { value: unknown }).value), /every week on Tue, Thu at 16:45/);
    });
  });
});
