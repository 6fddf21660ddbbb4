import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { executeActivity, messageActivity, testTenantId } from '../support/activities';
import { addedRows, offsetsOf, postgresSnapshot, sqliteFileBytes, sqliteSnapshot } from '../support/database-scan';
import { createFreshDatabase, type FreshDatabase } from '../support/postgres';
import { cardText, type TestApp } from '../support/test-app';
import {
  advance, channelId, eventually, greet, inChannel, inPersonalChat, maria, occurrenceIn, occurrenceOf, personalChatId, postedCards, startCheckinApp, team, userKey, type Person,
} from './checkin-harness';

const [, kim, noor, jonas] = team as [Person, Person, Person, Person];
const eva: Person = { name: 'Eva Strand', aad: 'aad-eva' };
const channelForm = {
  questionSet: 'initiative-and-listening', audience: 'channel', recurrence: 'once', startDate: '2026-03-09', time: '08:10',
  timeZone: 'Europe/Stockholm', anonymous: 'true', minResponses: '2', openHours: '8', remind: 'false',
};
const identitiesOf = (person: Person): string[] => [userKey(person), person.aad, person.name];
const valueText = (response: { body: unknown }): string => cardText((response.body as { value: unknown }).value);

interface DeliveryRow { readonly kind: string; readonly recipient_key: string; readonly status: string; readonly last_error: string | null }
function deliveries(file: string): DeliveryRow[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT kind, recipient_key, status, last_error FROM deliveries').all() as DeliveryRow[];
  } finally {
    db.close();
  }
}

