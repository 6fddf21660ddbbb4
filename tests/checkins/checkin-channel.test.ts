import assert from 'node:assert/strict';
import { executeActivity, messageActivity } from '../support/activities';
import { offersIn, receiveFiles } from '../support/file-consent';
import { attachedCard, cardText, type TestApp } from '../support/test-app';
import { advance, channelId, eventually, greet, inChannel, inPersonalChat, maria, occurrenceIn, personalChatId, postedCards, startCheckinApp, team, type Person } from './checkin-harness';

const [, kim, noor] = team as [Person, Person, Person, Person];
const form = {
  questionSet: 'initiative-and-listening', audience: 'channel', recurrence: 'weekly', days: 'mon,wed', startDate: '2026-03-09', time: '08:10',
  timeZone: 'Europe/Stockholm', anonymous: 'false', minResponses: '2', openHours: '8', remind: 'false',
};
const valueOf = (response: { body: unknown }): Record<string, unknown> => (response.body as { value: Record<string, unknown> }).value;

describe('check-ins posted in a channel, with names, over real HTTP', () => {
  let harness: TestApp;
  const scheduleIdFromList = (card: Record<string, unknown>, verb: string): string => {
    const match = new RegExp(`"verb":"${verb.replace('.', '\\.')}","schedule":"([^"]+)"`).exec(JSON.stringify(card));
    assert.ok(match?.[1], `no ${verb} button`);
    return match[1];
  };

  beforeEach(async () => {
    harness = await startCheckinApp(team);
    await greet(harness, team);
  });
  afterEach(async () => {
    await harness.stop();
  });

  it('when people answer the channel card, then their answers can change, and the owner sees names and words and can export them privately', async () => {
    await harness.post(executeActivity(inChannel(harness, maria), 'checkin.create', form));
    await advance(harness, 10);
    const posted = await eventually('the channel card', () => postedCards(harness, channelId).find(({ card }) => occurrenceIn(card)));
    const occurrence = occurrenceIn(posted.card) ?? '';
    assert.doesNotMatch(JSON.stringify(posted.card), /checkin\.snooze/, 'no snooze for a shared card');

    const first = valueOf(await harness.post(executeActivity(inChannel(harness, kim), 'checkin.answer', { occurrence, 'q_raised-before-asked': '4', 'q_noticed-initiative': 'Noor warned the shop about the update' })));
    assert.match(cardText(first), /To change them, answer again before/);
    assert.match(JSON.stringify(first), /"value":"Noor warned the shop about the update"/, 'the invoke answer reaches only Kim, so it shows her own words');
    await harness.post(executeActivity(inChannel(harness, noor), 'checkin.answer', { occurrence, 'q_raised-before-asked': '2', 'q_asked-before-fixing': '5' }));
    await harness.post(executeActivity(inChannel(harness, kim), 'checkin.answer', { occurrence, 'q_raised-before-asked': '5' }));
    await advance(harness, 0.1);

    const update = await eventually('the summary with names', () =>
      harness.connector.updated().map((call) => cardText(attachedCard(call.body))).find((text) => /2 of 4 answered \(50%\)/.test(text) && /Noor warned/.test(text)),
    );
    assert.match(update, /Kim Ek/);
    assert.match(update, /average 3\.5 of 5/, 'Kim changed 4 to 5: (5 + 2) / 2');

    await harness.post(messageActivity(inChannel(harness, maria), 'check-ins'));
    const listCard = attachedCard(harness.connector.posted().at(-1)?.body ?? {}) ?? {};
    const scheduleId = scheduleIdFromList(listCard, 'checkin.export');
    await harness.post(executeActivity(inChannel(harness, maria), 'checkin.export', { schedule: scheduleId }));
    assert.equal(harness.connector.posted().at(-1)?.body.text, 'I sent it to you in our 1:1 chat.');
    const [csv] = await receiveFiles(harness, inPersonalChat(harness, maria), offersIn(harness.connector, personalChatId(maria)));
    assert.match(csv ?? '', /^date,question,answer,respondent\r\n/);
    assert.match(csv ?? '', /2026-03-09,What did someone on the team do this week that the customer noticed\?,Noor warned the shop about the update,Kim Ek/);
    assert.equal(offersIn(harness.connector, channelId).length, 0, 'never in the channel');
    const inChannelCalls = harness.connector.calls.filter((call) => call.conversationId === channelId && call.method !== 'GET');
    assert.ok(inChannelCalls.every((call) => !JSON.stringify(call.body).includes('Noor warned')), 'nobody\'s answer is ever posted to the channel');
  });

  it('when the owner pauses a schedule, then nothing is sent until it is resumed, and after deleting it nothing more is sent', async () => {
    const created = valueOf(await harness.post(executeActivity(inChannel(harness, maria), 'checkin.create', form)));
    const scheduleId = scheduleIdFromList(created, 'checkin.pause');
    assert.match(cardText(valueOf(await harness.post(executeActivity(inChannel(harness, maria), 'checkin.pause', { schedule: scheduleId })))), /Paused/);
    await advance(harness, 10);
    await advance(harness, 0.1);
    assert.equal(postedCards(harness, channelId).filter(({ card }) => occurrenceIn(card)).length, 0, 'paused: nothing posted');

    const resumed = cardText(valueOf(await harness.post(executeActivity(inChannel(harness, maria), 'checkin.resume', { schedule: scheduleId }))));
    assert.match(resumed, /Resumed/);
    assert.match(resumed, /every week on Mon, Wed at 08:10 \(Europe\/Stockholm\)/);
    await advance(harness, 2 * 24 * 60);
    await eventually('Wednesday\'s card', () => postedCards(harness, channelId).find(({ card }) => occurrenceIn(card)?.endsWith('@2026-03-11')));
    assert.equal(postedCards(harness, channelId).filter(({ card }) => occurrenceIn(card)?.endsWith('@2026-03-09')).length, 0, 'Monday fell in the pause');

    const someoneElse = await harness.post(executeActivity(inChannel(harness, kim), 'checkin.delete', { schedule: scheduleId }));
    assert.match(String((someoneElse.body as { value: unknown }).value), /Only the person who scheduled this check-in can change it/);
    assert.match(cardText(valueOf(await harness.post(executeActivity(inChannel(harness, maria), 'checkin.delete', { schedule: scheduleId })))), /Deleted/);
    await advance(harness, 5 * 24 * 60);
    await advance(harness, 0.1);
    assert.equal(postedCards(harness, channelId).filter(({ card }) => occurrenceIn(card)).length, 1, 'only Wednesday\'s');
  });

  it('when a bad time is entered, then the form comes back with the problem and the values', async () => {
    const answer = valueOf(await harness.post(executeActivity(inChannel(harness, maria), 'checkin.create', { ...form, time: '25:99', timeZone: 'Mars/Olympus' })));
    assert.match(cardText(answer), /Please give the time as HH:MM/);
    assert.match(JSON.stringify(answer), /"value":"Mars\/Olympus"/);
  });
});

