import type { CallBudget } from './customer-engine';

/** How many model calls one learner may make in a sliding window. */
export interface ModelCallLimit {
  readonly calls: number;
  readonly windowMinutes: number;
}

/** A budget over the learner's recent calls; `taken` lists the calls made through it, to be stored. */
export interface TrackedBudget extends CallBudget {
  readonly taken: readonly string[];
  /** The recent calls still inside the window plus the new ones, for storing back. */
  recent(): string[];
}

export function trackedBudget(previous: readonly string[], now: Date, limit: ModelCallLimit): TrackedBudget {
  const windowStart = now.getTime() - limit.windowMinutes * 60_000;
  const inWindow = previous.filter((at) => Date.parse(at) > windowStart);
  const taken: string[] = [];
  return {
    taken,
    take: () => {
      if (inWindow.length + taken.length >= limit.calls) return false;
      taken.push(now.toISOString());
      return true;
    },
    recent: () => [...inWindow, ...taken],
  };
}
