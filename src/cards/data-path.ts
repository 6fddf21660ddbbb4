/** One part of a property path, prepared at load: the name and its lower case. */
export interface PathStep {
  readonly name: string;
  readonly lowerName: string;
}

/**
 * Reads a path as adaptive-expressions' SimpleObjectMemory does: each part is the first own key equal to it ignoring
 * case, and a falsy value on the way gives undefined. (Its array-index branch needs a numeric part, which an accessor
 * name cannot be: `a.0` does not parse, and `a[0]` is an element expression, not compiled.)
 * `keys` caches each object's lower-cased keys for one render, so a property costs one lookup, not a scan of Object.keys.
 */
export function readPath(start: unknown, steps: readonly PathStep[], keys: Map<object, Map<string, string>>): unknown {
  let value = start;
  for (const step of steps) value = propertyOf(value, step, keys);
  return value;
}

function propertyOf(instance: unknown, step: PathStep, keys: Map<object, Map<string, string>>): unknown {
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
  let lowered = keys.get(instance);
  if (!lowered) {
    lowered = new Map();
    for (const key of Object.keys(instance)) {
      const lower = key.toLowerCase();
      if (!lowered.has(lower)) lowered.set(lower, key);
    }
    keys.set(instance, lowered);
  }
  const key = lowered.get(step.lowerName);
  return key === undefined ? undefined : (instance as Record<string, unknown>)[key];
}
