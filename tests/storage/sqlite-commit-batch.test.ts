import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import sinon from 'sinon';
import { openSqliteStore } from '../../src/storage/sqlite/sqlite-store';
import { StorageUnavailableError, type Store } from '../../src/storage/store';

const never = 3_600_000;

/** Every SQL text the store's connection runs through exec and pragma, in order, and whether a transaction was open then. */
function watchConnection(): Array<{ readonly sql: string; readonly inTransaction: boolean }> {
  const seen: Array<{ sql: string; inTransaction: boolean }> = [];
  const exec = sinon.stub(Database.prototype, 'exec');
  exec.callsFake(function (this: Database.Database, sql: string) {
    seen.push({ sql, inTransaction: this.inTransaction });
    return exec.wrappedMethod.call(this, sql);
  });
  const pragma = sinon.stub(Database.prototype, 'pragma');
  pragma.callsFake(function (this: Database.Database, source: string, options?: Database.PragmaOptions) {
    seen.push({ sql: `PRAGMA ${source}`, inTransaction: this.inTransaction });
    return pragma.wrappedMethod.call(this, source, options);
  });
  return seen;
}

const commits = (seen: ReadonlyArray<{ sql: string }>): number => seen.filter((entry) => entry.sql === 'COMMIT').length;

describe('SQLite group commit: the writes of one pass of the event loop share one commit, and nobody hears before it', () => {
  let directory: string;
  let file: string;
  let store: Store;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'partner-coach-commit-batch-'));
    file = join(directory, 'store.db');
    store = await openSqliteStore(file, { checkpointEveryMs: never });
  });

  afterEach(async () => {
    sinon.restore();
    await store.close();
    await rm(directory, { recursive: true, force: true });
  });

  const stored = (id: string): unknown => {
    const reader = new Database(file, { readonly: true });
    try {
      return (reader.prepare("SELECT body FROM records WHERE collection = 'answers' AND id = ?").get(id) as { body: string } | undefined)?.body;
    } finally {
      reader.close();
    }
  };

  it('when several turns write at once, then one commit holds all their writes', async () => {
    const seen = watchConnection();
    const versions = await Promise.all(['a', 'b', 'c', 'd'].map((id) => store.put({ collection: 'answers', id, owner: `u-${id}`, body: { id }, expectedVersion: 0 })));
    assert.deepEqual(versions, [1, 1, 1, 1]);
    assert.equal(commits(seen), 1);
    assert.deepEqual(['a', 'b', 'c', 'd'].map(stored), ['{"id":"a"}', '{"id":"b"}', '{"id":"c"}', '{"id":"d"}']);
  });

  it('when a write is done, then its caller hears only once it is committed, and a read done meanwhile waits for the commit too', async () => {
    const heard: string[] = [];
    const write = store.put({ collection: 'answers', id: 'a', owner: 'u-a', body: { id: 'a' }, expectedVersion: 0 }).then(() => heard.push('write'));
    const read = store.get('answers', 'a').then((record) => heard.push(`read ${JSON.stringify(record?.body)}`));
    await new Promise<void>((resolve) => process.nextTick(resolve));
    await Promise.resolve();
    assert.deepEqual(heard, [], 'nothing is heard inside the pass that wrote');
    assert.equal(stored('a'), undefined, 'nor is anything committed yet');
    await Promise.all([write, read]);
    assert.deepEqual(heard, ['write', 'read {"id":"a"}']);
    assert.equal(stored('a'), '{"id":"a"}');
  });

  it('when the commit fails, then every write and read of the batch fails, nothing of it is stored, and nothing of it is read back', async () => {
    let failed = false;
    const exec = sinon.stub(Database.prototype, 'exec');
    exec.callsFake(function (this: Database.Database, sql: string) {
      if (sql === 'COMMIT' && !failed) {
        failed = true;
        throw new Database.SqliteError('database or disk is full', 'SQLITE_FULL');
      }
      return exec.wrappedMethod.call(this, sql);
    });
    const results = await Promise.allSettled([
      store.put({ collection: 'answers', id: 'a', owner: 'u-a', body: { id: 'a' }, expectedVersion: 0 }),
      store.put({ collection: 'answers', id: 'b', owner: 'u-b', body: { id: 'b' }, expectedVersion: 0 }),
      store.get('answers', 'a'),
    ]);
    assert.ok(results.every((result) => result.status === 'rejected' && result.reason instanceof StorageUnavailableError));
    assert.deepEqual([stored('a'), stored('b')], [undefined, undefined]);
    assert.equal(await store.get('answers', 'a'), undefined, 'the row cache forgot the rolled-back write');
    assert.equal(await store.put({ collection: 'answers', id: 'a', owner: 'u-a', body: { id: 'again' }, expectedVersion: 0 }), 1, 'the next write starts clean');
  });

  it('when a transaction starts while a batch is open, then the batch is committed first and the transaction sees its writes', async () => {
    const seen = watchConnection();
    const write = store.put({ collection: 'answers', id: 'a', owner: 'u-a', body: { n: 1 }, expectedVersion: 0 });
    const counted = store.transaction(async (session) => {
      const found = await session.get<{ n: number }>('answers', 'a');
      await session.put({ collection: 'answers', id: 'a', body: { n: (found?.body.n ?? 0) + 1 }, expectedVersion: found?.version ?? 0 });
    });
    await Promise.all([write, counted]);
    assert.equal(stored('a'), '{"n":2}');
    const begins = seen.filter((entry) => entry.sql.startsWith('BEGIN'));
    assert.ok(begins.every((entry) => !entry.inTransaction), 'no transaction began inside another');
  });

  it("when an anonymous answer is written while a person's write is in a batch, then the person's commit comes first and the anonymous one stands alone before the log is emptied", async () => {
    const seen = watchConnection();
    await Promise.all([
      store.put({ collection: 'settings', id: 'u-1', owner: 'u-1', body: { locale: 'sv' } }),
      store.unlinked.put('collection-responses', 'r-1', { answer: 'anonymous' }, 0),
    ]);
    const emptied = seen.findIndex((entry) => entry.sql === 'PRAGMA wal_checkpoint(TRUNCATE)');
    assert.ok(emptied > 0);
    assert.equal(seen[emptied]?.inTransaction, false);
    assert.equal(commits(seen.slice(0, emptied)), 1, "the person's batch was committed before the anonymous write");
  });

  it('when a second store opens the same file in this process, then neither batches (it would wait for the lock with the loop held), and both write', async () => {
    const other = await openSqliteStore(file, { checkpointEveryMs: never });
    const seen = watchConnection();
    try {
      await Promise.all([
        store.put({ collection: 'answers', id: 'a', owner: 'u-a', body: { id: 'a' }, expectedVersion: 0 }),
        other.put({ collection: 'answers', id: 'b', owner: 'u-b', body: { id: 'b' }, expectedVersion: 0 }),
      ]);
      assert.equal(seen.filter((entry) => entry.sql.startsWith('BEGIN')).length, 0);
    } finally {
      await other.close();
    }
    const before = commits(seen);
    await Promise.all(['c', 'd'].map((id) => store.put({ collection: 'answers', id, owner: `u-${id}`, body: { id }, expectedVersion: 0 })));
    assert.equal(commits(seen) - before, 1, 'alone again, the store batches again');
    assert.deepEqual(['a', 'b', 'c', 'd'].map(stored), ['{"id":"a"}', '{"id":"b"}', '{"id":"c"}', '{"id":"d"}']);
  });
});
