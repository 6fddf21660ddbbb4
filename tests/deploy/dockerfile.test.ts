import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultDatabaseUrl } from '../../src/config';
import { parseDatabaseUrl } from '../../src/storage/open-store';
import { argumentsOf, copyFrom, dockerfileStages, execForm, instructionsOf, repositoryRoot, stageEnv, workdirAt } from './dockerfile-stages';

describe('Dockerfile (parsed with dockerfile-ast)', () => {
  const stages = dockerfileStages();
  const run = stages.at(-1);
  const runCommands = (stageIndex: number): string[] => {
    const stage = stages[stageIndex];
    return stage ? instructionsOf(stage, 'RUN').flatMap((instruction) => (instruction.getArgumentsContent() ?? '').split('&&').map((command) => command.trim())) : [];
  };

  it('when it is read, then it has a build stage and a run stage, both on Node 24', () => {
    assert.ok(stages.length >= 2, `only ${stages.length} stage(s)`);
    for (const stage of stages) assert.match(stage.image, /^node:24([.-]|$)/, `stage ${stage.name} is based on ${stage.image}`);
  });

  it('when the build stage runs, then it installs every dependency and compiles; the run stage installs production ones only', () => {
    const build = runCommands(0);
    assert.ok(build.some((command) => /^npm ci\b/.test(command) && !command.includes('--omit=dev')), build.join('\n'));
    assert.ok(build.includes('npm run build'), build.join('\n'));
    const production = runCommands(stages.length - 1);
    assert.ok(production.some((command) => /^npm ci\b.*--omit=dev/.test(command)), production.join('\n'));
    assert.ok(!production.some((command) => /^npm (install|i)\b/.test(command)), 'npm install could drift from the lockfile');
    assert.ok(run && instructionsOf(run, 'COPY').some((copy) => copyFrom(copy) === stages[0]?.name));
  });

  it('when the image runs, then it runs as a non-root user with NODE_ENV=production', () => {
    assert.ok(run);
    const user = argumentsOf(instructionsOf(run, 'USER').at(-1) ?? assert.fail('no USER in the run stage'))[0];
    assert.ok(user && !['root', '0'].includes(user.split(':')[0] ?? ''), `USER ${user}`);
    assert.equal(stageEnv(run)['NODE_ENV'], 'production');
  });

  it('when the image runs, then PORT and HOST come from the environment and EXPOSE matches the port', () => {
    assert.ok(run);
    const env = stageEnv(run);
    assert.match(env['PORT'] ?? '', /^\d+$/);
    assert.equal(env['HOST'], '0.0.0.0');
    assert.deepEqual(argumentsOf(instructionsOf(run, 'EXPOSE')[0] ?? assert.fail('no EXPOSE')), [env['PORT']]);
    const command = execForm(instructionsOf(run, 'CMD').at(-1) ?? assert.fail('no CMD'));
    assert.deepEqual(command, ['node', 'dist/src/index.js']);
  });

  it('when Docker checks health, then it asks /healthz on the PORT from the environment', () => {
    assert.ok(run);
    const healthchecks = instructionsOf(run, 'HEALTHCHECK');
    assert.equal(healthchecks.length, 1);
    const command = execForm(healthchecks[0] ?? assert.fail()).join(' ');
    assert.match(command, /\/healthz/);
    assert.match(command, /process\.env\.PORT/);
  });

  it('when data is written, then it goes to the one VOLUME, which is where the default SQLite file lives', () => {
    assert.ok(run);
    const volumes = instructionsOf(run, 'VOLUME').flatMap(argumentsOf);
    assert.equal(volumes.length, 1, volumes.join(', '));
    const target = parseDatabaseUrl(defaultDatabaseUrl);
    assert.ok(target.engine === 'sqlite');
    assert.equal(path.posix.dirname(path.posix.resolve(workdirAt(run), target.path)), volumes[0]);
  });

  it('when the build context is sent, then .dockerignore keeps node_modules, .env and data out', () => {
    const ignored = readFileSync(path.join(repositoryRoot, '.dockerignore'), 'utf8').split('\n').map((line) => line.trim());
    for (const entry of ['node_modules', '.env', 'data', 'dist']) assert.ok(ignored.includes(entry), `.dockerignore lacks ${entry}`);
  });
});
