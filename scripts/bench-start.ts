import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { messageActivity } from '../tests/support/activities';
import { LoopbackConnector } from '../tests/support/loopback-connector';
import { seedAadObjectId, seedTenantId } from './seed-users';

/**
 * npm run bench:start [-- --seed data/seed.db --runs 3 --turns 30]
 * Start time and memory as production runs the bot. It compiles the app with tsc into a temporary folder laid out
 * like the Docker image (dist/, cards/, content/, package.json, node_modules) and runs the Dockerfile's command,
 * `node dist/src/index.js`, with NODE_ENV=production, SQLite, no language model and nothing else in the environment.
 *   start       from spawning node to the first 200 on /healthz
 *   idle RSS    the process's resident memory 2 s after that, on an empty database
 *   seeded RSS  the same on the seeded file (npm run seed:users), after `turns` turns by seeded people
 *               (help, progress and practice in their personal chats), 2 s after the last answer
 * Each figure is the median of `runs` starts.
 */
const args = new Map(process.argv.slice(2).flatMap((arg, index, all) => (arg.startsWith('--') ? [[arg.slice(2), all[index + 1] ?? '']] : [])));
const root = path.resolve(__dirname, '..');
const seedFile = path.resolve(args.get('seed') ?? path.join(root, 'data', 'seed.db'));
const runs = Number(args.get('runs') ?? 3);
const turns = Number(args.get('turns') ?? 30);
const seededUsers = Number(args.get('users') ?? 10_000);

interface Started {
  readonly child: ChildProcess;
  readonly url: string;
  readonly startMs: number;
}

/** The app built as the Docker image holds it, in a temporary folder. */
function buildApp(folder: string): string {
  const app = path.join(folder, 'app');
  mkdirSync(app);
  for (const entry of ['package.json', 'cards', 'content', 'node_modules']) symlinkSync(path.join(root, entry), path.join(app, entry));
  const built = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.json'), '--outDir', path.join(app, 'dist')], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('tsc failed');
  return app;
}

async function start(app: string, databaseFile: string): Promise<Started> {
  const began = performance.now();
  const child = spawn(process.execPath, ['dist/src/index.js'], {
    cwd: app,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', DATABASE_URL: `sqlite:${databaseFile}`, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the bot exited with ${child.exitCode}: ${output}`);
    const listening = /"url":"(http:\/\/[^"/]+)\/api\/messages"/.exec(output)?.[1];
    const ok = listening ? await fetch(`${listening}/healthz`).then((response) => response.status === 200, () => false) : false;
    if (ok && listening) return { child, url: listening, startMs: performance.now() - began };
    if (performance.now() - began > 60_000) throw new Error('no 200 on /healthz within 60 s');
    await delay(5);
  }
}

const rssMb = (pid: number): number => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function seededTurns(url: string, connector: LoopbackConnector): Promise<void> {
  for (let turn = 0; turn < turns; turn += 1) {
    const aadObjectId = seedAadObjectId(Math.floor((turn * 7_919) % seededUsers));
    const text = ['help', 'progress', 'practice'][turn % 3] ?? 'help';
    const activity = messageActivity({ serviceUrl: connector.serviceUrl, aadObjectId, tenantId: seedTenantId, conversationId: `a:personal-${aadObjectId}` }, text);
    const response = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    if (response.status >= 300) throw new Error(`turn ${text} answered ${response.status}`);
  }
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

async function main(): Promise<void> {
  const folder = mkdtempSync(path.join(tmpdir(), 'partner-coach-start-'));
  const connector = await LoopbackConnector.start();
  try {
    const app = buildApp(folder);
    const empty = { start: [] as number[], rss: [] as number[] };
    const seeded = { start: [] as number[], rss: [] as number[] };
    for (let run = 0; run < runs; run += 1) {
      const fresh = await start(app, path.join(folder, `empty-${run}.db`));
      await delay(2_000);
      empty.start.push(fresh.startMs);
      empty.rss.push(rssMb(fresh.child.pid ?? 0));
      await stop(fresh.child);
      if (!existsSync(seedFile)) continue;
      const withSeed = await start(app, seedFile);
      await seededTurns(withSeed.url, connector);
      await delay(2_000);
      seeded.start.push(withSeed.startMs);
      seeded.rss.push(rssMb(withSeed.child.pid ?? 0));
      await stop(withSeed.child);
    }
    console.log(`start and memory of node dist/src/index.js (NODE_ENV=production, SQLite, no model), median of ${runs} starts`);
    console.log(`  start to first 200 on /healthz   ${median(empty.start).toFixed(0)} ms (runs: ${empty.start.map((ms) => ms.toFixed(0)).join(', ')})`);
    console.log(`  RSS at idle after start          ${median(empty.rss).toFixed(1)} MB (runs: ${empty.rss.map((mb) => mb.toFixed(1)).join(', ')})`);
    if (seeded.rss.length === 0) {
      console.log(`  seeded RSS                       skipped: no ${seedFile} (npm run seed:users -- --users 10000 --file ${path.relative(root, seedFile)})`);
      return;
    }
    console.log(`  start on the seeded file         ${median(seeded.start).toFixed(0)} ms (${seedFile})`);
    console.log(`  RSS after ${turns} seeded turns      ${median(seeded.rss).toFixed(1)} MB (runs: ${seeded.rss.map((mb) => mb.toFixed(1)).join(', ')})`);
  } finally {
    await connector.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
