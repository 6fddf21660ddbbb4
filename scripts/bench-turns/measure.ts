import type { LoopbackConnector } from '../../tests/support/loopback-connector';
import { openLoop, percentile, saturate, type Client } from './load';
import { checkProjectTurn, TurnSource, type TurnKind } from './turn-kinds';

/** How much load one run puts on each bot, per turn kind. */
export interface Plan {
  readonly warmupTurns: number;
  readonly rounds: number;
  readonly saturationTurns: number;
  readonly openLoopSeconds: number;
  readonly rate: number;
  readonly connections: number;
  readonly users: number;
}

export const fullPlan: Plan = { warmupTurns: 200, rounds: 2, saturationTurns: 600, openLoopSeconds: 4, rate: 100, connections: 16, users: 256 };
export const quickPlan: Plan = { warmupTurns: 10, rounds: 1, saturationTurns: 32, openLoopSeconds: 0.3, rate: 100, connections: 16, users: 16 };

/** One bot's figures for one turn kind. */
export interface BotFigures {
  readonly turnsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly failures: number;
  readonly firstFailure?: string;
}

export interface KindResult {
  readonly kind: TurnKind;
  readonly project: BotFigures;
  readonly echo: BotFigures;
}

interface Target {
  readonly name: 'project' | 'echo';
  readonly url: string;
  readonly source: TurnSource;
}

/** The turns one bot takes per kind in a run, so the role-play pool has a fresh meeting for every one. */
export const turnsPerBot = (plan: Plan): number => plan.warmupTurns + plan.rounds * (plan.saturationTurns + Math.round(plan.rate * plan.openLoopSeconds));

/**
 * One kind, both bots, alternating: warm-up, then `rounds` closed-loop rounds (throughput at saturation) and `rounds`
 * open-loop rounds at `rate` (latency), each round run by the project and the echo bot in turn, first one then the other.
 */
export async function measureKind(kind: TurnKind, plan: Plan, urls: { project: string; echo: string }, client: Client, connector: LoopbackConnector): Promise<KindResult> {
  const users = TurnSource.usersFor(kind, turnsPerBot(plan), plan.users);
  const projectSource = new TurnSource(kind, connector.serviceUrl, users, 'project');
  await projectSource.setUp(client, urls.project, connector);
  const targets: Target[] = [
    { name: 'project', url: urls.project, source: projectSource },
    { name: 'echo', url: urls.echo, source: projectSource.withSameLearners() },
  ];
  const send = (target: Target) => () => client.post(`${target.url}/api/messages`, target.source.next());

  for (const target of targets) {
    const before = connector.calls.length;
    const first = await send(target)();
    if (target.name === 'project') checkProjectTurn(kind, first, connector.calls.slice(before).map((call) => call.body));
    await saturate(plan.warmupTurns - 1, plan.connections, send(target));
    connector.reset();
  }

  const totals = new Map(targets.map((target) => [target.name, { turns: 0, seconds: 0, failures: 0, latencies: [] as number[], firstFailure: undefined as string | undefined }]));
  const inTurn = (round: number): Target[] => (round % 2 === 0 ? targets : [...targets].reverse());
  for (let round = 0; round < plan.rounds; round += 1) {
    for (const target of inTurn(round)) {
      const result = await saturate(plan.saturationTurns, plan.connections, send(target));
      const total = totals.get(target.name);
      if (total) Object.assign(total, { turns: total.turns + result.turns, seconds: total.seconds + result.seconds, failures: total.failures + result.failures, firstFailure: total.firstFailure ?? result.firstFailure });
      connector.reset();
    }
  }
  for (let round = 0; round < plan.rounds; round += 1) {
    for (const target of inTurn(round)) {
      const result = await openLoop(plan.rate, plan.openLoopSeconds, send(target));
      const total = totals.get(target.name);
      if (total) Object.assign(total, { failures: total.failures + result.failures, latencies: [...total.latencies, ...result.latencies], firstFailure: total.firstFailure ?? result.firstFailure });
      connector.reset();
    }
  }
  const figures = (name: Target['name']): BotFigures => {
    const total = totals.get(name) ?? { turns: 0, seconds: 1, failures: 0, latencies: [], firstFailure: undefined };
    const sorted = [...total.latencies].sort((a, b) => a - b);
    return { turnsPerSecond: total.turns / total.seconds, p50Ms: percentile(sorted, 0.5), p99Ms: percentile(sorted, 0.99), failures: total.failures, firstFailure: total.firstFailure };
  };
  return { kind, project: figures('project'), echo: figures('echo') };
}
