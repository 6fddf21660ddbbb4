import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { executeActivity, submitActivity, type ActivityOptions } from '../support/activities';
import { addedRows, sqliteSnapshot } from '../support/database-scan';
import { attachedCard, cardText, type TestApp } from '../support/test-app';
import {
  advance, channelId, eventually, greet, inChannel, inPersonalChat, maria, occurrenceIn, occurrenceOf, personalChatId, postedCards, readRecords,
  startCheckinApp, team, type Person,
} from './checkin-harness';

const [, kim, noor] = team as [Person, Person, Person, Person];
const channelForm = {
  questionSet: 'initiative-and-listening', audience: 'channel', recurrence: 'once', startDate: '2026-03-09', time: '08:10',
  timeZone: 'Europe/Stockholm', anonymous: 'false', minResponses: '2', openHours: '8', remind: 'false',
};
const kimsWords = 'Kim-words: warned the shop before the update';

/** What Teams sends when a card with refresh.userIds is shown to one of those people. */
const refreshActivity = (options: ActivityOptions, occurrence: string, replyToId: string): Activity => {
  const activity = executeActivity(options, 'checkin.view', { occurrence }, replyToId);
  return { ...activity, value: { ...(activity.value as Record<string, unknown>), trigger: 'automatic' } };
};
const valueOf = (response: { body: unknown }): Record<string, unknown> => (response.body as { value: Record<string, unknown> }).value;
/** The value each input of a card holds, by input id. */
const inputValues = (card: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries([...JSON.stringify(card).matchAll(/"type":"Input\.\w+","id":"(q_[^"]+)"[^}]*?"value":"([^"]*)"/g)].map((match): [string, string] => [match[1] ?? '', match[2] ?? '']));
const refreshOf = (card: Record<string, unknown>): { action: { verb: string; data: Record<string, unknown> }; userIds: string[] } | undefined =>
  card.refresh as { action: { verb: string; data: Record<string, unknown> }; userIds: string[] } | undefined;

/** Whether the summary delivery is sent and the occurrence points at the posted summary card. */
const ownerSummaryRecorded = (tables: ReturnType<typeof sqliteSnapshot>): boolean => {
  const rows = [...tables.values()].flat().map((row) => JSON.parse(row) as Record<string, unknown>);
  const sent = rows.some((row) => row.kind === 'checkin.summary' && row.status === 'sent');
  const pointed = rows.some((row) => row.collection === 'checkin-occurrences' && String(row.body).includes('"summary"'));
  return sent && pointed;
};

describe('the posted check-in card knows its state, over real HTTP', () => {
  let harness: TestApp;
  let occurrence: string;
  let postedId: string;

  const schedule = async (form: Record<string, string>): Promise<Record<string, unknown>> => {
    await harness.post(executeActivity(inChannel(harness, maria), 'checkin.create', form));
    await advance(harness, 10);
    const posted = await eventually('the channel card', () => postedCards(harness, channelId).find(({ card }) => occurrenceIn(card)));
    occurrence = occurrenceOf(posted.card);
    postedId = posted.call.createdId ?? '';
    return posted.card;
  };

  beforeEach(async () => {
    harness = await startCheckinApp(team);
    await greet(harness, team);
  });
  afterEach(async () => {
    await harness.stop();
  });

  it('when the occurrence closes, then the card posted in the channel is updated in place to say so, with no inputs and no answers on it', async () => {
    await schedule(channelForm);
    await harness.post(executeActivity(inChannel(harness, kim), 'checkin.answer', { occurrence, 'q_raised-before-asked': '4', 'q_noticed-initiative': kimsWords }));
    assert.equal(harness.connector.updated().filter((call) => call.conversationId === channelId).length, 0, 'nothing changes on the channel card while it is open');

    await advance(harness, 8 * 60);
    const update = await eventually('the channel card updated', () => harness.connector.updated().find((call) => call.conversationId === channelId));
    assert.equal(update.activityId, postedId, 'the same card, updated in place');
    const card = attachedCard(update.body) ?? {};
    assert.match(cardText(card), /This check-in closed Mon 9 Mar.*Thank you!/s);
    assert.doesNotMatch(JSON.stringify(card), /checkin\.answer|Input\./, 'nothing left to answer');
    assert.doesNotMatch(JSON.stringify(card), /Kim-words/, 'nobody\'s answer on the shared card');
    assert.deepEqual(refreshOf(card)?.userIds.sort(), team.map((person) => `29:${person.aad}`).sort(), 'each person can still see their own answers');
  });

  it('when Teams refreshes the card for each person, then one who answered gets their answers back, one who did not gets empty inputs, and after closing the answers are listed', async () => {
    const card = await schedule(channelForm);
    const refresh = refreshOf(card);
    assert.equal(refresh?.action.verb, 'checkin.view');
    assert.deepEqual(refresh?.userIds.sort(), team.map((person) => `29:${person.aad}`).sort());
    assert.deepEqual(Object.values(inputValues(card)), ['', '', ''], 'the posted card is empty for everyone');

    await harness.post(executeActivity(inChannel(harness, kim), 'checkin.answer', { occurrence, 'q_raised-before-asked': '4', 'q_noticed-initiative': kimsWords }));
    const kims = valueOf(await harness.post(refreshActivity(inChannel(harness, kim), occurrence, postedId)));
    assert.deepEqual(inputValues(kims), { 'q_raised-before-asked': '4', 'q_asked-before-fixing': '', 'q_noticed-initiative': kimsWords });
    assert.match(cardText(kims), /Change my answers/);
    const noors = valueOf(await harness.post(refreshActivity(inChannel(harness, noor), occurrence, postedId)));
    assert.deepEqual(inputValues(noors), { 'q_raised-before-asked': '', 'q_asked-before-fixing': '', 'q_noticed-initiative': '' });
    assert.match(cardText(noors), /Send my answers/);

    await advance(harness, 8 * 60);
    const closedForKim = cardText(valueOf(await harness.post(refreshActivity(inChannel(harness, kim), occurrence, postedId))));
    assert.match(closedForKim, /This check-in closed/);
    assert.match(closedForKim, /Your answers\n.*raise.*\n4\n/s);
    assert.match(closedForKim, /Kim-words: warned the shop before the update/);
    const closedForNoor = cardText(valueOf(await harness.post(refreshActivity(inChannel(harness, noor), occurrence, postedId))));
    assert.match(closedForNoor, /This check-in closed/);
    assert.doesNotMatch(closedForNoor, /Your answers|Kim-words/);
  });

  it('when the check-in is anonymous, then the refresh shows only the invoker their own answers, writes nothing, and a plain submit never shows them to the chat', async () => {
    const card = await schedule({ ...channelForm, anonymous: 'true' });
    await harness.post(executeActivity(inChannel(harness, kim), 'checkin.answer', { occurrence, 'q_raised-before-asked': '2', 'q_noticed-initiative': kimsWords }));
    const pseudonym = readRecords(harness.databaseFile).find((row) => row.collection === 'collection-responses')?.id.split('/')[1] ?? '';
    assert.match(pseudonym, /^p_/);

    // The worker posts the owner's summary beside the answer; a refresh must write nothing, so wait until it has.
    await eventually('the owner summary posted and recorded', () => ownerSummaryRecorded(sqliteSnapshot(harness.databaseFile)));
    const before = sqliteSnapshot(harness.databaseFile);
    const kims = valueOf(await harness.post(refreshActivity(inChannel(harness, kim), occurrence, postedId)));
    const noors = valueOf(await harness.post(refreshActivity(inChannel(harness, noor), occurrence, postedId)));
    const added = addedRows(before, sqliteSnapshot(harness.databaseFile));
    assert.deepEqual([...added.values()].flat(), [], 'a refresh stores nothing, so nothing new sits beside the answer');
    assert.equal(inputValues(kims)['q_noticed-initiative'], kimsWords);
    assert.equal(inputValues(kims)['q_raised-before-asked'], '2');
    assert.deepEqual(Object.values(inputValues(noors)), ['', '', '']);
    assert.equal(JSON.stringify(noors).includes('Kim'), false, 'nothing of Kim in Noor\'s view');
    assert.deepEqual(refreshOf(kims)?.userIds, refreshOf(card)?.userIds, 'everyone stays on the list, answered or not');
    assert.deepEqual(refreshOf(noors)?.userIds, refreshOf(card)?.userIds);

    const submitted = await harness.post(submitActivity(inChannel(harness, kim), 'checkin.view', { occurrence }, postedId));
    assert.equal(submitted.status, 200);
    assert.match(String(harness.connector.posted().at(-1)?.body.text), /meant only for you/);
    await advance(harness, 8 * 60);
    await eventually('the closed channel card', () => harness.connector.updated().find((call) => call.conversationId === channelId));
    const toChannel = harness.connector.calls.filter((call) => call.conversationId === channelId && call.method !== 'GET');
    assert.ok(toChannel.every((call) => !JSON.stringify(call.body).includes('Kim-words')), 'Kim\'s words never reach the channel');
    for (const row of readRecords(harness.databaseFile).filter((record) => record.collection !== 'collection-responses')) {
      assert.ok(!`${row.id} ${row.body}`.includes(pseudonym), `the pseudonym is in ${row.collection}/${row.id}`);
    }
  });

  it('when members are asked 1:1 and it closes, then each person\'s own card is closed in place, the same for one who answered and one who did not', async () => {
    await harness.post(executeActivity(inChannel(harness, maria), 'checkin.create', { ...channelForm, questionSet: 'customer-side', audience: 'members', anonymous: 'true', openHours: '24' }));
    await advance(harness, 10);
    const kimsCard = await eventually('Kim\'s card', () => postedCards(harness, personalChatId(kim)).find(({ card }) => occurrenceIn(card)));
    const noorsCard = await eventually('Noor\'s card', () => postedCards(harness, personalChatId(noor)).find(({ card }) => occurrenceIn(card)));
    assert.deepEqual(refreshOf(kimsCard.card)?.userIds, [`29:${kim.aad}`], 'a 1:1 card refreshes for its one reader');
    const kimsOccurrence = occurrenceOf(kimsCard.card);
    await harness.post(executeActivity(inPersonalChat(harness, kim), 'checkin.answer', { occurrence: kimsOccurrence, 'q_started-from-customer': '5' }));

    await advance(harness, 24 * 60);
    const closedFor = async (person: Person, posted: { call: { createdId?: string } }): Promise<string> => {
      const update = await eventually(`${person.name}'s card closed`, () => harness.connector.updated().find((call) => call.conversationId === personalChatId(person)));
      assert.equal(update.activityId, posted.call.createdId);
      return cardText(attachedCard(update.body));
    };
    const kimsClosed = await closedFor(kim, kimsCard);
    assert.match(kimsClosed, /This check-in closed/);
    assert.equal(kimsClosed, await closedFor(noor, noorsCard), 'the closed card does not say who answered');
  });

  it('when the channel has more people than Teams refreshes for, then the card offers "Show my answers" instead', async () => {
    const crowd: Person[] = Array.from({ length: 61 }, (_, index) => ({ name: `Person ${index}`, aad: `aad-crowd-${index}` }));
    await harness.stop();
    harness = await startCheckinApp([maria, ...crowd]);
    await greet(harness, [maria]);
    const card = await schedule(channelForm);
    assert.ok(!refreshOf(card), 'no refresh for more than 60 people');
    const button = ((card.actions ?? []) as Array<{ title: string; data: { verb: string } }>).find((action) => action.data.verb === 'checkin.view');
    assert.equal(button?.title, 'Show my answers');
    const mine = valueOf(await harness.post(executeActivity(inChannel(harness, crowd[0] ?? maria), 'checkin.view', { occurrence }, postedId)));
    assert.match(cardText(mine), /Send my answers/);
  });
});
