/** At most `limit` sends in any `windowMs` milliseconds. */
export interface RateWindow {
  readonly limit: number;
  readonly windowMs: number;
}

/** Teams' documented limits for a bot sending to one conversation. */
export const teamsConversationWindows: readonly RateWindow[] = [
  { limit: 7, windowMs: 1_000 },
  { limit: 8, windowMs: 2_000 },
  { limit: 60, windowMs: 30_000 },
  { limit: 1_800, windowMs: 3_600_000 },
];

/** Teams' limit for one bot across all conversations of one tenant. */
export const teamsTenantWindows = (perSecond = 50): readonly RateWindow[] => [{ limit: perSecond, windowMs: 1_000 }];

/**
 * A sliding-window log: the send times still inside the longest window, checked against every window. A send on the
 * wire counts in every window until it is answered (Teams may count it at any moment until then), and from its answer on.
 */
export class SlidingWindowLog {
  private readonly times: number[] = [];
  private onTheWire = 0;
  private readonly longestMs: number;

  constructor(private readonly windows: readonly RateWindow[]) {
    this.longestMs = Math.max(...windows.map((window) => window.windowMs));
  }

  /** Milliseconds until one more send fits every window; 0 means now. A window full of unanswered sends: a window's length. */
  delayAt(now: number): number {
    this.forget(now);
    let delay = 0;
    for (const { limit, windowMs } of this.windows) {
      const room = limit - this.onTheWire;
      if (this.countSince(now - windowMs) < room) continue;
      // The oldest sends must leave the window until one fewer than the room remain in it.
      const mustLeave = room > 0 ? this.times[this.times.length - room] : undefined;
      delay = Math.max(delay, mustLeave === undefined ? windowMs : mustLeave + windowMs - now);
    }
    return delay;
  }

  /**
   * The earliest time from `from` on at which one more send fits every window, with the sends on the wire in all of
   * them and the later reservations counted too: a slot that frees between reservations is used, not only after the last.
   */
  earliestFit(from: number): number {
    let at = from;
    // A time moved on for one window can meet later reservations in another: until every window agrees.
    for (let moved = true; moved; ) {
      const before = at;
      at = this.windows.reduce((fit, window) => this.fitIn(window, fit, from), at);
      moved = at !== before;
    }
    return at;
  }

  record(now: number): void {
    insertInOrder(this.times, now);
  }

  /** The send reserved at `at` goes out: it counts as on the wire until it lands. */
  takeOff(at: number): void {
    this.refund(at);
    this.onTheWire += 1;
  }

  /** A send on the wire was answered at `at` and counts from then; `undefined` when Teams throttled it (not counted). */
  land(at: number | undefined): void {
    this.onTheWire = Math.max(0, this.onTheWire - 1);
    if (at !== undefined) this.record(at);
  }

  /** Whether the sends at or before `now`, and those on the wire, fit every window ending at `now` (later reservations do not count). */
  fitsAt(now: number): boolean {
    let end = this.times.length;
    while (end > 0 && (this.times[end - 1] ?? now) > now) end -= 1;
    return this.windows.every(({ limit, windowMs }) => {
      let count = this.onTheWire;
      for (let index = end - 1; index >= 0 && (this.times[index] ?? now) > now - windowMs; index -= 1) count += 1;
      return count <= limit;
    });
  }

  get last(): number | undefined {
    return this.times.at(-1);
  }

  /** Gives a slot back: a throttled request was not processed, so it does not count. */
  refund(at: number): void {
    removeOne(this.times, at);
  }

  get empty(): boolean {
    return this.times.length === 0 && this.onTheWire === 0;
  }

  forget(now: number): void {
    let drop = 0;
    while (drop < this.times.length && (this.times[drop] ?? now) <= now - this.longestMs) drop += 1;
    if (drop > 0) this.times.splice(0, drop);
  }

  /** The earliest time from `at` on that fits one window; `start` is where the search began. */
  private fitIn({ limit, windowMs }: RateWindow, at: number, start: number): number {
    const room = limit - this.onTheWire;
    // A window full of unanswered sends: planned a window's length on, and checked again when it is due.
    if (room <= 0) return Math.max(at, start + windowMs);
    // This send and any `room` consecutive others may not share a window: together they must span its length. One pass
    // in time order does: moving on past one group never brings it into an earlier one.
    let fit = at;
    for (let first = 0; first + room <= this.times.length; first += 1) {
      const oldest = this.times[first] ?? fit;
      const newest = this.times[first + room - 1] ?? fit;
      if (Math.max(fit, newest) - Math.min(fit, oldest) < windowMs) fit = oldest + windowMs;
    }
    return fit;
  }

  private countSince(start: number): number {
    // Times are kept in order, so count from the end.
    let count = 0;
    for (let index = this.times.length - 1; index >= 0 && (this.times[index] ?? start) > start; index -= 1) count += 1;
    return count;
  }
}

/**
 * Keeps a tenant's planned sends at least `gapMs` apart. The windows alone would let a whole second's sends go at
 * once when they are empty, and a burst on the wire answers slowly, which holds every slot longer. A gap a little
 * shorter than the average interval still lets a slot that frees late fall between its neighbours.
 */
export class SendSpacing {
  private readonly times: number[] = [];

  constructor(readonly gapMs: number) {}

  /** The earliest time from `from` on that is `gapMs` from every planned send. */
  earliestFit(from: number): number {
    let at = from;
    for (const time of this.times) {
      if (time <= at - this.gapMs) continue;
      if (time >= at + this.gapMs) break;
      at = time + this.gapMs;
    }
    return at;
  }

  record(at: number): void {
    insertInOrder(this.times, at);
  }

  refund(at: number): void {
    removeOne(this.times, at);
  }

  /** Planned sends more than a gap in the past no longer matter. */
  forget(now: number): void {
    let drop = 0;
    while (drop < this.times.length && (this.times[drop] ?? now) <= now - this.gapMs) drop += 1;
    if (drop > 0) this.times.splice(0, drop);
  }
}

/** Keeps `times` ascending; mostly an append, since a send answered late lands among later reservations. */
function insertInOrder(times: number[], at: number): void {
  let index = times.length;
  while (index > 0 && (times[index - 1] ?? at) > at) index -= 1;
  times.splice(index, 0, at);
}

/** Removes one entry at `at`, the latest of equals, if there is one. */
function removeOne(times: number[], at: number): void {
  const index = times.lastIndexOf(at);
  if (index >= 0) times.splice(index, 1);
}
