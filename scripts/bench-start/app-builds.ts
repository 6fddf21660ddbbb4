import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';

/** One build of the app, laid out as the Docker image holds it: dist/, cards/, content/, package.json, node_modules. */
export interface AppBuild {
  readonly label: string;
  readonly folder: string;
}

const root = path.resolve(__dirname, '..', '..');

function compile(tsconfig: string, outDir: string): void {
  const built = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', tsconfig, '--outDir', outDir], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error(`tsc failed for ${tsconfig}`);
}

/** This working tree as it is, uncommitted changes included. */
export function buildWorkingTree(folder: string): AppBuild {
  const app = path.join(folder, 'current');
  mkdirSync(app);
  for (const entry of ['package.json', 'cards', 'content', 'node_modules']) symlinkSync(path.join(root, entry), path.join(app, entry));
  compile(path.join(root, 'tsconfig.json'), path.join(app, 'dist'));
  return { label: 'this tree', folder: app };
}

/** A commit's code, cards and content (git archive, no work tree), compiled against today's node_modules. */
export function buildCommit(folder: string, ref: string): AppBuild {
  const commit = execFileSync('git', ['rev-parse', '--short', ref], { cwd: root, encoding: 'utf8' }).trim();
  const app = path.join(folder, `baseline-${commit}`);
  mkdirSync(app);
  const archive = execFileSync('git', ['archive', '--format=tar', commit, 'package.json', 'tsconfig.json', 'src', 'cards', 'content'], { cwd: root, maxBuffer: 256 * 1024 * 1024 });
  execFileSync('tar', ['-x', '-C', app], { input: archive });
  symlinkSync(path.join(root, 'node_modules'), path.join(app, 'node_modules'));
  compile(path.join(app, 'tsconfig.json'), path.join(app, 'dist'));
  return { label: /^[0-9a-f]{7,40}$/.test(ref) ? `baseline ${commit}` : `${ref} (${commit})`, folder: app };
}
