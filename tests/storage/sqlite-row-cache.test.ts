import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import sinon from 'sinon';
import { openSqliteStore } from '../../src/storage/sqlite/sqlite-store';
import { SqliteRowCache, type RecordRow } from '../../src/storage/sqlite/sqlite-row-cache';
import { VersionConflictError, type Store } from '../../src/storage/store';

const never = 3_600_000;

describe('SQLite row cache: repeated reads skip SQLite, and nothing read is ever wrong', () => {
  let directory: string;
  let file: string;
  let store: Store;
  let clock: number;
  const others: Database.Database[] = [];

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'partner-coach-row-cache-'));
    file = join(directory, 'store.db');
    clock = 0;
    store = await openSqliteStore(file, { checkpointEveryMs: never, monotonicMs: () => clock });
  });

  afterEach(async () => {
    sinon.restore();
    for (const other of others.splice(0)) other.close();
    await store.close();
    await rm(directory, { recursive: true, force: true });
  });

  /** A second connection to the file, as another process or an admin's script would open it. */
  const otherConnection = (): Database.Database => {
    const other = new Database(file);
    others.push(other);
    return other;
  };

  /** How many statements SQLite runs with `.get` (a primary-key read is one). */
  const countGets = (): sinon.SinonSpy => {
    const probe = new Database(':memory:');
    const statementPrototype = Object.getPrototypeOf(probe.prepare('SELECT 1')) as { get: (...args: unknown[]) => unknown };
    probe.close();
    return sinon.spy(statementPrototype, 'get');
  };

  it('when a record is read again, then SQLite is not asked, and each read gets its own copy of the body', async () => {
    await store.put({ collection: 'settings', id: 'u1', owner: 'u1', body: { locale: 'sv', list: [1, 2] } });
    const first = await store.get<{ locale: string; list: number[] }>('settings', 'u1');
    const gets = countGets();
    const again = await store.get<{ locale: string; list: number[] }>('settings', 'u1');
    const [many] = await store.getMany([{ collection: 'settings', id: 'u1' }]);
    assert.equal(gets.callCount, 0);
    assert.deepEqual(again?.body, { locale: 'sv', list: [1, 2] });
    assert.equal(many?.version, 1);
    first?.body.list.push(3);
    assert.deepEqual((await store.get<{ list: number[] }>('settings', 'u1'))?.body.list, [1, 2], 'a caller changing its copy changes nothing stored');
  });

  it('when a record is known to be absent, then asking again does not ask SQLite, and writing it makes it present', async () => {
    assert.equal(await store.get('settings', 'nobody'), undefined);
    const gets = countGets();
    assert.equal(await store.get('settings', 'nobody'), undefined);
    assert.equal(gets.callCount, 0);
    await store.put({ collection: 'settings', id: 'nobody', owner: 'nobody', body: { locale: 'en' } });
    assert.deepEqual((await store.get('settings', 'nobody'))?.body, { locale: 'en' });
  });

  it('when an update keeps the stored owner, then the cached record still names that owner', async () => {
    await store.put({ collection: 'sessions', id: 's1', owner: 'u1', body: { turn: 1 }, expectedVersion: 0 });
    await store.put({ collection: 'sessions', id: 's1', body: { turn: 2 }, expectedVersion: 1 });
    const read = await store.get('sessions', 's1');
    assert.deepEqual([read?.owner, read?.version, read?.body], ['u1', 2, { turn: 2 }]);
  });

  it('when a transaction fails after a write, then the record read afterwards is the committed one, not the rolled-back write', async () => {
    await store.put({ collection: 'sessions', id: 's1', owner: 'u1', body: { turn: 1 }, expectedVersion: 0 });
    await assert.rejects(
      store.transaction(async (session) => {
        await session.put({ collection: 'sessions', id: 's1', body: { turn: 99 }, expectedVersion: 1 });
        assert.deepEqual((await session.get('sessions', 's1'))?.body, { turn: 99 }, 'inside, the transaction sees its own write');
        throw new Error('the work failed');
      }),
      /the work failed/,
    );
    assert.deepEqual((await store.get('sessions', 's1'))?.body, { turn: 1 });
    assert.deepEqual((await store.get('sessions', 's1'))?.body, { turn: 1 }, 'nor does a second read find it');
  });

  it('when a transaction commits, then what it wrote is read afterwards', async () => {
    await store.put({ collection: 'sessions', id: 's1', owner: 'u1', body: { turn: 1 }, expectedVersion: 0 });
    await store.get('sessions', 's1');
    await store.transaction(async (session) => {
      await session.put({ collection: 'sessions', id: 's1', body: { turn: 2 }, expectedVersion: 1 });
    });
    assert.deepEqual((await store.get('sessions', 's1'))?.body, { turn: 2 });
  });

  it('when a person deletes their data, then nothing of theirs is read back, from SQLite or from memory', async () => {
    await store.put({ collection: 'settings', id: 'u1', owner: 'u1', body: { locale: 'sv' } });
    await store.put({ collection: 'sessions', id: 'u1/s1', owner: 'u1', body: { turn: 1 }, expectedVersion: 0 });
    await store.getMany([{ collection: 'settings', id: 'u1' }, { collection: 'sessions', id: 'u1/s1' }]);
    assert.equal(await store.removeOwnedBy('u1'), 2);
    assert.deepEqual(await store.getMany([{ collection: 'settings', id: 'u1' }, { collection: 'sessions', id: 'u1/s1' }]), [undefined, undefined]);
  });

  it('when a record is removed, then it is read as absent', async () => {
    await store.put({ collection: 'settings', id: 'u1', owner: 'u1', body: { locale: 'sv' } });
    await store.get('settings', 'u1');
    assert.equal(await store.remove('settings', 'u1'), true);
    assert.equal(await store.get('settings', 'u1'), undefined);
  });

  it('when another connection writes the file, then the change is read once the next look at SQLite is due, and a write naming the old version is refused', async () => {
    await store.put({ collection: 'settings', id: 'u1', owner: 'u1', body: { locale: 'sv' }, expectedVersion: 0 });
    await store.get('settings', 'u1');
    otherConnection().prepare("UPDATE records SET body = '{\"locale\":\"en\"}', version = 2 WHERE collection = 'settings' AND id = 'u1'").run();
    await assert.rejects(store.put({ collection: 'settings', id: 'u1', body: { locale: 'de' }, expectedVersion: 1 }), VersionConflictError);
    assert.deepEqual((await store.get('settings', 'u1'))?.body, { locale: 'en' }, 'the refused write dropped what was kept');
    await store.put({ collection: 'settings', id: 'u2', owner: 'u2', body: { locale: 'sv' }, expectedVersion: 0 });
    await store.get('settings', 'u2');
    const other = otherConnection();
    other.prepare("UPDATE records SET body = '{\"locale\":\"fi\"}', version = 3 WHERE collection = 'settings' AND id = 'u1'").run();
    other.prepare("UPDATE records SET body = '{\"locale\":\"fi\"}', version = 2 WHERE collection = 'settings' AND id = 'u2'").run();
    clock += 100;
    const [first, second] = [await store.get('settings', 'u1'), await store.get('settings', 'u2')];
    assert.deepEqual([first?.body, second?.body], [{ locale: 'fi' }, { locale: 'fi' }], 'the look that saw the change let go of every kept row');
  });
});

