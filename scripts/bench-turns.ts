import { resolve } from 'node:path';
import type { Runner } from './bench-turns/bot-processes';
import { fullPlan, quickPlan, type Plan } from './bench-turns/measure';
import { pairedRatios } from './bench-turns/paired';
import { profileKinds, runBench } from './bench-turns/run';
import { resultTable } from './bench-turns/table';
import { turnKinds, type TurnKind } from './bench-turns/turn-kinds';

/**
 * npm run bench:turns [-- --quick] [--runner built|tsx] [--kinds help,practice] [--profile <dir>] [--rounds n] [--latency-rounds n] [--warmup n]
 * The project (built with tsc and run with node, as npm start and the Dockerfile do; --runner tsx runs it from source)
 * against a bare botbuilder echo bot, both in local mode, both replying to one loopback Bot Connector, 16 connections.
 * Per turn kind: throughput at saturation (closed loop) and p50/p99 at a fixed 100 turns/s (open loop), and the ratios.
 * --profile writes CPU profiles of both bots per kind into <dir> and prints, per measured turn (start-up, set-up and
 * warm-up left out), the project's functions and areas with the most self time beside the echo bot's.
 * The table also gives each bot's CPU time per turn.
 */
const argv = process.argv.slice(2);
const valueOf = (flag: string): string | undefined => {
  const index = argv.indexOf(flag);
  return index >= 0 ? argv[index + 1] : undefined;
};
const runner: Runner = valueOf('--runner') === 'tsx' ? 'tsx' : 'built';
const kinds = (valueOf('--kinds')?.split(',') ?? [...turnKinds]).filter((kind): kind is TurnKind => (turnKinds as readonly string[]).includes(kind));
const countOf = (flag: string): number | undefined => {
  const value = valueOf(flag);
  if (value === undefined) return undefined;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1) throw new Error(`bench:turns: ${flag} takes a whole number above 0, not ${value}`);
  return count;
};
const basePlan = argv.includes('--quick') ? quickPlan : fullPlan;
const plan: Plan = {
  ...basePlan,
  rounds: countOf('--rounds') ?? basePlan.rounds,
  latencyRounds: countOf('--latency-rounds') ?? basePlan.latencyRounds,
  warmupTurns: countOf('--warmup') ?? basePlan.warmupTurns,
};
const profileDir = valueOf('--profile');
const options = { plan, runner, kinds, log: (line: string) => console.error(line) };

async function main(): Promise<void> {
  if (profileDir) {
    const micros = (value: number): string => value.toFixed(1).padStart(8);
    for (const [kind, profile] of await profileKinds(options, resolve(profileDir), 20)) {
      console.log(`\n${kind}: main-thread busy time per measured turn: project ${profile.busy.project.toFixed(0)} µs, echo ${profile.busy.echo.toFixed(0)} µs`);
      console.log('  project µs  echo µs  (per turn, self time)  function');
      for (const spot of profile.functions) console.log(`  ${micros(spot.projectMicros)} ${micros(spot.echoMicros)}  ${spot.name}`);
      console.log('  project µs  echo µs  (per turn, self time)  area, most beyond echo first');
      for (const spot of profile.areas) console.log(`  ${micros(spot.projectMicros)} ${micros(spot.echoMicros)}  ${spot.name}`);
    }
    return;
  }
  const started = Date.now();
  const results = await runBench(options);
  console.log(`\nbench:turns (${runner === 'built' ? 'tsc build, node' : 'tsx'}; both bots in local mode: no app id, no tokens; ${plan.connections} connections; ` +
    `${plan.warmupTurns} warm-up turns; ${plan.rounds} alternating saturation round(s) of ${plan.saturationTurns} turns; ${plan.latencyRounds} open-loop round(s) of ${plan.openLoopSeconds} s at ${plan.rate} turns/s; node ${process.version})`);
  for (const line of resultTable(results, plan)) console.log(line);
  const listed = (ratios: readonly number[]): string => ratios.map((ratio) => ratio.toFixed(2)).join(' ');
  for (const result of results) {
    console.log(`${result.kind}: throughput ratio per round ${listed(pairedRatios(result.project.roundTurnsPerSecond, result.echo.roundTurnsPerSecond).ratios)}; ` +
      `echo turns/s per round ${result.echo.roundTurnsPerSecond.map((value) => value.toFixed(0)).join(' ')}; p99 ratio per round ${listed(pairedRatios(result.project.roundP99Ms, result.echo.roundP99Ms).ratios)}`);
  }
  for (const result of results) {
    for (const bot of ['project', 'echo'] as const) {
      const figures = result[bot];
      if (figures.firstFailure) console.log(`${result.kind}, ${bot}: ${figures.failures} failed turn(s), the first: ${figures.firstFailure}`);
    }
  }
  console.log(`took ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (results.some((result) => result.project.failures + result.echo.failures > 0)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
