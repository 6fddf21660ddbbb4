import type { KindResult, Plan } from './measure';

/** Issue #11's targets: throughput at least this share of the echo bot's, p99 at the fixed rate at most this multiple. */
export const throughputTarget = 0.8;
export const p99Target = 1.25;

const number = (value: number, digits = 0): string => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');

/**
 * The result table: one row per turn kind, the ratios marked ok or MISS against the targets; then each bot's CPU time
 * per turn at saturation, which a busy shared machine disturbs far less than throughput or latency.
 */
export function resultTable(results: readonly KindResult[], plan: Plan): string[] {
  const header = ['kind', 'project turns/s', 'echo turns/s', `ratio (>= ${throughputTarget})`, `project p50/p99 ms @${plan.rate}/s`, `echo p50/p99 ms @${plan.rate}/s`, `p99 ratio (<= ${p99Target})`, 'failures', 'project CPU µs/turn', 'echo CPU µs/turn', 'CPU ratio'];
  const rows = results.map((result) => {
    const ratio = result.project.turnsPerSecond / result.echo.turnsPerSecond;
    const p99Ratio = result.project.p99Ms / result.echo.p99Ms;
    return [
      result.kind,
      number(result.project.turnsPerSecond),
      number(result.echo.turnsPerSecond),
      `${number(ratio, 2)} ${ratio >= throughputTarget ? 'ok' : 'MISS'}`,
      `${number(result.project.p50Ms, 1)} / ${number(result.project.p99Ms, 1)}`,
      `${number(result.echo.p50Ms, 1)} / ${number(result.echo.p99Ms, 1)}`,
      `${number(p99Ratio, 2)} ${p99Ratio <= p99Target ? 'ok' : 'MISS'}`,
      String(result.project.failures + result.echo.failures),
      number(result.project.cpuMicrosPerTurn),
      number(result.echo.cpuMicrosPerTurn),
      number(result.project.cpuMicrosPerTurn / result.echo.cpuMicrosPerTurn, 2),
    ];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]): string => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)];
}
