import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { userKeyOf } from '../../src/core/keys';
import { messageActivity, testTenantId } from '../support/activities';
import { offersIn, receiveFiles } from '../support/file-consent';
import { attachedCard, cardText, startTestApp, type TestApp } from '../support/test-app';
import { answerIdOf, ChannelSession, people, personalChatOf, roster, type Card, type Person } from './workshop-support';

const answers: Partial<Record<Person, string>> = {
  maria: 'Honestly the roll-out plan ignores the Saturday rush',
  sam: 'Nobody asked the shops about their busiest week',
  kim: 'We fix the printers but never ask why they jam',
};
const answerers = Object.keys(answers) as Person[];

interface Row {
  readonly collection: string;
  readonly id: string;
  readonly owner: string | null;
  readonly body: string;
}

describe('anonymous workshop answers cannot be linked to their authors', () => {
  let harness: TestApp;
  let session: ChannelSession;
  let workshopId: string;
  const facilitatorSaw: Card[] = [];
  let exported: string[];

  before(async () => {
    harness = await startTestApp();
    session = new ChannelSession(harness);
    ({ workshopId } = await session.start('alex', { template: 'behaviours-more-on-site', anonymous: 'true', hiddenUntilReveal: 'true', votesPerPerson: '3' }));
    for (const person of answerers) await session.card(person, 'workshop.answer', { workshopId, answer_new: answers[person] });
    facilitatorSaw.push(await session.card('alex', 'workshop.reveal', { workshopId }));
    const voting = await session.card('alex', 'workshop.voting', { workshopId });
    facilitatorSaw.push(voting);
    for (const person of answerers) await session.card(person, 'workshop.vote', { workshopId, answerId: answerIdOf(voting, answers.sam ?? '') });
    await session.card('maria', 'workshop.pledge', { workshopId, pledgeTheme: 'trust', pledgeText: 'Call the shop before each update' });
    facilitatorSaw.push(await session.card('alex', 'workshop.close', { workshopId }));
    facilitatorSaw.push(session.lastPostedCard());
    await harness.post(messageActivity(session.inPersonalChat('alex'), 'help'));
    await session.say('alex', 'workshop export');
    exported = await receiveFiles(harness, session.inPersonalChat('alex'), offersIn(harness.connector, personalChatOf('alex')));
  });
  after(async () => {
    await harness.stop();
  });

  const identitiesOf = (person: Person): string[] => [userKeyOf(testTenantId, people[person].aadObjectId), people[person].aadObjectId, people[person].userName];

  const rows = (): Row[] => {
    const database = new Database(harness.databaseFile, { readonly: true });
    try {
      return database.prepare('SELECT collection, id, owner, body FROM records UNION ALL SELECT collection, id, NULL, body FROM unlinked_records').all() as Row[];
    } finally {
      database.close();
    }
  };

  it('when the database is read, then no answer or vote row names, keys or owns its author', () => {
    const answerRows = rows().filter((row) => row.collection === 'collection-responses' || row.collection === 'workshop-votes');
    assert.equal(answerRows.filter((row) => row.collection === 'collection-responses').length, 3);
    for (const row of answerRows) {
      assert.equal(row.owner, null, `${row.collection}/${row.id} has an owner`);
      for (const person of [...answerers, 'alex' as const]) {
        for (const identity of identitiesOf(person)) assert.ok(!`${row.id} ${row.body}`.includes(identity), `${row.collection} row carries ${identity}`);
      }
    }
  });

  it('when every table is searched for an answer text, then the rows holding it carry nothing that leads to a person', () => {
    for (const person of answerers) {
      const holding = rows().filter((row) => row.body.includes(answers[person] ?? '-'));
      assert.deepEqual(holding.map((row) => row.collection), ['collection-responses']);
      const respondentKey = holding[0]?.id.split('/')[1] ?? '';
      assert.match(respondentKey, /^p_/);
      const linked = rows().filter((row) => `${row.id} ${row.body}`.includes(respondentKey) && answerers.some((other) => identitiesOf(other).some((identity) => `${row.id} ${row.owner ?? ''} ${row.body}`.includes(identity))));
      assert.deepEqual(linked, [], 'no row puts the pseudonym next to a person');
    }
  });

  it('when someone guesses the pseudonym from the user key without the secret, then it does not match, and the secret is not in the database', () => {
    const secretHex = readFileSync(`${harness.databaseFile}.collect-secret`, 'utf8').trim();
    const stored = rows().filter((row) => row.collection === 'collection-responses').map((row) => row.id.split('/'));
    const [collectionId] = stored[0] ?? [];
    const maria = identitiesOf('maria')[0] ?? '';
    const guesses = [
      createHash('sha256').update(`${collectionId}${maria}`).digest('base64url'),
      createHmac('sha256', '').update(`respondent\u0000${collectionId}\u0000${maria}`).digest('base64url'),
    ];
    for (const guess of guesses) assert.ok(!stored.some(([, key]) => key?.includes(guess.slice(0, 27))));
    const withSecret = `p_${createHmac('sha256', Buffer.from(secretHex, 'hex')).update(`respondent\u0000${collectionId}\u0000${maria}`).digest('base64url').slice(0, 27)}`;
    assert.ok(stored.some(([, key]) => key === withSecret), 'only the running bot, holding the secret, can recompute it (so Maria can still edit)');
    assert.ok(!rows().some((row) => row.body.includes(secretHex) || row.id.includes(secretHex)));
  });

  it("when the facilitator's cards, the shared card and the exports are read, then no answer comes with a name, key or pseudonym", () => {
    const respondentKeys = rows().filter((row) => row.collection === 'collection-responses').map((row) => row.id.split('/')[1] ?? '');
    // refresh.userIds lists the whole roster, answered or not, so it says nothing about who wrote what.
    for (const card of facilitatorSaw.slice(0, 3)) assert.deepEqual((card.refresh as { userIds: string[] }).userIds, roster.map((member) => member.id));
    const sharedCards = harness.connector.updated().map((call) => attachedCard(call.body) ?? {});
    assert.ok(sharedCards.length > 5, 'the shared card was updated for everyone along the way');
    const seen = [...[...facilitatorSaw, ...sharedCards].map((card) => JSON.stringify({ ...card, refresh: undefined })), ...exported];
    assert.ok(seen.some((text) => text.includes(answers.kim ?? '-')), 'the answers themselves are there');
    for (const text of seen) {
      for (const person of answerers) for (const identity of identitiesOf(person)) assert.ok(!text.includes(identity), `${identity} appears in what the facilitator saw`);
      for (const key of respondentKeys) assert.ok(!text.includes(key), 'a pseudonym appears in what the facilitator saw');
    }
  });

  it('when the export is sent, then it is a Markdown file and a CSV file without an author column', () => {
    const [markdown, csv] = exported;
    assert.match(markdown ?? '', /^## Workshop: Behaviours we want more of/);
    assert.match(markdown ?? '', /1\. Nobody asked the shops about their busiest week · votes: 3/);
    assert.match(markdown ?? '', /### Pledges per theme\n- Build trust, add value: 1/);
    assert.match(csv ?? '', /^rank,answer,votes\r\n1,Nobody asked the shops about their busiest week,3\r\n/);
    assert.doesNotMatch(csv ?? '', /author/);
    assert.match(cardText(facilitatorSaw.at(-1)), /Pledges per theme[\s\S]*Build trust, add value/);
  });
});
