import assert from 'node:assert/strict';
import { executeActivity, messageActivity } from '../support/activities';
import { sqliteFileBytes, sqliteSnapshot } from '../support/database-scan';
import { attachedCard, cardText, type TestApp } from '../support/test-app';
import {
  advance, channelId, eventually, greet, inChannel, inPersonalChat, maria, occurrenceIn, occurrenceOf, postedCards, startCheckinApp, team, userKey, type Person,
} from '../checkins/checkin-harness';

const [, kim] = team as [Person, Person, Person, Person];
const form = {
  questionSet: 'initiative-and-listening', audience: 'channel', recurrence: 'weekly', days: 'mon', startDate: '2026-03-09', time: '08:10',
  timeZone: 'Europe/Stockholm', anonymous: 'true', minResponses: '2', openHours: '8', remind: 'false',
};
const valueOf = (response: { body: unknown }): unknown => (response.body as { value: unknown }).value;
/** The "delete my data" question: the latest card that asks it, whatever the worker posted beside it (the owner's summary card can land after it). */
const deleteAsk = (harness: TestApp): Record<string, unknown> =>
  harness.connector.posted().map((call) => attachedCard(call.body) ?? {}).filter((card) => JSON.stringify(card).includes('privacy.delete.confirm')).at(-1) ?? {};

describe('delete my data leaves nothing that leads to the person, over real HTTP', () => {
  let harness: TestApp;
  let occurrence: string;
  beforeEach(async () => {
    harness = await startCheckinApp(team);
    await greet(harness, team);
    await harness.post(executeActivity(inChannel(harness, maria), 'checkin.create', form));
    await advance(harness, 10);
    occurrence = occurrenceOf((await eventually('the channel card', () => postedCards(harness, channelId).find(({ card }) => occurrenceIn(card)))).card);
  });
  afterEach(async () => {
    await harness.stop();
  });

  it('when a member deletes their data, then no table and no byte of the file or its log holds their ids, name or words, and the confirmation says what went in plain words', async () => {
    const words = 'Kim-secret-words about the tills';
    await harness.post(executeActivity(inChannel(harness, kim), 'checkin.answer', { occurrence, 'q_raised-before-asked': '4', 'q_noticed-initiative': words }));
    await harness.post(messageActivity(inPersonalChat(harness, kim), 'language sv'));
    const traces = [userKey(kim), kim.aad, `29:${kim.aad}`, kim.name, words];
    assert.ok(traces.some((trace) => JSON.stringify([...sqliteSnapshot(harness.databaseFile)]).includes(trace)), 'the traces were there before');

    await harness.post(messageActivity(inPersonalChat(harness, kim), 'delete my data'));
    const confirmed = cardText(valueOf(await harness.post(executeActivity(inPersonalChat(harness, kim), 'privacy.delete.confirm'))));

    const tables = JSON.stringify([...sqliteSnapshot(harness.databaseFile)]);
    const { all } = sqliteFileBytes(harness.databaseFile);
    for (const trace of traces) {
      assert.ok(!tables.includes(trace), `"${trace}" is still in a table`);
      assert.equal(all.indexOf(Buffer.from(trace, 'utf8')), -1, `"${trace}" is still in the file bytes`);
    }
    assert.match(confirmed, /Jag har tagit bort allt jag sparade om dig/);
    assert.match(confirmed, /dina svar i teamets avstämningar och workshoppar, även de anonyma/);
    assert.match(confirmed, /ditt namn i avstämningarnas deltagarlistor/);
    assert.match(confirmed, /det jag behövde för att skriva till dig i den här chatten/);
    assert.doesNotMatch(confirmed, /\d+ (poster|records|rader)|tabell|databas/i, 'no database words, no counts');
  });

  it('when the manager deletes their data and stops the check-in, then the confirmation says so, the team is told in the channel, and nothing more is sent', async () => {
    await harness.post(messageActivity(inPersonalChat(harness, maria), 'delete my data'));
    const ask = deleteAsk(harness);
    const input = /"id":"(handover:checkin:[^"]+)"/.exec(JSON.stringify(ask))?.[1];
    assert.ok(input, `no choice for the check-in: ${cardText(ask)}`);
    assert.match(cardText(ask), /You also run things for others[\s\S]*Stop it and tell the team[\s\S]*Hand it over to Kim Ek/);
    const confirmed = cardText(valueOf(await harness.post(executeActivity(inPersonalChat(harness, maria), 'privacy.delete.confirm', { [input]: 'stop' }))));
    assert.match(confirmed, /The check-in "[^"]+" has stopped, and I told the team in its conversation/);
    await advance(harness, 0.1);
    await eventually('the notice in the channel', () => harness.connector.posted().find((call) => call.conversationId === channelId && /has stopped and won't be sent any more/.test(String(call.body.text))));
    assert.doesNotMatch(JSON.stringify(harness.connector.posted().filter((call) => call.conversationId === channelId).at(-1)?.body), /Maria/);
    const before = postedCards(harness, channelId).length;
    await advance(harness, 7 * 24 * 60);
    await advance(harness, 0.1);
    assert.equal(postedCards(harness, channelId).length, before, 'no check-in the week after');
  });

  it('when the manager deletes their data and hands the check-in over, then the colleague owns it and it goes on', async () => {
    await harness.post(messageActivity(inPersonalChat(harness, maria), 'delete my data'));
    const input = /"id":"(handover:checkin:[^"]+)"/.exec(JSON.stringify(deleteAsk(harness)))?.[1] ?? '';
    const confirmed = cardText(valueOf(await harness.post(executeActivity(inPersonalChat(harness, maria), 'privacy.delete.confirm', { [input]: userKey(kim) }))));
    assert.match(confirmed, /now belongs to Kim Ek/);
    const schedules = await harness.app.store.list<{ ownerKey: string; ownerName: string }>('checkin-schedules');
    assert.deepEqual(schedules.map((record) => [record.owner, record.body.ownerName]), [[userKey(kim), kim.name]]);
    await advance(harness, 7 * 24 * 60);
    await eventually('next week\'s card', () => postedCards(harness, channelId).find(({ card }) => occurrenceIn(card)?.endsWith('@2026-03-16')));
  });
});
