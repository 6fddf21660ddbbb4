import type { SendWatch } from '../../core/messenger';
import type { Clock } from '../clock';

/** A send whose request left but got no answer within the time-out: it may still reach Teams. `settling` ends with it. */
export interface TimedOut<T> {
  readonly timedOutAfterMs: number;
  readonly settling: Promise<T>;
}

export interface Deadline {
  /** Counted from the moment the request leaves (watch.leaving()), or from the start when the work never says. */
  readonly timeoutMs: number;
  /** Told once when the work is still running after `slowMs`. */
  readonly slowMs: number;
  readonly onSlow: () => void;
  /** Told when the answer arrives, before the work has finished reading it. */
  readonly onAnswered: () => void;
}

/**
 * Runs `work` with a deadline on `clock`: its value, or TimedOut when no answer came within the time-out of the request
 * leaving. An answer that arrived in time is waited for, however long the SDK takes to read it. An infinite time-out
 * waits as long as it takes.
 */
export async function withDeadline<T>(clock: Clock, deadline: Deadline, work: (watch: SendWatch) => Promise<T>): Promise<{ readonly value: T } | TimedOut<T>> {
  const timer = new AbortController();
  const left = new Wakeup();
  let startedAt = clock.now().getTime();
  let answered = false;
  const working = work({
    leaving: () => {
      startedAt = clock.now().getTime();
      left.notify();
    },
    answered: () => {
      answered = true;
      deadline.onAnswered();
    },
  });
  const settled = working.then((value) => ({ value }));
  // Awaited below unless the time-out comes first; a failure after that is the caller's, through `settling`.
  settled.catch(() => undefined);
  if (Number.isFinite(deadline.slowMs)) {
    void clock.sleep(deadline.slowMs, timer.signal).then(() => {
      if (!timer.signal.aborted) deadline.onSlow();
    });
  }
  try {
    for (;;) {
      if (answered || !Number.isFinite(deadline.timeoutMs)) return await settled;
      const sleeping = new AbortController();
      const woke = await Promise.race([
        settled,
        clock.sleep(startedAt + deadline.timeoutMs - clock.now().getTime(), sleeping.signal).then(() => 'timer' as const),
        left.wait().then(() => 'left' as const),
      ]);
      sleeping.abort();
      if (typeof woke === 'object') return woke;
      if (woke === 'left') continue;
      // Timers run before I/O in each turn of the event loop: after a stall, an answer that came in meanwhile is read first.
      await new Promise((resolve) => setImmediate(resolve));
      if (answered || startedAt + deadline.timeoutMs > clock.now().getTime()) continue;
      working.catch(() => undefined);
      return { timedOutAfterMs: deadline.timeoutMs, settling: working };
    }
  } finally {
    timer.abort();
  }
}

/** A promise to wait on that the next notify() resolves. */
export class Wakeup {
  private resolve: () => void = () => undefined;
  private next = this.renew();

  notify(): void {
    this.resolve();
    this.next = this.renew();
  }

  wait(): Promise<void> {
    return this.next;
  }

  private renew(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.resolve = resolve;
    });
  }
}
