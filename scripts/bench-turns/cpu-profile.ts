import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** One function's share of the samples. */
export interface HotSpot {
  readonly name: string;
  readonly selfMs: number;
  readonly share: number;
}

/** The functions with the most self time in the newest main-thread .cpuprofile of `folder` after its first `skipMs` (start-up), paths shortened. */
export function hotSpots(folder: string, top: number, skipMs: number): HotSpot[] {
  // CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile: thread 0 is the main thread, where turns run (workers write their own).
  const file = readdirSync(folder).filter((name) => name.endsWith('.cpuprofile') && name.split('.')[4] === '0').sort().at(-1);
  if (!file) throw new Error(`bench:turns: no CPU profile in ${folder}`);
  const profile = JSON.parse(readFileSync(path.join(folder, file), 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  let total = 0;
  let elapsed = 0;
  profile.samples.forEach((id, index) => {
    const node = byId.get(id);
    const micros = profile.timeDeltas[index] ?? 0;
    elapsed += micros;
    if (!node || elapsed < skipMs * 1000 || node.callFrame.functionName === '(idle)') return;
    const name = describe(node);
    self.set(name, (self.get(name) ?? 0) + micros);
    total += micros;
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, micros]) => ({ name, selfMs: micros / 1000, share: micros / Math.max(1, total) }));
}

function describe(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url.includes('node_modules/') ? url.slice(url.lastIndexOf('node_modules/') + 13) : url.replace(/^.*\/(src|dist)\//, '$1/');
  return `${functionName || '(anonymous)'} ${where ? `${where}:${lineNumber + 1}` : ''}`.trim();
}
