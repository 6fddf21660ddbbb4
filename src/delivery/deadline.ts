import type { Clock } from './clock';

/** A send that got no answer in time; the request may still reach Teams, so the retry can post it a second time. */
export class SendTimeout extends Error {
  constructor(readonly afterMs: number) {
    super(`timed out after ${Math.round(afterMs / 1000)} s`);
    this.name = 'SendTimeout';
  }
}

export interface Deadline {
  readonly timeoutMs: number;
  /** Told once when the work is still running after `slowMs`. */
  readonly slowMs: number;
  readonly onSlow: () => void;
  /** Told if abandoned work succeeds after all. */
  readonly onLate: () => void;
}

/** Runs `work` with a deadline on `clock`: throws SendTimeout when it has not settled by then. An infinite time-out waits as long as it takes. */
export async function withDeadline<T>(clock: Clock, deadline: Deadline, work: () => Promise<T>): Promise<T> {
  const timer = new AbortController();
  const working = work();
  const waits: Array<Promise<{ readonly value: T } | undefined>> = [working.then((value) => ({ value }))];
  if (Number.isFinite(deadline.slowMs)) {
    void clock.sleep(deadline.slowMs, timer.signal).then(() => {
      if (!timer.signal.aborted) deadline.onSlow();
    });
  }
  if (Number.isFinite(deadline.timeoutMs)) waits.push(clock.sleep(deadline.timeoutMs, timer.signal).then(() => undefined));
  try {
    const outcome = await Promise.race(waits);
    if (outcome) return outcome.value;
    working.then(deadline.onLate, () => undefined);
    throw new SendTimeout(deadline.timeoutMs);
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
