import assert from 'node:assert/strict';
import { migrations } from '../../src/storage/migrations';
import { openPostgresStore } from '../../src/storage/postgres/postgres-store';
import { StorageUnavailableError, type Store } from '../../src/storage/store';
import { createFreshDatabase, withAdmin, type FreshDatabase } from '../support/postgres';
import { describeStoreContract } from './store-contract';

async function appliedMigrations(url: string): Promise<{ id: string; applied_at: Date }[]> {
  return withAdmin(url, async (db) => {
    const { rows } = await db.query<{ id: string; applied_at: Date }>('SELECT id, applied_at FROM schema_migrations ORDER BY id');
    return rows;
  });
}

/** Ends the server side of this database's connections in the given state, as a failover or restart would. */
async function terminateConnections(database: FreshDatabase, state: 'idle' | 'idle in transaction'): Promise<number> {
  return withAdmin(database.url, async (db) => {
    const { rowCount } = await db.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name = 'partner-coach' AND state = $1`,
      [state],
    );
    return rowCount ?? 0;
  });
}

describe('PostgreSQL store', () => {
  let database: FreshDatabase | undefined;
  const url = (): string => {
    if (!database) throw new Error('the test database was not created');
    return database.url;
  };

  before(async () => {
    database = await createFreshDatabase();
  });

  after(async () => {
    await database?.drop();
  });

  describeStoreContract('PostgreSQL', (options) => openPostgresStore(url(), options));

  describe('when several instances share a database', () => {
    const opened: Store[] = [];

    afterEach(async () => {
      for (const store of opened.splice(0)) await store.close();
    });

    it('when several instances migrate a new database at once, then all open and each migration is recorded once', async () => {
      const fresh = await createFreshDatabase();
      try {
        const stores = await Promise.all([1, 2, 3, 4].map(() => openPostgresStore(fresh.url)));
        opened.push(...stores);

        assert.deepEqual(
          (await appliedMigrations(fresh.url)).map((row) => row.id),
          migrations.map((migration) => migration.id),
        );
        await Promise.all(stores.map((store) => store.ping()));
      } finally {
        for (const store of opened.splice(0)) await store.close();
        await fresh.drop();
      }
    });

    it('when an instance starts on a migrated database, then the migrations do not run again', async () => {
      opened.push(await openPostgresStore(url()));
      const before = await appliedMigrations(url());

      opened.push(await openPostgresStore(url(), { now: () => new Date('2031-01-01T00:00:00Z') }));

      assert.deepEqual(await appliedMigrations(url()), before);
    });
  });

  describe('when a statement fails inside a transaction', () => {
    it('when the work catches the failure and returns, then the transaction still rejects and nothing lands', async () => {
      const store = await openPostgresStore(url());
      try {
        await assert.rejects(
          store.transaction(async (session) => {
            await session.put({ collection: 'c', id: 'good', body: {}, expectedVersion: 0 });
            // jsonb refuses the NUL character, so the server aborts the transaction.
            await session.put({ collection: 'c', id: 'bad', body: { text: 'nul \u0000' } }).catch((error: unknown) => {
              assert.ok(error instanceof StorageUnavailableError);
            });
            return 'the work thinks it succeeded';
          }),
          StorageUnavailableError,
        );

        assert.equal(await store.get('c', 'good'), undefined);
      } finally {
        await store.close();
      }
    });
  });

  describe('when the server fails', () => {
    it('when nothing listens at the URL, then opening rejects with StorageUnavailableError keeping the cause', async () => {
      await assert.rejects(
        openPostgresStore('postgres://postgres:postgres@127.0.0.1:1/partner_coach'),
        (error) =>
          error instanceof StorageUnavailableError && error.cause instanceof Error && /ECONNREFUSED/.test(String(error.cause)),
      );
    });

    it('when the server ends idle pooled connections, then the store reports it in the background and keeps working', async () => {
      let reported = (_error: Error): void => undefined;
      const backgroundError = new Promise<Error>((resolve) => {
        reported = resolve;
      });
      const store = await openPostgresStore(url(), { onBackgroundError: (error) => reported(error) });
      try {
        await store.put({ collection: 'c', id: 'idle-drop', body: {} });
        assert.ok((await terminateConnections(database as FreshDatabase, 'idle')) >= 1);

        assert.ok((await backgroundError) instanceof Error);
        assert.equal((await store.get('c', 'idle-drop'))?.version, 1);
      } finally {
        await store.close();
      }
    });

    it('when the server ends the connection in the middle of a transaction, then it rejects with StorageUnavailableError and nothing lands', async () => {
      const store = await openPostgresStore(url(), { onBackgroundError: () => undefined });
      try {
        await assert.rejects(
          store.transaction(async (session) => {
            await session.put({ collection: 'c', id: 'mid-transaction', body: {}, expectedVersion: 0 });
            assert.equal(await terminateConnections(database as FreshDatabase, 'idle in transaction'), 1);
            await session.put({ collection: 'c', id: 'after-drop', body: {}, expectedVersion: 0 });
          }),
          StorageUnavailableError,
        );

        assert.equal(await store.get('c', 'mid-transaction'), undefined);
        assert.equal(await store.get('c', 'after-drop'), undefined);
      } finally {
        await store.close();
      }
    });
  });
});
