import type { KindResult, Plan } from './measure';
import { pairedRatios, type PairedRatios } from './paired';

/** Issue #11's targets: throughput at least this share of the echo bot's, p99 at the fixed rate at most this multiple. */
export const throughputTarget = 0.8;
export const p99Target = 1.25;

const number = (value: number, digits = 0): string => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const spread = (paired: PairedRatios): string => `${number(paired.min, 2)}–${number(paired.max, 2)} (${paired.ratios.length})`;

/**
 * The result table: one row per turn kind, the ratios marked ok or MISS against the targets; then each bot's CPU time
 * per turn at saturation, which a busy shared machine disturbs far less than throughput or latency.
 * The throughput ratio judged is the median of the paired rounds' ratios (the spread beside it), the pooled one (all
 * turns over all seconds) is shown too; the p99 ratio judged is that of all open-loop latencies pooled, the median of
 * the paired rounds' p99 ratios beside it.
 */
export function resultTable(results: readonly KindResult[], plan: Plan): string[] {
  const header = [
    'kind', 'project turns/s', 'echo turns/s', `ratio (>= ${throughputTarget})`, 'round ratios min–max (n)', 'pooled ratio',
    `project p50/p99 ms @${plan.rate}/s`, `echo p50/p99 ms @${plan.rate}/s`, `p99 ratio (<= ${p99Target})`, 'round p99 ratios median, min–max (n)',
    'failures', 'project CPU µs/turn', 'echo CPU µs/turn', 'CPU ratio',
  ];
  const rows = results.map((result) => {
    const paired = pairedRatios(result.project.roundTurnsPerSecond, result.echo.roundTurnsPerSecond);
    const pairedP99 = pairedRatios(result.project.roundP99Ms, result.echo.roundP99Ms);
    const p99Ratio = result.project.p99Ms / result.echo.p99Ms;
    return [
      result.kind,
      number(result.project.turnsPerSecond),
      number(result.echo.turnsPerSecond),
      `${number(paired.median, 2)} ${paired.median >= throughputTarget ? 'ok' : 'MISS'}`,
      spread(paired),
      number(result.project.turnsPerSecond / result.echo.turnsPerSecond, 2),
      `${number(result.project.p50Ms, 1)} / ${number(result.project.p99Ms, 1)}`,
      `${number(result.echo.p50Ms, 1)} / ${number(result.echo.p99Ms, 1)}`,
      `${number(p99Ratio, 2)} ${p99Ratio <= p99Target ? 'ok' : 'MISS'}`,
      `${number(pairedP99.median, 2)}, ${spread(pairedP99)}`,
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