describe('who may schedule check-ins', () => {
  it('when CHECKIN_SCHEDULERS names other people, then a manager not on the list is told kindly', async () => {
    const harness = await startCheckinApp(team, { CHECKIN_SCHEDULERS: '99999999-9999-4999-8999-999999999999' });
    try {
      await harness.post(messageActivity(inChannel(harness, maria), 'schedule check-in'));
      assert.match(String(harness.connector.posted().at(-1)?.body.text), /Only the people your organisation chose can schedule check-ins/);
    } finally {
      await harness.stop();
    }
  });

  it('when the manager is on the list, then the setup card opens in their time zone', async () => {
    const allowed = '7a1c5e2d-3b4f-4c6a-9d8e-0f1a2b3c4d5e';
    const harness = await startCheckinApp(team, { CHECKIN_SCHEDULERS: allowed.toUpperCase() });
    try {
      await harness.post(messageActivity({ ...inChannel(harness, { name: 'Alex Berg', aad: allowed }), timeZone: 'America/New_York' }, 'schedule check-in'));
      const card = attachedCard(harness.connector.posted().at(-1)?.body ?? {});
      assert.match(cardText(card), /Schedule a team check-in/);
      assert.match(JSON.stringify(card), /"id":"timeZone"[^}]*"value":"America\/New_York"/);
    } finally {
      await harness.stop();
    }
  });
});
