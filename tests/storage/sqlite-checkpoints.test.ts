import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import sinon from 'sinon';
import { OnDemandCheckpointer } from '../../src/storage/sqlite/on-demand-checkpointer';
import { SqliteCheckpointer } from '../../src/storage/sqlite/sqlite-checkpointer';
import { openSqliteStore } from '../../src/storage/sqlite/sqlite-store';

/** Longer than any test: the checkpoint thread's own timer never fires, so only what a test asks for happens. */
const never = 2 ** 31 - 1;
/** More pages than SQLite's automatic checkpoint lets the log reach (1000). */
const bigBody = { text: 'x'.repeat(6000) };

/** Frames in the log since it last started over, read from another connection (which copies them, harmlessly). */
function framesInLog(file: string): number {
  const db = new Database(file);
  try {
    const [row] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number }>;
    return row?.log ?? 0;
  } finally {
    db.close();
  }
}

/** A file in WAL mode whose own connection never checkpoints, as the store opens it, with a table to write to. */
function walFile(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('wal_autocheckpoint = 0');
  db.exec('CREATE TABLE t (x TEXT)');
  return db;
}

const insert = (db: Database.Database, text: string): void => {
  db.prepare('INSERT INTO t VALUES (?)').run(text);
};

describe('SQLite checkpoints off the turn', () => {
  let directory: string;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'partner-coach-checkpoints-'));
  });

  afterEach(async () => {
    sinon.restore();
    await rm(directory, { recursive: true, force: true });
  });

  it('when a commit takes the log past 1000 pages, then the store connection does not checkpoint it (the log keeps growing)', async () => {
    const file = join(directory, 'store.db');
    const store = await openSqliteStore(file, { checkpointEveryMs: never });
    try {
      await store.transaction(async (session) => {
        for (let index = 0; index < 700; index += 1) await session.put({ collection: 'c', id: `big-${index}`, body: bigBody });
      });
      // An automatic checkpoint would have copied the log after that commit, and this write would start it over.
      await store.put({ collection: 'c', id: 'small', body: {} });
      assert.ok(framesInLog(file) > 1000, 'the log still holds every frame');
    } finally {
      await store.close();
    }
  });

  it('when a file is opened, then its commits do not wait for the disk (NORMAL), the checkpoint thread syncs the log', async () => {
    const pragmas = sinon.spy(Database.prototype, 'pragma');
    const store = await openSqliteStore(join(directory, 'normal.db'), { checkpointEveryMs: never });
    await store.close();
    assert.ok(pragmas.args.some(([source]) => source === 'synchronous = NORMAL'));
  });

  it('when a store is opened for a bulk load, then its commits still skip the disk altogether (OFF)', async () => {
    const pragmas = sinon.spy(Database.prototype, 'pragma');
    const store = await openSqliteStore(join(directory, 'bulk.db'), { checkpointEveryMs: never, bulkLoad: true });
    await store.close();
    const synchronous = pragmas.args.map(([source]) => source).filter((source) => source.startsWith('synchronous'));
    assert.deepEqual(synchronous, ['synchronous = OFF']);
  });

  it('when the checkpoint thread is asked, then it copies every frame of the log into the database file', async () => {
    const file = join(directory, 'raw.db');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE t (x TEXT)');
    for (let index = 0; index < 50; index += 1) db.prepare('INSERT INTO t VALUES (?)').run(`row ${index}`);
    const checkpointer = SqliteCheckpointer.start(file, never, (error) => assert.fail(error));
    try {
      const report = await checkpointer.checkpointNow();
      assert.ok(report.log > 0);
      assert.equal(report.checkpointed, report.log);
    } finally {
      await checkpointer.stop();
      db.close();
    }
  });

  it('when the store closes, then its log is folded into the file and removed, as without the checkpoint thread', async () => {
    const file = join(directory, 'closed.db');
    const store = await openSqliteStore(file, { checkpointEveryMs: never });
    await store.put({ collection: 'c', id: 'a', body: { kept: true } });
    await store.close();

    assert.equal(existsSync(`${file}-wal`), false);
    const db = new Database(file, { readonly: true });
    try {
      assert.equal((db.prepare("SELECT count(*) AS n FROM records WHERE id = 'a'").get() as { n: number }).n, 1);
    } finally {
      db.close();
    }
  });

  it('when a store closes right after it opened and nothing else keeps the process alive, then the close still finishes', async function () {
    this.timeout(30_000);
    const file = join(directory, 'quick.db');
    const { stdout } = await promisify(execFile)(process.execPath, ['--import=tsx', join(__dirname, '..', 'support', 'close-after-open.ts'), file], { env: { PATH: process.env.PATH ?? '' } });
    assert.equal(stdout, 'closed');
    assert.equal(existsSync(`${file}-wal`), false, 'the log was folded into the file');
  });

  describe('a checkpoint thread only while the file is written', () => {
    let db: Database.Database;
    let file: string;
    let checkpoints: OnDemandCheckpointer;

    beforeEach(() => {
      file = join(directory, 'on-demand.db');
      db = walFile(file);
      insert(db, 'before');
      // The looks are taken by hand (watch), never by the timer.
      checkpoints = new OnDemandCheckpointer(db, file, { everyMs: never, idleRounds: 2, onFailure: (error) => assert.fail(error) });
    });

    afterEach(async () => {
      await checkpoints.stop();
      db.close();
    });

    it('when nothing is committed for the idle rounds, then the thread stops, after copying the whole log into the file', async () => {
      assert.equal(checkpoints.threadRunning, true, 'a thread from the start');
      await checkpoints.watch();
      assert.equal(checkpoints.threadRunning, true, 'one quiet look is not enough');
      await checkpoints.watch();
      assert.equal(checkpoints.threadRunning, false);
      const other = new Database(file);
      try {
        const [row] = other.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number; checkpointed: number }>;
        assert.ok((row?.log ?? 0) > 0);
        assert.equal(row?.checkpointed, row?.log, 'nothing was left to copy');
      } finally {
        other.close();
      }
    });

    it('when commits keep coming, then the thread keeps running', async () => {
      for (let round = 0; round < 5; round += 1) {
        insert(db, `busy ${round}`);
        await checkpoints.watch();
        assert.equal(checkpoints.threadRunning, true, `round ${round}`);
      }
    });

    it('when the store connection commits after the thread stopped, then the next look starts one again', async () => {
      await checkpoints.watch();
      await checkpoints.watch();
      assert.equal(checkpoints.threadRunning, false);
      insert(db, 'after');
      await checkpoints.watch();
      assert.equal(checkpoints.threadRunning, true);
    });

    it('when another connection commits after the thread stopped (the delivery queue), then the next look starts one again', async () => {
      await checkpoints.watch();
      await checkpoints.watch();
      assert.equal(checkpoints.threadRunning, false);
      const queue = new Database(file);
      try {
        insert(queue, 'from the queue');
      } finally {
        queue.close();
      }
      await checkpoints.watch();
      assert.equal(checkpoints.threadRunning, true);
    });
  });
});
