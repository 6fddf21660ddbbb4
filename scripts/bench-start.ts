import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { LoopbackConnector } from '../tests/support/loopback-connector';
import { buildCommit, buildWorkingTree, type AppBuild } from './bench-start/app-builds';
import { rssMb, seededTurns, startBot, stopBot } from './bench-start/measure';
import { seedUsers } from './seed-users';

/**
 * npm run bench:start [-- --baseline <ref> --runs 3 --people 200 --idle 40 --seed data/seed.db --users 10000]
 * Start time and memory of the built app as production runs it (node dist/src/index.js, NODE_ENV=production, SQLite,
 * no language model), for a baseline commit (default: where this branch left main) and this working tree, started
 * alternately in one run so both see the same machine:
 *   start            spawn to the first 200 on /healthz, on an empty database; start CPU: its threads' CPU time by then
 *   idle RSS         resident memory 2 s after that
 *   seeded start     the same on the seeded file (npm run seed:users; seeded here first when the file is missing)
 *   seeded idle RSS  2 s after the seeded start
 *   after turns      `progress` and `practice` by `people` seeded people, 2 s after the last answer
 *   after idle       `idle` seconds later without a turn, as an admin sees it between uses (0 skips it)
 * Each figure is the median of `runs` starts. Ports 44000–44099.
 */
const args = new Map(process.argv.slice(2).flatMap((arg, index, all) => (arg.startsWith('--') ? [[arg.slice(2), all[index + 1] ?? '']] : [])));
const root = path.resolve(__dirname, '..');
const seedFile = path.resolve(args.get('seed') ?? path.join(root, 'data', 'seed.db'));
const runs = Number(args.get('runs') ?? 3);
const people = Number(args.get('people') ?? 200);
const seededUsers = Number(args.get('users') ?? 10_000);
const baseline = args.get('baseline') ?? execFileSync('git', ['merge-base', 'HEAD', 'main'], { cwd: root, encoding: 'utf8' }).trim();
const idleMs = Number(args.get('idle') ?? 40) * 1000;
const settleMs = 2_000;
const connectorPort = 44_000;

/** The bots' ports, 44011–44099 in turn: a stopped bot's port is not reused at once. */
function portsInRange(): () => number {
  let last = 44_010;
  return () => (last = last >= 44_099 ? 44_011 : last + 1);
}

const figures = ['start to /healthz (ms)', 'start CPU (ms)', 'idle RSS (MB)', 'seeded start (ms)', 'seeded start CPU (ms)', 'seeded idle RSS (MB)', 'RSS after turns (MB)', `RSS after ${idleMs / 1000} s idle (MB)`] as const;
type Figure = (typeof figures)[number];
type Samples = Map<Figure, number[]>;

const record = (samples: Samples, figure: Figure, value: number): void => {
  samples.set(figure, [...(samples.get(figure) ?? []), value]);
};

async function measureOnce(build: AppBuild, folder: string, run: number, connector: LoopbackConnector, port: () => number, samples: Samples): Promise<void> {
  const empty = await startBot(build.folder, path.join(folder, `empty-${path.basename(build.folder)}-${run}.db`), port);
  await delay(settleMs);
  record(samples, 'start to /healthz (ms)', empty.startMs);
  record(samples, 'start CPU (ms)', empty.startCpuMs);
  record(samples, 'idle RSS (MB)', rssMb(empty.child));
  await stopBot(empty.child);

  const seeded = await startBot(build.folder, seedFile, port);
  try {
    await delay(settleMs);
    record(samples, 'seeded start (ms)', seeded.startMs);
    record(samples, 'seeded start CPU (ms)', seeded.startCpuMs);
    record(samples, 'seeded idle RSS (MB)', rssMb(seeded.child));
    await seededTurns(seeded.url, connector, people, seededUsers);
    await delay(settleMs);
    record(samples, 'RSS after turns (MB)', rssMb(seeded.child));
    if (idleMs > 0) {
      await delay(idleMs);
      record(samples, `RSS after ${idleMs / 1000} s idle (MB)`, rssMb(seeded.child));
    }
  } finally {
    await stopBot(seeded.child);
  }
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

function table(builds: readonly AppBuild[], samples: ReadonlyMap<AppBuild, Samples>): string[] {
  const [before, after] = builds;
  const cell = (build: AppBuild | undefined, figure: Figure): number => median(samples.get(build as AppBuild)?.get(figure) ?? []);
  const digits = (figure: Figure): number => (figure.endsWith('(ms)') ? 0 : 1);
  const lines = [`| figure | ${builds.map((build) => build.label).join(' | ')} | change |`, `|---|${builds.map(() => '---').join('|')}|---|`];
  for (const figure of figures.filter((name) => samples.get(before as AppBuild)?.has(name))) {
    const values = builds.map((build) => cell(build, figure));
    const change = ((cell(after, figure) / cell(before, figure) - 1) * 100).toFixed(1);
    const runsOf = (build: AppBuild): string => (samples.get(build)?.get(figure) ?? []).map((value) => value.toFixed(digits(figure))).join(', ');
    lines.push(`| ${figure} | ${values.map((value, index) => `${value.toFixed(digits(figure))} (${runsOf(builds[index] as AppBuild)})`).join(' | ')} | ${Number(change) > 0 ? '+' : ''}${change} % |`);
  }
  return lines;
}

async function main(): Promise<void> {
  if (!existsSync(seedFile)) {
    console.log(`seeding ${seededUsers} people into ${seedFile} (once; npm run seed:users)`);
    const report = await seedUsers({ file: seedFile, users: seededUsers, days: 365, teamSize: 10, now: new Date() });
    console.log(`  ${report.records} records in ${report.seconds.toFixed(1)} s`);
  }
  const folder = mkdtempSync(path.join(tmpdir(), 'partner-coach-start-'));
  const connector = await LoopbackConnector.start(connectorPort);
  try {
    const builds = [buildCommit(folder, baseline), buildWorkingTree(folder)];
    const samples = new Map(builds.map((build) => [build, new Map() as Samples]));
    const port = portsInRange();
    for (let run = 0; run < runs; run += 1) {
      // Alternate which build goes first, so neither always follows the other's disk and page-cache state.
      for (const build of run % 2 === 0 ? builds : [...builds].reverse()) await measureOnce(build, folder, run, connector, port, samples.get(build) as Samples);
    }
    console.log(`node dist/src/index.js (NODE_ENV=production, SQLite, no model); median of ${runs} starts (runs in brackets); seeded: ${seedFile}, ${people} people × progress + practice`);
    for (const line of table(builds, samples)) console.log(line);
  } finally {
    await connector.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