describe('SQLite row cache limits', () => {
  const row = (id: string, body: string): RecordRow => ({ collection: 'c', id, owner: null, version: 1, body, updated_at: '2026-12-03T00:00:00.000Z' });

  it('when more rows come than it holds, then the least recently used go first', () => {
    const db = new Database(':memory:');
    const cache = new SqliteRowCache(db, { rows: 2, bodyChars: 1000, checkEveryMs: 100 }, () => 0);
    cache.remember('c', 'a', row('a', '{}'));
    cache.remember('c', 'b', row('b', '{}'));
    assert.ok(cache.find('c', 'a'), 'a is used again, so b is now the oldest');
    cache.remember('c', 'c', row('c', '{}'));
    assert.deepEqual([cache.find('c', 'a')?.id, cache.find('c', 'b'), cache.find('c', 'c')?.id], ['a', undefined, 'c']);
    db.close();
  });

  it('when the bodies pass the character limit, then old rows go until they fit, and a body too large for it is not kept', () => {
    const db = new Database(':memory:');
    const cache = new SqliteRowCache(db, { rows: 100, bodyChars: 160, checkEveryMs: 100 }, () => 0);
    cache.remember('c', 'a', row('a', 'x'.repeat(9)));
    cache.remember('c', 'b', row('b', 'x'.repeat(9)));
    cache.remember('c', 'big', row('big', 'x'.repeat(11)));
    assert.equal(cache.find('c', 'big'), undefined);
    for (let index = 0; index < 20; index += 1) cache.remember('c', `n${index}`, row(`n${index}`, 'x'.repeat(9)));
    assert.equal(cache.find('c', 'a'), undefined);
    assert.ok(cache.find('c', 'n19'));
    db.close();
  });
});
