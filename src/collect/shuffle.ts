import { randomInt } from 'node:crypto';

/**
 * A copy in random order (Fisher–Yates, drawing from the system's secure generator by default): the order a reader
 * sees says nothing about who answered, when, or where the answer lies in storage.
 */
export function shuffled<T>(items: readonly T[], pick: (below: number) => number = (below) => randomInt(below)): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = pick(index + 1);
    const here = copy[index] as T;
    copy[index] = copy[other] as T;
    copy[other] = here;
  }
  return copy;
}
