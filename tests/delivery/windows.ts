/** The largest number of times in any window of `windowMs` (a window (t - windowMs, t] ending at each time). */
export function busiestWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let busiest = 0;
  for (let end = 0, start = 0; end < sorted.length; end += 1) {
    while ((sorted[start] ?? 0) <= (sorted[end] ?? 0) - windowMs) start += 1;
    busiest = Math.max(busiest, end - start + 1);
  }
  return busiest;
}
