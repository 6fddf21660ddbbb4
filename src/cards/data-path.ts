/** One part of a property path, prepared at load: the name and its lower case. */
export interface PathStep {
  readonly name: string;
  readonly lowerName: string;
}

/**
 * Reads a path as adaptive-expressions' SimpleObjectMemory does: each part is the first own key equal to it ignoring
 * case, and a falsy value on the way gives undefined. (Its array-index branch needs a numeric part, which an accessor
 * name cannot be: `a.0` does not parse, and `a[0]` is an element expression, not compiled.)
 */
export function readPath(start: unknown, steps: readonly PathStep[]): unknown {
  let value = start;
  for (const step of steps) value = propertyOf(value, step);
  return value;
}

function propertyOf(instance: unknown, step: PathStep): unknown {
  if (!instance) return undefined;
  if (instance instanceof Map) {
    const map = instance as Map<unknown, unknown>;
    const exact = map.get(step.name);
    if (exact !== undefined) return exact;
    const key = [...map.keys()].find((candidate) => (candidate as string).toLowerCase() === step.lowerName);
    return key === undefined ? undefined : map.get(key);
  }
  if (typeof instance !== 'object') {
    const key = Object.keys(instance).find((candidate) => candidate.toLowerCase() === step.lowerName);
    return key === undefined ? undefined : (instance as Record<string, unknown>)[key];
  }
  // The first key equal ignoring case; comparing lengths first keeps toLowerCase off most keys.
  for (const key of Object.keys(instance)) {
    if (key === step.name || (key.length === step.name.length && key.toLowerCase() === step.lowerName)) return (instance as Record<string, unknown>)[key];
  }
  return undefined;
}
