/** What the paired rounds say about a ratio: each round's project figure over the echo bot's figure of the same round. */
export interface PairedRatios {
  readonly ratios: readonly number[];
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

/**
 * The ratio per round, project over echo. Both bots run each round back to back, in ABBA order, so a change of
 * machine load between rounds moves both figures of a pair alike and cancels in the ratio; the median of the pairs
 * is not carried away by one round a neighbour's burst disturbed.
 */
export function pairedRatios(project: readonly number[], echo: readonly number[]): PairedRatios {
  if (project.length !== echo.length) throw new Error(`bench:turns: ${project.length} project rounds against ${echo.length} echo rounds`);
  const ratios = project.map((figure, round) => figure / (echo[round] ?? Number.NaN));
  const sorted = [...ratios].sort((a, b) => a - b);
  return { ratios, median: median(sorted), min: sorted[0] ?? Number.NaN, max: sorted.at(-1) ?? Number.NaN };
}

function median(sorted: readonly number[]): number {
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
}
