import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { migrations } from '../../src/storage/migrations';
import { openSqliteStore } from '../../src/storage/sqlite/sqlite-store';
import { StorageUnavailableError } from '../../src/storage/store';
import { describeStoreContract } from './store-contract';

let contractDirectory: string | undefined;

describeStoreContract(
  'SQLite file',
  async (options) => {
    contractDirectory ??= await mkdtemp(join(tmpdir(), 'partner-coach-contract-'));
    return openSqliteStore(join(contractDirectory, 'not-yet-created', 'store.db'), options);
  },
  async () => {
    if (contractDirectory) await rm(contractDirectory, { recursive: true, force: true });
  },
);

function appliedMigrations(file: string): { id: string; applied_at: string }[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT id, applied_at FROM schema_migrations ORDER BY id').all() as { id: string; applied_at: string }[];
  } finally {
    db.close();
  }
}

describe('SQLite store', () => {
  let directory: string;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'partner-coach-sqlite-'));
  });

  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('when the file is reopened, then its data survives and the migrations do not run again', async () => {
    const file = join(directory, 'data', 'partner-coach.db');
    const first = await openSqliteStore(file, { now: () => new Date('2026-01-05T07:00:00Z') });
    await first.put({ collection: 'check-ins', id: 'a', body: { mood: 'bra' }, expectedVersion: 0 });
    await first.close();
    const appliedBefore = appliedMigrations(file);

    const reopened = await openSqliteStore(file, { now: () => new Date('2026-02-09T07:00:00Z') });
    try {
      assert.deepEqual((await reopened.get('check-ins', 'a'))?.body, { mood: 'bra' });
      assert.deepEqual(appliedMigrations(file), appliedBefore);
      assert.deepEqual(
        appliedBefore,
        migrations.map((migration) => ({ id: migration.id, applied_at: '2026-01-05T07:00:00.000Z' })),
      );
    } finally {
      await reopened.close();
    }
  });

  it('when a file is opened, then it is in WAL mode', async () => {
    const file = join(directory, 'wal.db');
    const store = await openSqliteStore(file);
    await store.close();

    const db = new Database(file, { readonly: true });
    try {
      assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    } finally {
      db.close();
    }
  });

  it('when the path is ":memory:", then the store works without a file', async () => {
    const store = await openSqliteStore(':memory:');
    try {
      await store.transaction(async (session) => {
        await session.put({ collection: 'c', id: 'a', body: { ok: true }, expectedVersion: 0 });
      });
      assert.deepEqual((await store.get('c', 'a'))?.body, { ok: true });
    } finally {
      await store.close();
    }
  });

  it('when the file is not a SQLite database, then opening rejects with StorageUnavailableError keeping the cause', async () => {
    const file = join(directory, 'not-a-database.db');
    await writeFile(file, 'this is a text file, not a database '.repeat(200));

    await assert.rejects(
      openSqliteStore(file),
      (error) => error instanceof StorageUnavailableError && error.cause instanceof Database.SqliteError,
    );
  });

  it('when a transaction waits on its work, then operations outside it wait until it commits', async () => {
    const store = await openSqliteStore(join(directory, 'queue.db'));
    try {
      let releaseWork = (): void => undefined;
      const workMayFinish = new Promise<void>((resolve) => {
        releaseWork = resolve;
      });
      const transaction = store.transaction(async (session) => {
        await session.put({ collection: 'c', id: 'inside', body: {}, expectedVersion: 0 });
        await workMayFinish;
        return session.get('c', 'outside');
      });
      let outsideDone = false;
      const outside = store.put({ collection: 'c', id: 'outside', body: {}, expectedVersion: 0 }).then(() => {
        outsideDone = true;
      });

      for (let turn = 0; turn < 20; turn += 1) await new Promise(setImmediate);
      assert.equal(outsideDone, false, 'the outside write waited for the transaction');

      releaseWork();
      assert.equal(await transaction, undefined, 'the transaction did not see the outside write');
      await outside;
      assert.equal((await store.get('c', 'inside'))?.version, 1);
    } finally {
      await store.close();
    }
  });
});
