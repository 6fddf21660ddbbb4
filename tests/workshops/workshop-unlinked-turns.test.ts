import assert from 'node:assert/strict';
import { userKeyOf } from '../../src/core/keys';
import { testTenantId } from '../support/activities';
import { addedRows, sqliteFileBytes, sqliteSnapshot } from '../support/database-scan';
import { startTestApp, type TestApp } from '../support/test-app';
import { answerIdOf, ChannelSession, people, type Person } from './workshop-support';

describe('anonymous workshop answers and votes write nothing about the person in their turn', () => {
  let harness: TestApp;
  afterEach(async () => {
    await harness.stop();
  });

  it('when first-time people answer and vote, then each turn changes only unlinked rows, with no time finer than the day, and empties the log', async () => {
    harness = await startTestApp();
    const session = new ChannelSession(harness);
    const { workshopId } = await session.start('alex', { template: 'behaviours-more-on-site', anonymous: 'true', hiddenUntilReveal: 'false', votesPerPerson: '3' });
    const answerers: Person[] = ['maria', 'sam', 'kim'];
    const turn = async (person: Person, verb: string, data: Record<string, unknown>): Promise<void> => {
      const before = sqliteSnapshot(harness.databaseFile);
      await session.card(person, verb, { workshopId, ...data });
      const added = addedRows(before, sqliteSnapshot(harness.databaseFile));
      assert.deepEqual([...added.keys()], ['unlinked_records'], `${person}'s ${verb} wrote ${JSON.stringify([...added])}`);
      const identities = [userKeyOf(testTenantId, people[person].aadObjectId), people[person].aadObjectId, people[person].userName];
      for (const row of added.get('unlinked_records') ?? []) {
        assert.doesNotMatch(row, /\d{4}-\d{2}-\d{2}T/);
        for (const identity of identities) assert.ok(!row.includes(identity), `${identity} in ${row}`);
      }
      assert.equal(sqliteFileBytes(harness.databaseFile).wal.length, 0);
    };
    for (const person of answerers) await turn(person, 'workshop.answer', { answer_new: `${person} thinks the shops need a say` });
    const voting = await session.card('alex', 'workshop.voting', { workshopId });
    for (const person of answerers) await turn(person, 'workshop.vote', { answerId: answerIdOf(voting, 'sam thinks the shops need a say') });
  });
});
