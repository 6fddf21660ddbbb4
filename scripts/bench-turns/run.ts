import { rmSync } from 'node:fs';
import path from 'node:path';
import { LoopbackConnector } from '../../tests/support/loopback-connector';
import { benchFolder, prepare, startBot, type BotProcess, type Runner } from './bot-processes';
import { hotSpots, type HotSpot } from './cpu-profile';
import { Client } from './load';
import { measureKind, type KindResult, type Plan } from './measure';
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
      results.push(await measureKind(kind, options.plan, { project: project.url, echo: echo.url }, client, connector));
    }
    return results;
  } finally {
    client.close();
    for (const bot of started) await bot.stop();
    await connector.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The project alone, a fresh process per kind with --cpu-prof, loaded as in the bench; the functions with most self time. */
export async function profileKinds(options: RunOptions, profileDir: string, top: number): Promise<Map<TurnKind, HotSpot[]>> {
  const folder = benchFolder();
  const connector = await LoopbackConnector.start();
  const client = new Client(options.plan.connections);
  const spots = new Map<TurnKind, HotSpot[]>();
  try {
    const entries = prepare(options.runner, folder);
    for (const kind of options.kinds) {
      options.log(`bench:turns: profiling ${kind}`);
      const kindDir = path.join(profileDir, kind);
      const project = await startBot(entries, entries.project, { env: { ...projectEnv(folder), DATABASE_URL: `sqlite:${path.join(folder, 'data', `${kind}.db`)}` }, cpuProfileDir: kindDir });
      const echo = await startBot(entries, entries.echo);
      try {
        await measureKind(kind, options.plan, { project: project.url, echo: echo.url }, client, connector);
      } finally {
        await project.stop();
        await echo.stop();
      }
      spots.set(kind, hotSpots(kindDir, top, project.readyAfterMs));
    }
    return spots;
  } finally {
    client.close();
    await connector.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}
