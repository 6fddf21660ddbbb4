import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Copy, DockerfileParser, type Instruction } from 'dockerfile-ast';

export const repositoryRoot = path.resolve(__dirname, '..', '..');

/** One FROM … AS name block of the Dockerfile, with its instructions in order. */
export interface Stage {
  readonly name: string;
  readonly image: string;
  readonly instructions: readonly Instruction[];
}

/** The repository's Dockerfile, parsed with dockerfile-ast and split into its stages. */
export function dockerfileStages(file = path.join(repositoryRoot, 'Dockerfile')): Stage[] {
  const stages: Array<{ name: string; image: string; instructions: Instruction[] }> = [];
  for (const instruction of DockerfileParser.parse(readFileSync(file, 'utf8')).getInstructions()) {
    if (instruction.getKeyword() === 'FROM') {
      const [image, as, name] = instruction.getArguments().map((argument) => argument.getValue());
      stages.push({ name: as?.toUpperCase() === 'AS' && name ? name : String(stages.length), image: image ?? '', instructions: [] });
    } else {
      const stage = stages.at(-1);
      if (!stage) throw new Error(`${instruction.getKeyword()} before the first FROM`);
      stage.instructions.push(instruction);
    }
  }
  return stages;
}

export const argumentsOf = (instruction: Instruction): string[] => instruction.getArguments().map((argument) => argument.getValue());

/** The stage a COPY --from= names, if any. */
export const copyFrom = (instruction: Instruction): string | undefined => (instruction instanceof Copy ? (instruction.getFromFlag()?.getValue() ?? undefined) : undefined);

export const instructionsOf = (stage: Stage, keyword: string): Instruction[] => stage.instructions.filter((instruction) => instruction.getKeyword() === keyword);

/** The ENV values a stage sets, in order (later ones win). */
export function stageEnv(stage: Stage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const instruction of instructionsOf(stage, 'ENV')) {
    for (const [name, value] of argumentsOf(instruction).map((pair) => pair.split('=', 2))) if (name) env[name] = value ?? '';
  }
  return env;
}

/** The exec-form (JSON array) command of a CMD or HEALTHCHECK … CMD instruction. */
export function execForm(instruction: Instruction): string[] {
  const text = instruction.getArgumentsContent() ?? '';
  const start = text.indexOf('[');
  if (start < 0) throw new Error(`${instruction.getKeyword()} is not in exec form: ${text}`);
  return JSON.parse(text.slice(start)) as string[];
}

/** The working directory in effect after a stage's instructions up to (not including) index `until`. */
export function workdirAt(stage: Stage, until = stage.instructions.length): string {
  let workdir = '/';
  for (const instruction of stage.instructions.slice(0, until)) {
    if (instruction.getKeyword() === 'WORKDIR') workdir = path.posix.resolve(workdir, argumentsOf(instruction)[0] ?? '.');
  }
  return workdir;
}
