import assert from 'node:assert/strict';
import { copyFileSync, renameSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { createFreshDatabase, withAdmin, type FreshDatabase } from '../support/postgres';
import { startTestApp, type TestApp } from '../support/test-app';

const readiness = async (harness: TestApp): Promise<{ status: number; body: unknown }> => {
  const response = await fetch(`${harness.app.url}/readyz`);
  return { status: response.status, body: await response.json() };
};

describe('GET /readyz proves that storage takes a write', function () {
  this.timeout(20_000);

  describe('on SQLite', () => {
    let harness: TestApp;

    beforeEach(async () => {
      harness = await startTestApp();
    });
    afterEach(async () => harness.stop());

    const storageLost = (): Record<string, unknown> | undefined => harness.logs.find((line) => line.msg === 'STORAGE LOST: readiness check failed');

    it('when the database file is deleted while open, then readiness answers 503 and an error names the file', async () => {
      assert.equal((await readiness(harness)).status, 200);
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${harness.databaseFile}${suffix}`, { force: true });
      assert.deepEqual(await readiness(harness), { status: 503, body: { status: 'storage unavailable' } });
      assert.equal(storageLost()?.level, 50);
      assert.match(String(storageLost()?.reason), /test\.db was deleted while open/);
    });

    it('when another file is put in its place, then readiness answers 503 and an error says it was replaced', async () => {
      copyFileSync(harness.databaseFile, `${harness.databaseFile}.copy`);
      renameSync(`${harness.databaseFile}.copy`, harness.databaseFile);
      assert.equal((await readiness(harness)).status, 503);
      assert.match(String(storageLost()?.reason), /was replaced by another file/);
    });

    it('when another process holds the write lock, then readiness answers 503 (reading alone would have said ready)', async () => {
      const other = new Database(harness.databaseFile);
      try {
        other.exec('BEGIN IMMEDIATE');
        assert.equal((await readiness(harness)).status, 503);
        assert.equal(storageLost(), undefined, 'a busy database is not a lost one');
        assert.ok(harness.logs.some((line) => line.msg === 'readiness check failed' && line.level === 40));
      } finally {
        other.close();
      }
      assert.equal((await readiness(harness)).status, 200, 'ready again once the lock is gone');
    });
  });

  describe('on PostgreSQL', () => {
    let database: FreshDatabase;
    let harness: TestApp;

    before(async () => {
      database = await createFreshDatabase();
      harness = await startTestApp({ DATABASE_URL: database.url });
    });
    after(async () => {
      await harness.stop();
      await database.drop();
    });

    it('when the database turns read-only (as a demoted primary does), then readiness answers 503', async () => {
      assert.equal((await readiness(harness)).status, 200);
      await withAdmin(database.url, async (admin) => {
        await admin.query(`ALTER DATABASE ${database.name} SET default_transaction_read_only = on`);
        // New sessions pick the setting up; the pool reconnects after its connections are ended.
        await admin.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
        );
      });
      assert.deepEqual([(await readiness(harness)).status, (await readiness(harness)).status], [503, 503]);
      assert.ok(harness.logs.some((line) => line.msg === 'readiness check failed' && /read-only/.test(JSON.stringify(line.err))));
    });
  });
});
