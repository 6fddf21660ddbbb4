import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, statSync } from 'node:fs';
import path from 'node:path';
import { argumentsOf, copyFrom, repositoryRoot, type Stage } from './dockerfile-stages';

/** Where one stage's file system lives on this machine, and the working directory it ended with. */
export interface RehearsedStage {
  readonly root: string;
  readonly workdir: string;
  /** The stage's working directory on this machine. */
  readonly folder: string;
}

/**
 * Replays the Dockerfile's file-system steps without Docker: each stage gets its own folder as its "/", COPY copies
 * exactly what Docker would (minus .dockerignore), and the npm commands of RUN run there. The final stage's
 * `npm ci --omit=dev` runs for real (offline, from the npm cache); the build stage links the repository's already
 * installed node_modules instead of installing the dev dependencies a second time. Other RUN steps only create
 * folders or change owners, which a non-root rehearsal skips; an unknown step fails the rehearsal.
 */
export function rehearseStages(stages: readonly Stage[], scratch: string, npmEnv: NodeJS.ProcessEnv): Map<string, RehearsedStage> {
  const done = new Map<string, RehearsedStage>();
  const ignore = dockerIgnore();
  stages.forEach((stage, index) => {
    const root = path.join(scratch, `stage-${stage.name}`);
    mkdirSync(root, { recursive: true });
    const inside = (containerPath: string): string => path.join(root, containerPath);
    let workdir = '/';
    for (const instruction of stage.instructions) {
      const args = argumentsOf(instruction);
      switch (instruction.getKeyword()) {
        case 'WORKDIR':
          workdir = path.posix.resolve(workdir, args[0] ?? '.');
          mkdirSync(inside(workdir), { recursive: true });
          break;
        case 'COPY': {
          const from = copyFrom(instruction);
          const source = from ? done.get(from) : undefined;
          if (from && !source) throw new Error(`COPY --from=${from} names no earlier stage`);
          const destination = path.posix.resolve(workdir, args.at(-1) ?? '.');
          for (const name of args.slice(0, -1)) {
            const origin = source ? path.join(source.root, name) : path.join(repositoryRoot, name);
            if (!existsSync(origin)) throw new Error(`COPY ${name}: no such file in ${source ? `stage ${from}` : 'the build context'}`);
            const target = statSync(origin).isDirectory() || !(args.at(-1) ?? '').endsWith('/') ? inside(destination) : path.join(inside(destination), path.basename(name));
            cpSync(origin, target, { recursive: true, filter: (file) => source !== undefined || !ignore(path.relative(repositoryRoot, file)) });
          }
          break;
        }
        case 'RUN':
          for (const command of (instruction.getArgumentsContent() ?? '').split('&&').map((part) => part.trim())) {
            runStep(command, inside(workdir), inside, index === stages.length - 1, npmEnv);
          }
          break;
        default:
          break;
      }
    }
    done.set(stage.name, { root, workdir, folder: inside(workdir) });
  });
  return done;
}

function runStep(command: string, cwd: string, inside: (containerPath: string) => string, finalStage: boolean, npmEnv: NodeJS.ProcessEnv): void {
  const words = command.split(/\s+/);
  if (words[0] === 'npm' && words[1] === 'ci') {
    if (!finalStage) {
      symlinkSync(path.join(repositoryRoot, 'node_modules'), path.join(cwd, 'node_modules'), 'dir');
      return;
    }
    npm([...words.slice(1), '--offline'], cwd, npmEnv);
  } else if (words[0] === 'npm' && words[1] === 'run') {
    npm(words.slice(1), cwd, npmEnv);
  } else if (words[0] === 'npm' && words[1] === 'cache') {
    // Cleaning the cache keeps the image small; here it would empty the cache the offline install reads.
  } else if (words[0] === 'mkdir') {
    for (const folder of words.slice(1).filter((word) => !word.startsWith('-'))) mkdirSync(inside(folder), { recursive: true });
  } else if (words[0] !== 'chown') {
    throw new Error(`the rehearsal does not know how to run "${command}"`);
  }
}

function npm(args: string[], cwd: string, env: NodeJS.ProcessEnv): void {
  const npmCli = env['npm_execpath'] && env['npm_execpath'].endsWith('npm-cli.js') ? env['npm_execpath'] : undefined;
  const result = npmCli
    ? spawnSync(process.execPath, [npmCli, ...args], { cwd, env, encoding: 'utf8' })
    : spawnSync('npm', args, { cwd, env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
}

/** .dockerignore as a predicate on paths relative to the build context (later `!` lines re-include). */
function dockerIgnore(): (relative: string) => boolean {
  const file = path.join(repositoryRoot, '.dockerignore');
  const rules = (existsSync(file) ? readFileSync(file, 'utf8') : '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const negated = line.startsWith('!');
      const glob = (negated ? line.slice(1) : line).replace(/^\/+|\/+$/g, '');
      const pattern = glob.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*');
      return { negated, matches: new RegExp(`^${pattern}(/.*)?$`) };
    });
  return (relative) => rules.reduce((ignored, rule) => (rule.matches.test(relative) ? !rule.negated : ignored), false);
}

/** A prebuilt better-sqlite3 binary for this Node, packed as prebuild-install expects, so the offline install needs no compiler. */
export function localPrebuild(folder: string): NodeJS.ProcessEnv {
  const moduleDir = path.join(repositoryRoot, 'node_modules', 'better-sqlite3');
  const { version } = JSON.parse(readFileSync(path.join(moduleDir, 'package.json'), 'utf8')) as { version: string };
  mkdirSync(folder, { recursive: true });
  const archive = path.join(folder, `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`);
  execFileSync('tar', ['-czf', archive, '-C', moduleDir, 'build/Release/better_sqlite3.node']);
  // prebuild-install looks here before downloading (npm warns that it does not know the key); the image build downloads the same file.
  return { npm_config_better_sqlite3_local_prebuilds: folder };
}
