import type { RateWindow } from './rate-limiter';

/** A sliding-window log: the send times still inside the longest window, checked against every window. */
export class SlidingWindowLog {
  private readonly times: number[] = [];
  private readonly longestMs: number;

  constructor(private readonly windows: readonly RateWindow[]) {
    this.longestMs = Math.max(...windows.map((window) => window.windowMs));
  }

  /** Milliseconds until one more send fits every window; 0 means now. */
  delayAt(now: number): number {
    this.forget(now);
    let delay = 0;
    for (const { limit, windowMs } of this.windows) {
      const inWindow = this.countSince(now - windowMs);
      if (inWindow < limit) continue;
      // The oldest sends must leave the window until one fewer than the limit remain in it.
      const mustLeave = this.times[this.times.length - limit];
      if (mustLeave !== undefined) delay = Math.max(delay, mustLeave + windowMs - now);
    }
    return delay;
  }

  /** Records a send at `at`; a slot reserved ahead may fill a gap, so the log stays sorted. */
  record(at: number): void {
    let index = this.times.length;
    while (index > 0 && (this.times[index - 1] ?? at) > at) index -= 1;
    this.times.splice(index, 0, at);
  }

  /** Whether one more send at `at` keeps every window within its limit, counting sends already reserved after it. */
  fitsAt(at: number): boolean {
    return this.windows.every(({ limit, windowMs }) => {
      const ends = [at, ...this.times.filter((time) => time >= at && time < at + windowMs)];
      return ends.every((end) => this.countIn(end - windowMs, end) + 1 <= limit);
    });
  }

  get last(): number | undefined {
    return this.times.at(-1);
  }

  /** Gives a slot back: a throttled request was not processed, so it does not count. */
  refund(at: number): void {
    const index = this.times.lastIndexOf(at);
    if (index >= 0) this.times.splice(index, 1);
  }

  get empty(): boolean {
    return this.times.length === 0;
  }

  forget(now: number): void {
    let drop = 0;
    while (drop < this.times.length && (this.times[drop] ?? now) <= now - this.longestMs) drop += 1;
    if (drop > 0) this.times.splice(0, drop);
  }

  /** Sends in (after, until]. */
  private countIn(after: number, until: number): number {
    return this.indexAfter(until) - this.indexAfter(after);
  }

  /** The index of the first send later than `time`. */
  private indexAfter(time: number): number {
    let low = 0;
    let high = this.times.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.times[middle] ?? time) <= time) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private countSince(start: number): number {
    // Times are appended in order, so count from the end.
    let count = 0;
    for (let index = this.times.length - 1; index >= 0 && (this.times[index] ?? start) > start; index -= 1) count += 1;
    return count;
  }
}
