/** Values that exercise the templating's corners: types a path may not expect, text that looks like syntax. */
export const oddValues: readonly unknown[] = [
  undefined, null, '', 'x', 'with "double" and \'single\' quotes', 'line one\nline two', 'costs $5, ${notAPath} and }{', 0, 1, 2.5, -3,
  true, false, [], ['a'], [{ title: 'Only', verb: 'v' }], {}, { title: 'T', value: 'V', verb: 'w' }, 'ÅÄÖ åäö',
];

export { seededRandom } from '../../src/core/seeded-random';

type Path = readonly (string | number)[];

/** Every path to a value inside plain data (objects and arrays), the root excluded. */
export function pathsOf(data: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(data)) return data.flatMap((item, index) => [[...prefix, index], ...pathsOf(item, [...prefix, index])]);
  if (typeof data === 'object' && data !== null) {
    return Object.entries(data).flatMap(([key, value]) => [[...prefix, key], ...pathsOf(value, [...prefix, key])]);
  }
  return [];
}

/** A deep copy with the value at `path` replaced (or the key deleted, for undefined). */
export function withValue(data: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(data) as Record<string | number, unknown>;
  let parent = copy;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (value === undefined && !Array.isArray(parent)) delete parent[last];
  else parent[last] = value;
  return copy;
}

/** Variants of one fixture's data: each top-level field left out, each array emptied, and `count` random mutations. */
export function dataVariants(data: unknown, random: () => number, count: number): unknown[] {
  const paths = pathsOf(data);
  const variants: unknown[] = [];
  for (const key of Object.keys(data as object)) variants.push(withValue(data, [key], undefined));
  for (const path of paths.filter((candidate) => Array.isArray(valueAt(data, candidate)))) variants.push(withValue(data, path, []));
  for (let i = 0; i < count && paths.length > 0; i++) {
    let variant = data;
    for (let change = 0; change < 3; change++) {
      const candidates = pathsOf(variant);
      if (candidates.length === 0) break;
      const path = candidates[Math.floor(random() * candidates.length)]!;
      variant = withValue(variant, path, oddValues[Math.floor(random() * oddValues.length)]);
    }
    variants.push(variant);
  }
  return variants;
}

function valueAt(data: unknown, path: Path): unknown {
  return path.reduce<unknown>((value, step) => (value as Record<string | number, unknown>)[step], data);
}
