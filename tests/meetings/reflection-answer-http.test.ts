import assert from 'node:assert/strict';
import type { TestApp } from '../support/test-app';
import { cardText } from '../support/test-app';
import { advance, eventually, readDeliveries, readRecords } from '../checkins/checkin-harness';
import { actionData } from '../exercises/exercise-driver';
import { kim, maria, meetingEnd, meetingStart, monday1000, participantsJoin, postEvent, postedTexts, press, reflectionCards, say, startMeetingApp, type Card } from './meeting-support';

const meetingId = 'MCMeeting-c2VydmljZS1yZXZpZXc';
const tuesday = '2026-03-10';

describe('answering the reflection after a meeting over real HTTP', () => {
  let harness: TestApp;

  beforeEach(async () => {
    harness = await startMeetingApp();
  });
  afterEach(async () => {
    await harness.stop();
  });

  /** Maria opts in, attends a 45-minute meeting and gets her reflection card; returns its meeting key. */
  async function reflectionCardForMaria(): Promise<string> {
    await say(harness, maria, 'reflect after meetings');
    await say(harness, kim, 'help');
    await postEvent(harness, meetingStart(harness, meetingId, monday1000));
    await postEvent(harness, participantsJoin(harness, meetingId, [maria]));
    await advance(harness, 45);
    await postEvent(harness, meetingEnd(harness, meetingId, new Date(monday1000.getTime() + 45 * 60_000)));
    await advance(harness, 3);
    const card = await eventually('the reflection card', () => reflectionCards(harness, maria)[0]);
    const meetingKey = actionData(card, 'meetings.reflect').meetingKey;
    assert.equal(typeof meetingKey, 'string');
    return meetingKey as string;
  }

  const lastText = (): string => postedTexts(harness, maria).at(-1) ?? '';
  const lastCardText = (): string => {
    const last = harness.connector.posted().at(-1)?.body.attachments as Array<{ content: Card }> | undefined;
    return cardText(last?.[0]?.content);
  };

  it('when the reflection is answered with a follow-up, then it shows in progress and my data, a low rating steers the next exercise, and the reminder comes at the named time', async () => {
    const meetingKey = await reflectionCardForMaria();

    const incomplete = await press(harness, maria, 'meetings.reflect', { meetingKey, situation: 'no', customersCustomer: 'partly' });
    assert.match(cardText(incomplete.card), /Please tap an answer to each of the three questions/);
    const past = await press(harness, maria, 'meetings.reflect', { meetingKey, situation: 'no', customersCustomer: 'partly', followUp: 'yes', followUpText: 'Send Anna the backup plan', followUpDate: '2026-03-01', followUpTime: '14:00' });
    assert.match(cardText(past.card), /That time has passed/);
    assert.match(JSON.stringify(past.card), /"value":"Send Anna the backup plan"/, 'what she wrote stays on the form');

    const answer = { meetingKey, situation: 'no', customersCustomer: 'partly', followUp: 'yes', followUpText: 'Send Anna the backup plan', followUpDate: tuesday, followUpTime: '14:00' };
    const saved = await press(harness, maria, 'meetings.reflect', answer);
    assert.match(cardText(saved.card), /I'll remind you of your follow-up at the time you chose[\s\S]*situation and need before I proposed anything\?\nNot really[\s\S]*Send Anna the backup plan \(by Tue 10 Mar, 14:00\)/);
    assert.doesNotMatch(JSON.stringify(saved.card), /meetings\.reflect/, 'the form is gone once saved');
    const again = await press(harness, maria, 'meetings.reflect', { ...answer, situation: 'yes' });
    assert.match(cardText(again.card), /Not really/, 'a second press keeps the first answer');
    assert.equal(readRecords(harness.databaseFile).filter((record) => record.collection === 'meeting-reflections').length, 1);
    assert.match((await press(harness, kim, 'meetings.reflect', answer)).text ?? '', /no longer here/, 'someone else cannot answer it');

    await say(harness, maria, 'progress');
    assert.match(lastCardText(), /Reflections after customer meetings: 1[\s\S]*2026-03-09\nSend Anna the backup plan \(by Tue 10 Mar, 14:00\)/);
    await say(harness, maria, 'my data');
    assert.match(postedTexts(harness, maria).join('\n'), /\*\*Reflections after meetings\*\*[\s\S]*You chose to reflect after meetings[\s\S]*Reflection of 2026-03-09; .*situation and need before I proposed anything\? Not really; .*own customers need from this\? Partly; .*What will I follow up, and by when\? Send Anna the backup plan/);

    // "Not really" on the first question (theme: listening) outweighs the programme order, which would start with perspective.
    await say(harness, maria, 'practice');
    assert.match(lastCardText(), /^Big ears and an open mind/);

    await advance(harness, 27 * 60 + 15);
    const reminder = await eventually('the follow-up reminder', () => postedTexts(harness, maria).find((text) => text.startsWith('A reminder of your follow-up')));
    assert.match(reminder, /after the meeting on Mon 9 Mar, 10:\d\d: Send Anna the backup plan/);
    // The worker records the send once Teams has answered it, a moment after the message arrives.
    const followUps = (): string[] => readDeliveries(harness.databaseFile).filter((row) => row.kind === 'meeting.follow-up').map((row) => row.status);
    await eventually('the follow-up recorded as sent', () => followUps().join() === 'sent');
    assert.deepEqual(followUps(), ['sent']);
    assert.doesNotMatch(JSON.stringify(readDeliveries(harness.databaseFile)), /backup plan/, 'no personal text in the queue');
  });

  it('when the person deletes their data, then the reflection is gone from progress and my data, and the follow-up reminder never comes', async () => {
    const meetingKey = await reflectionCardForMaria();
    await press(harness, maria, 'meetings.reflect', { meetingKey, situation: 'yes', customersCustomer: 'no', followUp: 'partly', followUpText: 'Call the site manager', followUpDate: tuesday, followUpTime: '09:30' });

    await say(harness, maria, 'delete my data');
    const deleted = await press(harness, maria, 'privacy.delete.confirm', {});
    assert.ok(deleted.card, 'the confirmation card is replaced');
    const left = readRecords(harness.databaseFile).filter((record) => record.collection.startsWith('meeting') && record.collection !== 'meetings');
    assert.deepEqual(left, [], 'settings, attendance and the reflection are deleted');

    await say(harness, maria, 'progress');
    assert.doesNotMatch(lastCardText(), /Reflections after customer meetings|Call the site manager/);
    await say(harness, maria, 'my data');
    assert.doesNotMatch(lastText(), /Reflections after meetings|Call the site manager/);
    assert.match((await press(harness, maria, 'meetings.reflect', { meetingKey, situation: 'yes', customersCustomer: 'yes', followUp: 'yes' })).text ?? '', /no longer here/);

    await advance(harness, 24 * 60);
    // Delete my data removes every delivery addressed to the person, so the reminder row is gone, not merely cancelled.
    assert.deepEqual(readDeliveries(harness.databaseFile).filter((row) => row.kind === 'meeting.follow-up'), [], 'no follow-up reminder is left');
    assert.equal(postedTexts(harness, maria).filter((text) => text.startsWith('A reminder of your follow-up')).length, 0);
  });
});