describe('anonymous check-in answers leave nothing that leads to a person, over real HTTP', () => {
  let harness: TestApp;
  let occurrence: string;

  beforeEach(async () => {
    harness = await startCheckinApp([...team, eva]);
    await greet(harness, [maria, kim, noor]);
    await harness.post(executeActivity(inChannel(harness, maria), 'checkin.create', channelForm));
    await advance(harness, 10);
    occurrence = occurrenceOf((await eventually('the channel card', () => postedCards(harness, channelId).find(({ card }) => occurrenceIn(card)))).card);
  });
  afterEach(async () => {
    await harness.stop();
  });

  it('when first-time and returning people answer, then each turn adds only an unlinked row and an owner refresh, the log is empty, and the file bytes link no answer to anyone', async () => {
    const words: Record<string, string> = { [kim.aad]: 'Kim-words: warned the shop early', [eva.aad]: 'Eva-words: asked what the shop needed', [noor.aad]: 'Noor-words: listened before fixing' };
    for (const person of [eva, kim, noor]) {
      const before = sqliteSnapshot(harness.databaseFile);
      const answered = await harness.post(executeActivity(inChannel(harness, person), 'checkin.answer', { occurrence, 'q_raised-before-asked': '4', 'q_noticed-initiative': words[person.aad] ?? '' }));
      assert.match(valueText(answered), /Thanks/);
      const added = addedRows(before, sqliteSnapshot(harness.databaseFile));
      assert.deepEqual([...added.keys()].filter((table) => !['unlinked_records', 'deliveries', 'records'].includes(table)), [], `${person.name}'s turn wrote elsewhere: ${JSON.stringify([...added])}`);
      // The worker may meanwhile note where the owner's summary card was posted; nothing in records may name the person.
      for (const row of added.get('records') ?? []) {
        for (const identity of identitiesOf(person)) assert.ok(!row.includes(identity), `${person.name}'s turn wrote a record about them: ${row}`);
      }
      // The worker may move earlier deliveries along meanwhile; none of them is addressed to or names the one answering.
      for (const row of added.get('deliveries') ?? []) {
        assert.match(row, new RegExp(`"recipient_key":"(${userKey(maria)}|c_[^"]+)"`), `only the owner's or the channel's deliveries: ${row}`);
        for (const identity of identitiesOf(person)) assert.ok(!row.includes(identity), `${identity} in ${row}`);
      }
      for (const row of added.get('unlinked_records') ?? []) {
        assert.doesNotMatch(row, /\d{4}-\d{2}-\d{2}T|_rowid/, 'no time finer than the day, no rowid');
        for (const someone of [maria, kim, noor, jonas, eva]) for (const identity of identitiesOf(someone)) assert.ok(!row.includes(identity), `${identity} in ${row}`);
      }
      assert.equal(sqliteFileBytes(harness.databaseFile).wal.length, 0, 'the write-ahead log was emptied after the anonymous write');
      // The same person's own write in their next turn: it must not land beside the answer in the log.
      await harness.post(messageActivity(inPersonalChat(harness, person), 'language en'));
      const { wal } = sqliteFileBytes(harness.databaseFile);
      for (const text of Object.values(words)) assert.deepEqual(offsetsOf(wal, text), [], 'no answer in the log beside the person\'s next write');
    }

    const db = new Database(harness.databaseFile, { readonly: true });
    assert.throws(() => db.prepare('SELECT rowid FROM unlinked_records').all(), /no such column: rowid/);
    const ids = (db.prepare("SELECT id, body FROM unlinked_records WHERE collection = 'collection-responses'").all() as Array<{ id: string; body: string }>);
    db.close();
    assert.equal(ids.length, 3);
    const { main } = sqliteFileBytes(harness.databaseFile);
    const pageSize = 4096;
    const placed = Object.values(words).map((text) => {
      const offsets = offsetsOf(main, text);
      assert.equal(offsets.length, 1, `"${text}" is stored once, with no stale copy: ${offsets.length}`);
      return { text, at: offsets[0] ?? 0 };
    });
    for (const { at } of placed) {
      const page = main.subarray(Math.floor(at / pageSize) * pageSize, (Math.floor(at / pageSize) + 1) * pageSize).toString('latin1');
      assert.doesNotMatch(page, /\d{4}-\d{2}-\d{2}T\d{2}/, 'no fine timestamp on the page that holds an answer');
      for (const someone of [maria, kim, noor, jonas, eva]) for (const identity of identitiesOf(someone)) assert.ok(!page.includes(identity), `${identity} on the page of an answer`);
    }
    const byPlace = [...placed].sort((a, b) => a.at - b.at).map(({ text }) => text);
    const byKey = ids.sort((a, b) => (a.id < b.id ? -1 : 1)).map(({ body }) => Object.values(words).find((text) => body.includes(text)));
    assert.deepEqual(byPlace.length === 3 && new Set(byPlace).size, 3);
    assert.ok(JSON.stringify(byPlace) === JSON.stringify(byKey) || JSON.stringify(byPlace) === JSON.stringify([...byKey].reverse()), `the answers lie in key order, not in the order people answered: ${byPlace.join(' | ')}`);
  });

  it('when someone answers the channel card from another tenant or another group chat, then the answer is refused and nothing is stored', async () => {
    const elsewhere = await harness.post(executeActivity({ ...inChannel(harness, kim), conversationType: 'groupChat', conversationId: '19:other-chat@thread.v2' }, 'checkin.answer', { occurrence, 'q_raised-before-asked': '1' }));
    assert.match(String((elsewhere.body as { value: unknown }).value), /belongs to another conversation/);
    const foreign = await harness.post(executeActivity({ ...inChannel(harness, kim), tenantId: 'ffffffff-0000-0000-0000-000000000000' }, 'checkin.answer', { occurrence, 'q_raised-before-asked': '1' }));
    assert.match(String((foreign.body as { value: unknown }).value), /belongs to another conversation/);
    const oneToOne = await harness.post(executeActivity(inPersonalChat(harness, kim), 'checkin.answer', { occurrence, 'q_raised-before-asked': '1' }));
    assert.match(String((oneToOne.body as { value: unknown }).value), /belongs to another conversation/);
    assert.equal((await harness.app.store.unlinked.list('collection-responses', '')).length, 0);
    assert.notEqual(testTenantId, 'ffffffff-0000-0000-0000-000000000000');
  });
});

