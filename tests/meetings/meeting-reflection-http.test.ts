import assert from 'node:assert/strict';
import { userKeyOf } from '../../src/core/keys';
import { botId, messageActivity, testTenantId } from '../support/activities';
import { cardText, lastPostedText, type TestApp } from '../support/test-app';
import { advance, eventually, readDeliveries, readRecords } from '../checkins/checkin-harness';
import { cara, kim, maria, meetingChatId, meetingEnd, meetingStart, monday1000, participantsJoin, postEvent, reflectionCards, say, startMeetingApp } from './meeting-support';

const meetingId = 'MCMeeting-Y29udG9zby1iYWNrdXAtcmV2aWV3';
const minutes = (count: number): Date => new Date(monday1000.getTime() + count * 60_000);

describe('reflection after a customer meeting over real HTTP', () => {
  let harness: TestApp;

  beforeEach(async () => {
    harness = await startMeetingApp();
  });
  afterEach(async () => {
    await harness.stop();
  });

  const reflectionRows = (): ReturnType<typeof readDeliveries> => readDeliveries(harness.databaseFile).filter((row) => row.kind === 'meeting.reflection');

  it('when a meeting with an opted-in colleague and an outside customer ends, then only the colleague gets one card in her 1:1 chat and nothing is posted in the meeting', async () => {
    await say(harness, maria, 'reflect after meetings');
    assert.match(harness.connector.posted().at(-1)?.body.text as string, /After a Teams meeting you attended ends, I'll send you a short reflection here/);
    await say(harness, cara, 'reflect after meetings');
    await say(harness, kim, 'help');
    harness.connector.reset();

    await postEvent(harness, meetingStart(harness, meetingId, monday1000));
    await postEvent(harness, participantsJoin(harness, meetingId, [maria, cara, kim]));
    await advance(harness, 45);
    await postEvent(harness, meetingEnd(harness, meetingId, minutes(45)));
    assert.equal(reflectionRows().length, 1, 'one reflection queued');
    assert.deepEqual(harness.connector.posted(), [], 'nothing before the few minutes have passed');

    await advance(harness, 3);
    const card = await eventually('the reflection card', () => reflectionCards(harness, maria)[0]);
    assert.match(cardText(card), /Did I find out the customer's situation and need before I proposed anything\?[\s\S]*own customers need[\s\S]*follow up, and by when/);
    assert.equal(harness.connector.posted().length, 1, 'exactly one message in all');
    assert.deepEqual(harness.connector.calls.filter((call) => call.conversationId === meetingChatId), [], 'nothing in the meeting chat');
    assert.deepEqual(reflectionCards(harness, cara), []);
    assert.deepEqual(reflectionCards(harness, kim), []);

    const stored = readRecords(harness.databaseFile);
    const caraKeys = [userKeyOf(cara.tenantId, cara.aad), userKeyOf(testTenantId, cara.aad)];
    const attendance = stored.filter((record) => record.collection === 'meeting-attendance');
    assert.deepEqual(attendance.map((record) => record.owner), [userKeyOf(testTenantId, maria.aad)], 'only the opted-in colleague is kept as attending');
    const meetingRecords = JSON.stringify(stored.filter((record) => record.collection.startsWith('meeting') && record.collection !== 'meeting-reflection-settings'));
    for (const trace of [...caraKeys, cara.aad, cara.name, 'Backup review', 'meetup-join', meetingId]) assert.ok(!meetingRecords.includes(trace), `${trace} is not stored`);

    await postEvent(harness, meetingEnd(harness, meetingId, minutes(50)));
    await advance(harness, 10);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(reflectionRows().length, 1, 'a second end event queues nothing');
    assert.equal(reflectionCards(harness, maria).length, 1, 'and sends nothing');
  });

  it('when the colleague stops reflections after the meeting ended but before the card went out, then no card comes', async () => {
    await say(harness, maria, 'reflect after meetings');
    await postEvent(harness, meetingStart(harness, meetingId, monday1000));
    await postEvent(harness, participantsJoin(harness, meetingId, [maria]));
    await postEvent(harness, meetingEnd(harness, meetingId, minutes(1)));
    await say(harness, maria, 'reflect after meetings stop');
    assert.match(harness.connector.posted().at(-1)?.body.text as string, /Stopped/);
    await advance(harness, 5);
    await eventually('the reflection to be cancelled', () => reflectionRows().find((row) => row.status === 'cancelled'));
    assert.deepEqual(reflectionCards(harness, maria), []);
  });

  it('when the colleague stopped before joining, then her attendance is not kept and nothing is queued', async () => {
    await say(harness, maria, 'reflektera efter möten', 'sv-SE');
    assert.match(harness.connector.posted().at(-1)?.body.text as string, /Klart\. När ett Teams-möte du varit med på är slut/);
    await say(harness, maria, 'reflektera efter möten sluta', 'sv-SE');
    assert.match(harness.connector.posted().at(-1)?.body.text as string, /Avslutat/);
    await postEvent(harness, participantsJoin(harness, meetingId, [maria]));
    await postEvent(harness, meetingEnd(harness, meetingId, minutes(30)));
    assert.deepEqual(readRecords(harness.databaseFile).filter((record) => record.collection === 'meeting-attendance'), []);
    assert.deepEqual(reflectionRows(), []);
  });

  it('when she pauses, then meetings during the pause bring no card, and a guest of the tenant is never kept', async () => {
    await say(harness, maria, 'reflect after meetings pause');
    assert.match(harness.connector.posted().at(-1)?.body.text as string, /Paused\. No reflections after meetings until 16 Mar 2026/);
    await say(harness, maria, 'reflect after meetings maybe');
    assert.match(harness.connector.posted().at(-1)?.body.text as string, /I didn't understand "maybe"/);
    await say(harness, maria, 'reflect after meetings status');
    assert.match(harness.connector.posted().at(-1)?.body.text as string, /Reflections after meetings are off/);
    await say(harness, kim, 'reflect after meetings');
    await postEvent(harness, participantsJoin(harness, meetingId, [maria]));
    await postEvent(harness, participantsJoin(harness, meetingId, [kim], 'guest'));
    await postEvent(harness, meetingEnd(harness, meetingId, minutes(30)));
    assert.deepEqual(readRecords(harness.databaseFile).filter((record) => record.collection === 'meeting-attendance'), []);
    assert.deepEqual(reflectionRows(), []);
  });

  it('when someone types @Partner Coach workshop in the meeting chat, then the workshop setup card comes as in any group chat', async () => {
    const activity = messageActivity(
      { serviceUrl: harness.connector.serviceUrl, aadObjectId: maria.aad, userName: maria.name, conversationType: 'groupChat', conversationId: meetingChatId },
      '<at>Partner Coach</at> workshop',
      {
        channelData: { tenant: { id: testTenantId }, meeting: { id: meetingId } },
        entities: [{ type: 'mention', text: '<at>Partner Coach</at>', mentioned: { id: botId, name: 'Partner Coach' } }],
      },
    );
    const answer = await harness.post(activity);
    assert.equal(answer.status, 200, answer.text);
    assert.equal(harness.connector.posted().at(-1)?.conversationId, meetingChatId);
    assert.match(lastPostedText(harness.connector), /Set up a workshop prompt[\s\S]*Only Maria Lind can post this card/);
  });

  it('when a meeting event is malformed, then the bot answers 200 and posts nothing anywhere', async () => {
    const broken = meetingEnd(harness, meetingId, minutes(1));
    await postEvent(harness, { ...broken, value: { Id: meetingId } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.deepEqual(harness.connector.posted(), []);
    assert.ok(harness.logs.some((line) => line.msg === 'a meeting event was not handled; nothing was posted'));
  });
});
