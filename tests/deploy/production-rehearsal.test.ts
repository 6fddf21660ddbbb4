import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { dockerfileStages, execForm, instructionsOf, stageEnv } from './dockerfile-stages';
import { localPrebuild, rehearseStages } from './rehearsal';

describe('production rehearsal: what the Dockerfile copies and runs, in an empty folder', function () {
  // One offline production install and one TypeScript build: slow, so everything is checked on a single start.
  this.timeout(8 * 60_000);
  let scratch: string;
  let app: ChildProcess | undefined;

  before(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'partner-coach-rehearsal-'));
  });
  after(async () => {
    if (app && app.exitCode === null) {
      app.kill('SIGTERM');
      await once(app, 'exit');
    }
    rmSync(scratch, { recursive: true, force: true });
  });

  it('when the copied files are installed, built and started as the image would, then /healthz, /readyz and the HEALTHCHECK answer', async () => {
    const stages = dockerfileStages();
    const final = stages.at(-1);
    assert.ok(final);
    const rehearsed = rehearseStages(stages, scratch, { ...process.env, ...localPrebuild(path.join(scratch, 'prebuilds')) }).get(final.name);
    assert.ok(rehearsed);
    assert.ok(!existsSync(path.join(rehearsed.folder, 'node_modules', 'typescript')), 'dev dependencies were installed in the run stage');
    assert.ok(!existsSync(path.join(rehearsed.folder, 'src')), 'the run stage holds the TypeScript sources');

    const [command, ...args] = execForm(instructionsOf(final, 'CMD').at(-1) ?? assert.fail('no CMD'));
    assert.equal(command, 'node');
    // Only what the image sets, plus an OS-chosen port: nothing from this machine's .env or shell leaks in.
    const env = { PATH: process.env['PATH'] ?? '', ...stageEnv(final), PORT: '0', LOG_LEVEL: 'info' };
    app = spawn(process.execPath, args, { cwd: rehearsed.folder, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const baseUrl = await listeningUrl(app);

    assert.equal((await fetch(`${baseUrl}/healthz`)).status, 200);
    assert.equal((await fetch(`${baseUrl}/readyz`)).status, 200);
    const [checkCommand, ...checkArgs] = execForm(instructionsOf(final, 'HEALTHCHECK')[0] ?? assert.fail('no HEALTHCHECK'));
    assert.equal(checkCommand, 'node');
    const check = spawnSync(process.execPath, checkArgs, { env: { ...env, PORT: new URL(baseUrl).port }, encoding: 'utf8' });
    assert.equal(check.status, 0, `HEALTHCHECK failed: ${check.stderr}`);
    assert.ok(existsSync(path.join(rehearsed.folder, 'data', 'partner-coach.db')), 'the default database is not under the volume');
  });
});

/** Reads the app's pino log until it says where it listens; fails with the log if it exits first. */
async function listeningUrl(child: ChildProcess): Promise<string> {
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "listening" line within 30 s:\n${output}`)), 30_000);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      for (const line of output.split('\n')) {
        if (!line.includes('Partner Coach is listening')) continue;
        clearTimeout(timer);
        resolve(new URL((JSON.parse(line) as { url: string }).url).origin);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the app exited (${code}) before listening:\n${output}`));
    });
  });
}
