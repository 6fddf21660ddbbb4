import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = path.resolve(__dirname, '..', '..');

describe('what the app loads at start', function () {
  this.timeout(60_000);

  it('when it starts on SQLite, with or without a model configured, then neither the model client (openai) nor pg is loaded, and the model client is loaded on its first call', async () => {
    const { stdout } = await run(process.execPath, ['--import=tsx', path.join(root, 'tests', 'support', 'loaded-modules.ts')], { cwd: root, env: { PATH: process.env.PATH ?? '' } });
    const seen = JSON.parse(stdout) as { afterStart: string[]; afterStartWithModel: string[]; afterBuild: string[]; afterFirstCall: string[] };
    // botbuilder shows that the check sees what is loaded; @azure/identity comes with the Bot Framework's own token code.
    const notAtStart = ['openai', '@azure/openai', 'pg'];
    assert.ok(seen.afterStart.includes('botbuilder'));
    assert.deepEqual(seen.afterStart.filter((name) => notAtStart.includes(name)), [], seen.afterStart.join(', '));
    assert.deepEqual(seen.afterStartWithModel.filter((name) => notAtStart.includes(name)), [], `with Azure OpenAI configured: ${seen.afterStartWithModel.join(', ')}`);
    assert.deepEqual(seen.afterBuild.filter((name) => notAtStart.includes(name)), [], 'building the model loads nothing yet');
    assert.ok(seen.afterFirstCall.includes('openai'), `the first call loads openai: ${seen.afterFirstCall.join(', ')}`);
    assert.ok(!seen.afterFirstCall.includes('pg'));
  });
});
