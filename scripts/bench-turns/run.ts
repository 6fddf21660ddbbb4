import { rmSync } from 'node:fs';
import path from 'node:path';
import { LoopbackConnector } from '../../tests/support/loopback-connector';
import { benchFolder, prepare, startBot, type BotProcess, type Runner } from './bot-processes';
import { hotSpots, selfTimes, type HotSpot } from './cpu-profile';
import { Client } from './load';
import { measureKind, turnsPerBot, type KindResult, type Plan } from './measure';
import type { TurnKind } from './turn-kinds';

export interface RunOptions {
  readonly plan: Plan;
  readonly runner: Runner;
  readonly kinds: readonly TurnKind[];
  /** Progress lines (build, start, each kind). */
  readonly log: (line: string) => void;
}

/** Local mode for both bots: no MicrosoftAppId, so no inbound token check and no outbound token (what npm start and the tests run). */
const projectEnv = (folder: string): Record<string, string> => ({
  PORT: '0',
  HOST: '127.0.0.1',
  DATABASE_URL: `sqlite:${path.join(folder, 'data', 'bench.db')}`,
  LOG_LEVEL: 'info',
});

/** Both bots side by side, one turn kind after the other. */
export async function runBench(options: RunOptions): Promise<KindResult[]> {
  const folder = benchFolder();
  const started: BotProcess[] = [];
  const connector = await LoopbackConnector.start();
  const client = new Client(options.plan.connections);
  try {
    options.log(`bench:turns: preparing the bots (${options.runner}) in ${folder}`);
    const entries = prepare(options.runner, folder);
    const project = await startBot(entries, entries.project, { env: projectEnv(folder) });
    started.push(project);
    const echo = await startBot(entries, entries.echo);
    started.push(echo);
    const results: KindResult[] = [];
    for (const kind of options.kinds) {
      options.log(`bench:turns: ${kind}`);
      results.push(await measureKind(kind, options.plan, { project, echo }, client, connector));
    }
    return results;
  } finally {
    client.close();
    for (const bot of started) await bot.stop();
    await connector.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** What a profiled run found for one kind: the project's busiest functions, and the areas where it spends most beyond the echo bot; per turn. */
export interface KindProfile {
  readonly busy: { readonly project: number; readonly echo: number };
  readonly functions: readonly HotSpot[];
  readonly areas: readonly HotSpot[];
}

/**
 * Fresh profiled processes of both bots per kind, loaded as in the bench; self time per measured turn (start-up, set-up
 * and warm-up left out), so what the project does beyond the echo bot shows function by function and area by area.
 */
export async function profileKinds(options: RunOptions, profileDir: string, top: number): Promise<Map<TurnKind, KindProfile>> {
  const folder = benchFolder();
  const connector = await LoopbackConnector.start();
  const client = new Client(options.plan.connections);
  const profiles = new Map<TurnKind, KindProfile>();
  const turns = turnsPerBot(options.plan) - options.plan.warmupTurns;
  try {
    const entries = prepare(options.runner, folder);
    for (const kind of options.kinds) {
      options.log(`bench:turns: profiling ${kind}`);
      const dirs = { project: path.join(profileDir, kind), echo: path.join(profileDir, `${kind}-echo`) };
      const project = await startBot(entries, entries.project, { env: { ...projectEnv(folder), DATABASE_URL: `sqlite:${path.join(folder, 'data', `${kind}.db`)}` }, cpuProfileDir: dirs.project });
      const echo = await startBot(entries, entries.echo, { cpuProfileDir: dirs.echo });
      let windows: KindResult['windows'] = { project: [], echo: [] };
      try {
        windows = (await measureKind(kind, options.plan, { project, echo }, client, connector)).windows;
      } finally {
        await project.stop();
        await echo.stop();
      }
      const times = { project: selfTimes(dirs.project, windows.project), echo: selfTimes(dirs.echo, windows.echo) };
      profiles.set(kind, {
        busy: { project: times.project.busy / turns, echo: times.echo.busy / turns },
        functions: hotSpots(times.project.functions, times.echo.functions, turns, top),
        areas: hotSpots(times.project.areas, times.echo.areas, turns, top, true),
      });
    }
    return profiles;
  } finally {
    client.close();
    await connector.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}
