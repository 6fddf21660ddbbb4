import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

export const projectRoot = path.resolve(__dirname, '..', '..');

/** How the bots run: `built` = tsc to a temp dir and plain node, as npm start and the Dockerfile do; `tsx` = from source. */
export type Runner = 'built' | 'tsx';

export interface Entries {
  readonly project: string;
  readonly echo: string;
  readonly nodeArgs: readonly string[];
  /** The folder the bots run in: no .env there, so only the settings given here apply. */
  readonly cwd: string;
}

/** Builds the project and the echo bot into `folder` (with package.json, cards, content and node_modules linked beside), or runs them from source. */
export function prepare(runner: Runner, folder: string): Entries {
  symlinkSync(path.join(projectRoot, 'node_modules'), path.join(folder, 'node_modules'));
  if (runner === 'tsx') {
    return { project: path.join(projectRoot, 'src', 'index.ts'), echo: path.join(__dirname, 'echo-bot.ts'), nodeArgs: ['--import', 'tsx'], cwd: folder };
  }
  const outDir = path.join(folder, 'dist');
  const tsconfig = path.join(folder, 'tsconfig.bench.json');
  writeFileSync(tsconfig, JSON.stringify({
    extends: path.join(projectRoot, 'tsconfig.json'),
    compilerOptions: { outDir, rootDir: projectRoot, sourceMap: false, types: ['node'] },
    include: [path.join(projectRoot, 'src', '**', '*.ts'), path.join(__dirname, 'echo-bot.ts')],
  }));
  const tsc = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', tsconfig], { stdio: 'inherit' });
  if (tsc.status !== 0) throw new Error('bench:turns: the build failed');
  for (const name of ['package.json', 'cards', 'content']) symlinkSync(path.join(projectRoot, name), path.join(folder, name));
  return { project: path.join(outDir, 'src', 'index.js'), echo: path.join(outDir, 'scripts', 'bench-turns', 'echo-bot.js'), nodeArgs: [], cwd: folder };
}

/** A bot in its own process, listening on a port the OS chose. */
export interface BotProcess {
  readonly url: string;
  /** From spawn to the listening line: what a profile leaves out to show turns, not start-up. */
  readonly readyAfterMs: number;
  /** CPU time the process has used so far (user + system, all threads), in microseconds; undefined where /proc is missing. */
  cpuMicros(): number | undefined;
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly env?: Record<string, string>;
  /** Writes a V8 CPU profile into this folder when the process exits. */
  readonly cpuProfileDir?: string;
}

/** Starts `entry`, waits for the log line that names its URL, and keeps draining its output. */
export async function startBot(entries: Entries, entry: string, options: StartOptions = {}): Promise<BotProcess> {
  const spawnedAt = performance.now();
  const profile = options.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir] : [];
  const child = spawn(process.execPath, [...profile, ...entries.nodeArgs, entry], {
    cwd: entries.cwd,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', ...options.env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    let found = false;
    lines.on('line', (line) => {
      if (found) return;
      const logged = parseLine(line);
      if (logged?.url) {
        found = true;
        resolve(logged.url.replace(/\/api\/messages$/, ''));
      }
    });
    child.once('exit', (code) => reject(new Error(`${path.basename(entry)} exited (${code}) before it listened`)));
  });
  return { url, readyAfterMs: performance.now() - spawnedAt, cpuMicros: () => cpuMicrosOf(child.pid), stop: () => stop(child) };
}

function parseLine(line: string): { url?: string } | undefined {
  try {
    return JSON.parse(line) as { url?: string };
  } catch {
    return undefined;
  }
}

// utime and stime in clock ticks (USER_HZ, 100 on Linux): fields 14 and 15 of /proc/<pid>/stat, counted after the command's closing parenthesis.
const ticksPerSecond = 100;
function cpuMicrosOf(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / ticksPerSecond;
  } catch {
    return undefined;
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** A fresh temp folder for one bench run. */
export function benchFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'partner-coach-bench-turns-'));
  mkdirSync(path.join(folder, 'data'));
  return folder;
}
