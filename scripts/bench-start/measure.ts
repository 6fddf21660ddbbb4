import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { messageActivity } from '../../tests/support/activities';
import type { LoopbackConnector } from '../../tests/support/loopback-connector';
import { seedAadObjectId, seedTenantId } from '../seed-users';

/** A started bot: its process, where it listens, and the wall-clock and CPU time from spawn to the first 200 on /healthz. */
export interface Started {
  readonly child: ChildProcess;
  readonly url: string;
  readonly startMs: number;
  /** User and system time of all its threads: steadier than wall-clock time on a machine others share. */
  readonly startCpuMs: number;
}

/**
 * Runs the Dockerfile's command in `folder`, with NODE_ENV=production, SQLite, no model and nothing else in the
 * environment, on the next port; a port some other process took meanwhile (ports 0 land in this range too) is skipped.
 */
export async function startBot(folder: string, databaseFile: string, port: () => number): Promise<Started> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startOn(folder, databaseFile, port());
    } catch (error) {
      if (!(error instanceof PortTaken) || attempt === 5) throw error;
    }
  }
}

class PortTaken extends Error {}

async function startOn(folder: string, databaseFile: string, port: number): Promise<Started> {
  const began = performance.now();
  const child = spawn(process.execPath, ['dist/src/index.js'], {
    cwd: folder,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: `sqlite:${databaseFile}`, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString('utf8');
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw errors.includes('EADDRINUSE') ? new PortTaken(errors) : new Error(`the bot in ${folder} exited with ${child.exitCode}: ${errors}`);
    const ok = await fetch(`${url}/healthz`).then((response) => response.status === 200, () => false);
    if (ok) return { child, url, startMs: performance.now() - began, startCpuMs: cpuMs(child) };
    if (performance.now() - began > 60_000) throw new Error('no 200 on /healthz within 60 s');
    await delay(5);
  }
}

/** utime + stime from /proc/<pid>/stat (fields 14 and 15, in clock ticks of 10 ms). */
function cpuMs(child: ChildProcess): number {
  const fields = readFileSync(`/proc/${child.pid ?? 0}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** The process's resident memory (its threads included), in MB. */
export const rssMb = (child: ChildProcess): number => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid ?? 0}/status`, 'utf8'))?.[1] ?? 0) / 1024;

export async function stopBot(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** `progress` then `practice` in the personal chats of `people` seeded people spread over all `seeded`. */
export async function seededTurns(url: string, connector: LoopbackConnector, people: number, seeded: number): Promise<number> {
  let turns = 0;
  for (let person = 0; person < people; person += 1) {
    const aadObjectId = seedAadObjectId(Math.floor((person * seeded) / people));
    for (const text of ['progress', 'practice']) {
      const activity = messageActivity({ serviceUrl: connector.serviceUrl, aadObjectId, tenantId: seedTenantId, conversationId: `a:personal-${aadObjectId}` }, text);
      const response = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      if (response.status >= 300) throw new Error(`turn ${text} answered ${response.status}`);
      turns += 1;
    }
  }
  return turns;
}
