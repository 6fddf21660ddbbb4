import type { LoopbackConnector } from '../../tests/support/loopback-connector';
import type { Windows } from './cpu-profile';
import { openLoop, percentile, saturate, type Client } from './load';
import { checkProjectTurn, TurnSource, type TurnKind } from './turn-kinds';

/** How much load one run puts on each bot, per turn kind. */
export interface Plan {
  readonly warmupTurns: number;
  /** Closed-loop rounds per bot, alternating: each round gives one paired throughput ratio. */
  readonly rounds: number;
  readonly saturationTurns: number;
  /** Open-loop rounds per bot, alternating: each gives one paired p99 ratio; all their latencies make the pooled p50/p99. */
  readonly latencyRounds: number;
  readonly openLoopSeconds: number;
  readonly rate: number;
  readonly connections: number;
  readonly users: number;
}

// Many short paired rounds: the two figures of a pair lie a second apart, so a neighbour's burst on the shared machine
// hits both or only one round, and the median of the pairs' ratios leaves such a round out; 500 warm-up turns let both
// bots' JIT settle before anything counts.
export const fullPlan: Plan = { warmupTurns: 500, rounds: 16, saturationTurns: 400, latencyRounds: 4, openLoopSeconds: 3, rate: 100, connections: 16, users: 256 };
export const quickPlan: Plan = { warmupTurns: 10, rounds: 1, saturationTurns: 32, latencyRounds: 1, openLoopSeconds: 0.3, rate: 100, connections: 16, users: 16 };

/** One bot's figures for one turn kind. */
export interface BotFigures {
  readonly turnsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly failures: number;
  readonly firstFailure?: string;
  /** The bot process's CPU time (all threads) per turn over the saturation rounds; NaN where it cannot be read. */
  readonly cpuMicrosPerTurn: number;
  /** Throughput of each closed-loop round, in the order the rounds ran. */
  readonly roundTurnsPerSecond: readonly number[];
  /** p99 of each open-loop round, in the order the rounds ran. */
  readonly roundP99Ms: readonly number[];
}

export interface KindResult {
  readonly kind: TurnKind;
  readonly project: BotFigures;
  readonly echo: BotFigures;
  /** When each bot's measured rounds ran, in microseconds of the monotonic clock (what a V8 CPU profile's times count). */
  readonly windows: Readonly<Record<Target['name'], Windows>>;
}

/** A running bot as the measurement sees it: where to post, and how much CPU it has used. */
export interface BotUnderTest {
  readonly url: string;
  cpuMicros(): number | undefined;
}

interface Target {
  readonly name: 'project' | 'echo';
  readonly bot: BotUnderTest;
  readonly source: TurnSource;
}

const monotonicMicros = (): number => Number(process.hrtime.bigint() / 1000n);

/** The turns one bot takes per kind in a run, so the role-play pool has a fresh meeting for every one. */
export const turnsPerBot = (plan: Plan): number => plan.warmupTurns + plan.rounds * plan.saturationTurns + plan.latencyRounds * Math.round(plan.rate * plan.openLoopSeconds);

/**
 * One kind, both bots, alternating: warm-up, then `rounds` closed-loop rounds (throughput at saturation) and
 * `latencyRounds` open-loop rounds at `rate` (latency), each round run by the project and the echo bot back to back,
 * the order swapped every round (ABBA), so both figures of a round see the same machine.
 */
export async function measureKind(kind: TurnKind, plan: Plan, bots: { project: BotUnderTest; echo: BotUnderTest }, client: Client, connector: LoopbackConnector): Promise<KindResult> {
  const users = TurnSource.usersFor(kind, turnsPerBot(plan), plan.users);
  const projectSource = new TurnSource(kind, connector.serviceUrl, users, 'project');
  await projectSource.setUp(client, bots.project.url, connector);
  const targets: Target[] = [
    { name: 'project', bot: bots.project, source: projectSource },
    { name: 'echo', bot: bots.echo, source: projectSource.withSameLearners() },
  ];
  const send = (target: Target) => () => client.post(`${target.bot.url}/api/messages`, target.source.next());
  const windows = { project: [] as Array<readonly [number, number]>, echo: [] as Array<readonly [number, number]> };
  // Runs one measured round and notes when, for a profile.
  const timed = async <R>(target: Target, round: () => Promise<R>): Promise<R> => {
    const startedAt = monotonicMicros();
    const result = await round();
    windows[target.name].push([startedAt, monotonicMicros()]);
    return result;
  };

  for (const target of targets) {
    const before = connector.calls.length;
    const first = await send(target)();
    if (target.name === 'project') checkProjectTurn(kind, first, connector.calls.slice(before).map((call) => call.body));
    await saturate(plan.warmupTurns - 1, plan.connections, send(target));
    connector.reset();
  }

  const totals = new Map(targets.map((target) => [target.name, { turns: 0, seconds: 0, failures: 0, cpuMicros: 0, latencies: [] as number[], firstFailure: undefined as string | undefined, roundTurnsPerSecond: [] as number[], roundP99Ms: [] as number[] }]));
  const inTurn = (round: number): Target[] => (round % 2 === 0 ? targets : [...targets].reverse());
  for (let round = 0; round < plan.rounds; round += 1) {
    for (const target of inTurn(round)) {
      const cpuBefore = target.bot.cpuMicros() ?? Number.NaN;
      const result = await timed(target, () => saturate(plan.saturationTurns, plan.connections, send(target)));
      const cpu = (target.bot.cpuMicros() ?? Number.NaN) - cpuBefore;
      const total = totals.get(target.name);
      if (total) {
        Object.assign(total, { turns: total.turns + result.turns, seconds: total.seconds + result.seconds, cpuMicros: total.cpuMicros + cpu, failures: total.failures + result.failures, firstFailure: total.firstFailure ?? result.firstFailure });
        total.roundTurnsPerSecond.push(result.turns / result.seconds);
      }
      connector.reset();
    }
  }
  for (let round = 0; round < plan.latencyRounds; round += 1) {
    for (const target of inTurn(round)) {
      const result = await timed(target, () => openLoop(plan.rate, plan.openLoopSeconds, send(target)));
      const total = totals.get(target.name);
      if (total) {
        Object.assign(total, { failures: total.failures + result.failures, latencies: [...total.latencies, ...result.latencies], firstFailure: total.firstFailure ?? result.firstFailure });
        total.roundP99Ms.push(percentile(result.latencies, 0.99));
      }
      connector.reset();
    }
  }
  const figures = (name: Target['name']): BotFigures => {
    const total = totals.get(name) ?? { turns: 0, seconds: 1, failures: 0, cpuMicros: Number.NaN, latencies: [], firstFailure: undefined, roundTurnsPerSecond: [], roundP99Ms: [] };
    const sorted = [...total.latencies].sort((a, b) => a - b);
    return {
      turnsPerSecond: total.turns / total.seconds,
      p50Ms: percentile(sorted, 0.5),
      p99Ms: percentile(sorted, 0.99),
      failures: total.failures,
      firstFailure: total.firstFailure,
      cpuMicrosPerTurn: total.cpuMicros / total.turns,
      roundTurnsPerSecond: total.roundTurnsPerSecond,
      roundP99Ms: total.roundP99Ms,
    };
  };
  return { kind, project: figures('project'), echo: figures('echo'), windows };
}
