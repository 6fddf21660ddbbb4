/** Time for the delivery engine: tests pass a fake one that moves only when told, so nothing really sleeps. */
export interface Clock {
  now(): Date;
  /** Resolves after `ms`, or at once when the signal aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The real clock, or the app's clock (which a test-mode clock may shift) with real timers. */
export function systemClock(now: () => Date = () => new Date()): Clock {
  return {
    now,
    sleep: (ms, signal) =>
      new Promise<void>((resolve) => {
        if (signal?.aborted) {
          resolve();
          return;
        }
        const timer = setTimeout(done, Math.max(0, ms));
        function done(): void {
          clearTimeout(timer);
          signal?.removeEventListener('abort', done);
          resolve();
        }
        signal?.addEventListener('abort', done, { once: true });
      }),
  };
}

/** The app's clock in test mode: real time plus an offset that an end-to-end test moves forward. */
export interface ShiftableClock {
  (): Date;
  advance(ms: number): void;
}

export function shiftableClock(base: () => Date): ShiftableClock {
  let offsetMs = 0;
  const clock = (): Date => new Date(base().getTime() + offsetMs);
  return Object.assign(clock, {
    advance: (ms: number): void => {
      offsetMs += Math.max(0, ms);
    },
  });
}
