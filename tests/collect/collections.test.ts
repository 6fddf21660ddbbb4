import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Collections } from '../../src/collect/collections';
import { loadOrCreateSecret, respondentKeyOf, secretFileFor } from '../../src/collect/pseudonym';
import { UserFacingError } from '../../src/core/errors';
import { openStore } from '../../src/storage/open-store';
import type { Store } from '../../src/storage/store';

describe('collections on a real SQLite file', () => {
  let folder: string;
  let store: Store;
  let collections: Collections;
  const now = new Date('2026-03-10T09:00:00Z');
  const settings = { anonymous: true, minResponses: 2, maxAnswersPerPerson: 1, resultsShown: 'when-revealed' as const };
  const question = [{ id: 'q', form: 'free-text' as const }];
  const say = (text: string) => [{ questionId: 'q', form: 'free-text' as const, texts: [{ text }] }];

  beforeEach(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'collect-test-'));
    store = await openStore(`sqlite:${path.join(folder, 'test.db')}`);
    collections = new Collections(store, randomBytes(32));
  });
  afterEach(async () => {
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('when the same person answers twice in an anonymous collection, then the second answer replaces the first under one pseudonym', async () => {
    const collection = await collections.create({ purpose: 'check-in', questions: question, settings }, now);
    const [first] = await collections.answer(collection.id, { userKey: 'u_maria', displayName: 'Maria' }, say('First'), now);
    const [second] = await collections.answer(collection.id, { userKey: 'u_maria', displayName: 'Maria' }, say('Second'), now);
    assert.equal(second?.answerId, first?.answerId, 'the same answer, edited');
    assert.deepEqual(await store.list('collection-responses'), [], 'nothing in the owned records');
    const records = await store.unlinked.list('collection-responses', `${collection.id}/`);
    assert.equal(records.length, 1);
    assert.match(records[0]?.day ?? '', /^\d{4}-\d{2}-\d{2}$/, 'only the day is kept');
    assert.doesNotMatch(JSON.stringify(records), /u_maria|Maria/);
    assert.deepEqual((await collections.ownAnswers(collection, 'u_maria')).map((answer) => answer.value), [{ kind: 'text', text: 'Second' }]);
    assert.deepEqual(await collections.ownAnswers(collection, 'u_sam'), []);
  });

  it('when two people answer a named collection, then the sheet carries their names and the records their owner keys', async () => {
    const collection = await collections.create({ purpose: 'check-in', questions: question, settings: { ...settings, anonymous: false } }, now);
    await collections.answer(collection.id, { userKey: 'u_maria', displayName: 'Maria Lind' }, say('Ask first'), now);
    await collections.answer(collection.id, { userKey: 'u_sam', displayName: 'Sam Holm' }, say('Sum up'), now);
    const sheet = await collections.sheet(collection);
    assert.deepEqual(sheet.answers.map((answer) => answer.author).sort(), ['Maria Lind', 'Sam Holm']);
    assert.deepEqual((await store.list('collection-responses')).map((record) => record.owner).sort(), ['u_maria', 'u_sam']);
  });

  it('when an answer is hidden, then it leaves the sheet and the results but the count of people stays', async () => {
    const collection = await collections.create({ purpose: 'workshop', questions: question, settings }, now);
    await collections.answer(collection.id, { userKey: 'u_1', displayName: 'One' }, say('Keep'), now);
    const [rude] = await collections.answer(collection.id, { userKey: 'u_2', displayName: 'Two' }, say('Rude'), now);
    const hidden = await collections.hide(collection.id, rude?.answerId ?? '');
    const sheet = await collections.sheet(hidden);
    assert.deepEqual(sheet.answers.map((answer) => answer.value), [{ kind: 'text', text: 'Keep' }]);
    assert.equal(sheet.respondents, 2);
  });

  it('when a collection is closed, then answers and edits are refused', async () => {
    const collection = await collections.create({ purpose: 'workshop', questions: question, settings }, now);
    await collections.close(collection.id, now);
    await assert.rejects(
      collections.answer(collection.id, { userKey: 'u_1', displayName: 'One' }, say('Late'), now),
      (error: unknown) => error instanceof UserFacingError && error.messageKey === 'collect.errors.closed',
    );
  });

  it('when the secret differs, then the pseudonym differs, and named collections use the user key itself', () => {
    const anonymous = { id: 'col_1', settings: { anonymous: true } };
    const a = respondentKeyOf(Buffer.alloc(32, 1), anonymous, 'u_maria');
    assert.equal(a, respondentKeyOf(Buffer.alloc(32, 1), anonymous, 'u_maria'));
    assert.notEqual(a, respondentKeyOf(Buffer.alloc(32, 2), anonymous, 'u_maria'));
    assert.notEqual(a, respondentKeyOf(Buffer.alloc(32, 1), { ...anonymous, id: 'col_2' }, 'u_maria'), 'not linkable across collections');
    assert.equal(respondentKeyOf(Buffer.alloc(32, 1), { id: 'col_1', settings: { anonymous: false } }, 'u_maria'), 'u_maria');
  });

  it('when the secret file is missing, then it is created once, readable by the owner only, next to the SQLite file', () => {
    const file = secretFileFor(`sqlite:${path.join(folder, 'bot.db')}`, folder);
    assert.equal(file, `${path.join(folder, 'bot.db')}.collect-secret`);
    assert.equal(existsSync(file), false);
    const secret = loadOrCreateSecret(file);
    assert.equal(secret.length, 32);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.deepEqual(loadOrCreateSecret(file), secret);
    assert.match(readFileSync(file, 'utf8'), /^[0-9a-f]{64}\n$/);
  });
});
