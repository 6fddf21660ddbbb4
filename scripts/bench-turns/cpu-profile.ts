import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}

interface CpuProfile {
  /** Microseconds of the monotonic clock, as process.hrtime counts them. */
  readonly startTime: number;
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Monotonic microseconds from..to: when a bot's measured rounds ran. */
export type Windows = ReadonlyArray<readonly [number, number]>;

/** Self time per function (name, file and line, paths shortened) and per area (a package, a src/ folder, node itself). */
export interface SelfTimes {
  readonly functions: ReadonlyMap<string, number>;
  readonly areas: ReadonlyMap<string, number>;
  /** All busy (not idle) microseconds inside the windows. */
  readonly busy: number;
}

/** One function's or area's self time per measured turn, for the project and, where profiled, the echo bot. */
export interface HotSpot {
  readonly name: string;
  readonly projectMicros: number;
  readonly echoMicros: number;
}

/**
 * Self times in the newest main-thread .cpuprofile of `folder`, counting only samples inside `windows` (the measured
 * rounds: neither start-up, set-up nor warm-up).
 */
export function selfTimes(folder: string, windows: Windows): SelfTimes {
  // CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile: thread 0 is the main thread, where turns run (workers write their own).
  const file = readdirSync(folder).filter((name) => name.endsWith('.cpuprofile') && name.split('.')[4] === '0').sort().at(-1);
  if (!file) throw new Error(`bench:turns: no CPU profile in ${folder}`);
  const profile = JSON.parse(readFileSync(path.join(folder, file), 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const functions = new Map<string, number>();
  const areas = new Map<string, number>();
  let busy = 0;
  let at = profile.startTime;
  const measured = (time: number): boolean => windows.some(([from, to]) => time >= from && time <= to);
  profile.samples.forEach((id, index) => {
    const node = byId.get(id);
    const micros = profile.timeDeltas[index] ?? 0;
    at += micros;
    if (!node || !measured(at) || node.callFrame.functionName === '(idle)') return;
    const name = describe(node);
    functions.set(name, (functions.get(name) ?? 0) + micros);
    const area = areaOf(node);
    areas.set(area, (areas.get(area) ?? 0) + micros);
    busy += micros;
  });
  return { functions, areas, busy };
}

/** The `top` entries with the most project time per turn (or, `beyondEcho`, the most more than the echo bot's), each beside the echo bot's. */
export function hotSpots(project: ReadonlyMap<string, number>, echo: ReadonlyMap<string, number>, turns: number, top: number, beyondEcho = false): HotSpot[] {
  const weight = (name: string, micros: number): number => micros - (beyondEcho ? (echo.get(name) ?? 0) : 0);
  return [...project.entries()]
    .sort((a, b) => weight(...b) - weight(...a))
    .slice(0, top)
    .map(([name, micros]) => ({ name, projectMicros: micros / turns, echoMicros: (echo.get(name) ?? 0) / turns }));
}

function describe(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url.includes('node_modules/') ? url.slice(url.lastIndexOf('node_modules/') + 13) : url.replace(/^.*\/(src|dist)\//, '$1/');
  return `${functionName || '(anonymous)'} ${where ? `${where}:${lineNumber + 1}` : ''}`.trim();
}

/** A package (@scope/name), a folder of src/, node's own code, or a V8 entry such as (garbage collector). */
function areaOf(node: ProfileNode): string {
  const { functionName, url } = node.callFrame;
  if (url.includes('node_modules/')) {
    const parts = url.slice(url.lastIndexOf('node_modules/') + 13).split('/');
    return (parts[0]?.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
  }
  const own = /\/(src|scripts)\/(.+)$/.exec(url);
  if (own) return `${own[1]}/${path.dirname(own[2] ?? '')}`;
  if (url.startsWith('node:')) return 'node';
  return url ? 'other' : functionName || '(native)';
}
