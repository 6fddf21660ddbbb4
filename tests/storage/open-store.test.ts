import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openStore, parseDatabaseUrl } from '../../src/storage/open-store';
import { createFreshDatabase } from '../support/postgres';

describe('openStore', () => {
  it('when the URL is postgres:// or postgresql://, then PostgreSQL is chosen with the URL unchanged', () => {
    for (const url of ['postgres://u:p@db:5432/pc', 'postgresql://u:p@db/pc?sslmode=require', 'PostgreSQL://db/pc']) {
      assert.deepEqual(parseDatabaseUrl(url), { engine: 'postgres', url });
    }
  });

  it('when the URL is sqlite:, file: or a plain path, then SQLite is chosen with that path', () => {
    const cases: [string, string][] = [
      ['sqlite:./data/partner-coach.db', './data/partner-coach.db'],
      ['sqlite:///var/lib/partner-coach/pc.db', '/var/lib/partner-coach/pc.db'],
      ['sqlite::memory:', ':memory:'],
      ['file:./data/pc.db', './data/pc.db'],
      [pathToFileURL('/srv/pc data/pc.db').href, '/srv/pc data/pc.db'],
      ['./data/pc.db', './data/pc.db'],
      ['/srv/pc.db', '/srv/pc.db'],
      [':memory:', ':memory:'],
      ['C:\\data\\pc.db', 'C:\\data\\pc.db'],
    ];
    for (const [url, path] of cases) assert.deepEqual(parseDatabaseUrl(url), { engine: 'sqlite', path }, url);
  });

  it('when the URL names another engine or no file, then it is refused without repeating the rest of the URL', () => {
    assert.throws(() => parseDatabaseUrl('mysql://root:secret@db/pc'), (error: Error) => {
      assert.match(error.message, /unsupported database URL scheme "mysql:"/);
      assert.doesNotMatch(error.message, /secret/);
      return true;
    });
    assert.throws(() => parseDatabaseUrl('sqlite:'), /names no file/);
  });

  it('when the default sqlite: URL form is opened, then a SQLite store comes back and its folder is created', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'partner-coach-open-'));
    try {
      const store = await openStore(`sqlite:${join(directory, 'data', 'partner-coach.db')}`);
      assert.equal(store.engine, 'sqlite');
      await store.ping();
      await store.close();
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it('when a postgres:// URL is opened, then a PostgreSQL store comes back', async () => {
    const database = await createFreshDatabase();
    try {
      const store = await openStore(database.url);
      assert.equal(store.engine, 'postgres');
      await store.ping();
      await store.close();
    } finally {
      await database.drop();
    }
  });
});