describe('reminders in an anonymous 1:1 check-in, over real HTTP', () => {
  let harness: TestApp;
  afterEach(async () => {
    await harness.stop();
  });

  it('when one member has answered and the reminder time comes, then everyone gets the same reminder and no delivery row says who answered', async () => {
    harness = await startCheckinApp(team);
    await greet(harness, team);
    await harness.post(executeActivity(inChannel(harness, maria), 'checkin.create', { ...channelForm, questionSet: 'customer-side', audience: 'members', openHours: '24', minResponses: '3', remind: 'true' }));
    await advance(harness, 10);
    const card = await eventually('Kim\'s card', () => postedCards(harness, personalChatId(kim)).find(({ card: posted }) => occurrenceIn(posted)));
    const occurrence = occurrenceOf(card.card);
    assert.match(valueText(await harness.post(executeActivity(inPersonalChat(harness, kim), 'checkin.answer', { occurrence, 'q_started-from-customer': '4' }))), /Thanks/);
    await advance(harness, 12 * 60);
    const nudges = await eventually('every reminder handled', () => {
      const rows = deliveries(harness.databaseFile).filter((row) => row.kind === 'checkin.nudge');
      return rows.length === team.length && rows.every((row) => row.status !== 'pending' && row.status !== 'sending') ? rows : undefined;
    });
    const kimsRow = nudges.find((row) => row.recipient_key === userKey(kim));
    const noorsRow = nudges.find((row) => row.recipient_key === userKey(noor));
    assert.deepEqual({ status: kimsRow?.status, error: kimsRow?.last_error }, { status: noorsRow?.status, error: noorsRow?.last_error }, 'the one who answered looks like the one who did not');
    assert.ok(nudges.every((row) => !/answered/.test(row.last_error ?? '')), JSON.stringify(nudges));
    const kimsReminder = await eventually('Kim\'s reminder', () => harness.connector.posted().find((call) => call.conversationId === personalChatId(kim) && /A reminder/.test(String(call.body.text))));
    assert.match(String(kimsReminder.body.text), /If you've answered already, thank you/);
  });
});

describe('anonymous check-in answers on PostgreSQL leave no order or transaction id that leads to a person, over real HTTP', () => {
  let harness: TestApp;
  let database: FreshDatabase;

  before(async () => {
    database = await createFreshDatabase();
  });
  after(async () => {
    await database.drop();
  });
  afterEach(async () => {
    await harness.stop();
  });

  it('when first-time and returning people answer and then write for themselves, then all answers share one xmin, lie in key order, and the turn wrote nothing else about them', async () => {
    harness = await startCheckinApp([...team, eva], { DATABASE_URL: database.url });
    await greet(harness, [maria, kim, noor]);
    await harness.post(executeActivity(inChannel(harness, maria), 'checkin.create', channelForm));
    await advance(harness, 10);
    const occurrence = occurrenceOf((await eventually('the channel card', () => postedCards(harness, channelId).find(({ card }) => occurrenceIn(card)))).card);
    for (const person of [eva, kim, noor]) {
      const before = await postgresSnapshot(database.url);
      assert.match(valueText(await harness.post(executeActivity(inChannel(harness, person), 'checkin.answer', { occurrence, 'q_raised-before-asked': '3', 'q_noticed-initiative': `${person.name} noticed it` }))), /Thanks/);
      const added = addedRows(before, await postgresSnapshot(database.url));
      // The background worker may meanwhile store the owner's refreshed summary card and count its sends against the
      // tenant's budget; nothing in those rows may be about the person.
      assert.deepEqual([...added.keys()].filter((table) => !['unlinked_records', 'deliveries', 'records', 'delivery_tenant_budgets'].includes(table)), [], `${person.name}'s turn wrote elsewhere`);
      for (const row of [...(added.get('records') ?? []), ...(added.get('delivery_tenant_budgets') ?? [])]) {
        for (const identity of identitiesOf(person)) assert.ok(!row.includes(identity), `${person.name}'s turn wrote a record about them: ${row}`);
      }
      for (const row of [...(added.get('deliveries') ?? []), ...(added.get('unlinked_records') ?? [])]) {
        for (const identity of identitiesOf(person).slice(0, 2)) assert.ok(!row.includes(identity), `${identity} in ${row}`);
        assert.doesNotMatch(row, /"day":"\d{4}-\d{2}-\d{2}T/);
      }
      // The person's own write in the very next transaction.
      await harness.post(messageActivity(inPersonalChat(harness, person), 'language en'));
    }
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ id: string; xmin: string; ctid: string; body: unknown }>(
        "SELECT id, xmin::text AS xmin, ctid::text AS ctid, body FROM unlinked_records WHERE collection = 'collection-responses' ORDER BY ctid",
      );
      assert.equal(rows.length, 3);
      assert.equal(new Set(rows.map((row) => row.xmin)).size, 1, 'one transaction id for every answer: the latest write rewrote them all');
      assert.deepEqual(rows.map((row) => row.id), rows.map((row) => row.id).sort(), 'heap order is key order, not answering order');
      const { rows: columns } = await client.query<{ column_name: string }>("SELECT column_name FROM information_schema.columns WHERE table_name = 'unlinked_records'");
      assert.deepEqual(columns.map((column) => column.column_name).sort(), ['body', 'collection', 'day', 'id', 'version']);
    } finally {
      await client.end();
    }
  });
});
