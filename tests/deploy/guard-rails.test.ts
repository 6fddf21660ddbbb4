import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { AnswerSecretMismatchError, loadAnswerSecret } from '../../src/collect/answer-secret';
import { ConfigError, loadConfig } from '../../src/config';
import { startApp } from '../../src/index';
import { openStore } from '../../src/storage/open-store';

const appId = '0f5a3c1e-9b2d-4c7e-8a11-2b3c4d5e6f70';
const tenantId = '11111111-2222-3333-4444-555555555555';
const production = { MicrosoftAppId: appId, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: tenantId };
const secretA = 'a1'.repeat(32);
const secretB = 'b2'.repeat(32);

describe('production guard rails', function () {
  this.timeout(20000);
  let folder: string;
  let databaseUrl: string;

  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'partner-coach-guard-'));
    databaseUrl = `sqlite:${path.join(folder, 'coach.db')}`;
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  const start = (env: Record<string, string>): ReturnType<typeof startApp> =>
    startApp(loadConfig({ PORT: '0', DATABASE_URL: databaseUrl, ...env }), { logger: pino({ level: 'silent' }) });

  it('when an app id is set and DATABASE_URL is not, then start-up is refused with a message about the default SQLite path', () => {
    assert.throws(() => loadConfig(production), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.deepEqual(error.problems.filter((problem) => problem.startsWith('DATABASE_URL')).length, 1);
      assert.match(error.message, /DATABASE_URL: required when MicrosoftAppId is set; the default sqlite:\.\/data\/partner-coach\.db is lost with the container/);
      return true;
    });
  });

  it('when an app id is set and DATABASE_URL names the SQLite file explicitly, then it is accepted', () => {
    assert.equal(loadConfig({ ...production, DATABASE_URL: 'sqlite:./data/partner-coach.db' }).databaseUrl, 'sqlite:./data/partner-coach.db');
    assert.equal(loadConfig({}).databaseUrl, 'sqlite:./data/partner-coach.db', 'local mode keeps the default');
  });

  it('when an app id and PostgreSQL are set without an answer secret, then start-up is refused naming ANSWER_SECRET', () => {
    assert.throws(() => loadConfig({ ...production, DATABASE_URL: 'postgres://u:p@db.example.org/coach' }), /ANSWER_SECRET: required with MicrosoftAppId and PostgreSQL/);
    assert.ok(loadConfig({ ...production, DATABASE_URL: 'postgres://u:p@db.example.org/coach', ANSWER_SECRET: secretA }).bot);
  });

  it('when ANSWER_SECRET is not long hex, or is set together with ANSWER_SECRET_FILE, then it is refused', () => {
    assert.throws(() => loadConfig({ ANSWER_SECRET: 'correct horse battery staple' }), /ANSWER_SECRET: must be at least 32 bytes as hex/);
    assert.throws(() => loadConfig({ ANSWER_SECRET: 'ab'.repeat(31) }), /ANSWER_SECRET/);
    assert.throws(() => loadConfig({ ANSWER_SECRET: secretA, ANSWER_SECRET_FILE: '/run/secrets/answers' }), /either ANSWER_SECRET or ANSWER_SECRET_FILE, not both/);
  });

  it('when the answer secret comes from the environment, then the app starts and restarts on it and writes no secret file', async () => {
    assert.deepEqual(loadAnswerSecret(loadConfig({ DATABASE_URL: databaseUrl, ANSWER_SECRET: secretA }), folder), Buffer.from(secretA, 'hex'));
    const first = await start({ ANSWER_SECRET: secretA });
    assert.equal((await fetch(`${first.url}/readyz`)).status, 200);
    await first.stop();
    const second = await start({ ANSWER_SECRET: secretA.toUpperCase() });
    await second.stop();
    assert.equal(existsSync(path.join(folder, 'coach.db.collect-secret')), false);
  });

  it('when the answer secret changes between starts, then the second start is refused with a clear message', async () => {
    await (await start({ ANSWER_SECRET: secretA })).stop();
    await assert.rejects(start({ ANSWER_SECRET: secretB }), (error: unknown) => {
      assert.ok(error instanceof AnswerSecretMismatchError);
      assert.match(error.message, /does not match the one this database was started with.*Restore the original ANSWER_SECRET or ANSWER_SECRET_FILE/s);
      return true;
    });
  });

  it('when the secret file is lost and a new one is minted (an ephemeral disk), then the start is refused', async () => {
    const secretFile = path.join(folder, 'secrets', 'answers');
    await (await start({ ANSWER_SECRET_FILE: secretFile })).stop();
    rmSync(secretFile);
    await assert.rejects(start({ ANSWER_SECRET_FILE: secretFile }), AnswerSecretMismatchError);
  });

  it('when the database is read, then it holds a fingerprint of the secret and never the secret itself', async () => {
    await (await start({ ANSWER_SECRET: secretA })).stop();
    const store = await openStore(databaseUrl);
    try {
      const record = await store.get<{ fingerprint: string }>('system', 'answer-secret-fingerprint');
      assert.match(record?.body.fingerprint ?? '', /^[0-9a-f]{64}$/);
      assert.notEqual(record?.body.fingerprint, secretA);
      assert.ok(!JSON.stringify(record).includes(secretA.slice(0, 16)));
    } finally {
      await store.close();
    }
  });
});
