import assert from 'node:assert/strict';
import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

const root = path.resolve(__dirname, '..', '..');

// The project's own eslint.config.mjs decides by path; type information is not needed for import rules,
// so virtual files can be linted without adding them to the TypeScript project.
const eslint = new ESLint({
  cwd: root,
  overrideConfig: [{ files: ['**/*.ts'], ...tseslint.configs.disableTypeChecked, languageOptions: { parserOptions: { projectService: false, project: null } } }],
});

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return (result?.messages ?? []).filter((message) => message.ruleId === '@typescript-eslint/no-restricted-imports').map((message) => message.message);
}

const botbuilderImport = "import { CloudAdapter } from 'botbuilder';\nexport const adapter = CloudAdapter;\n";
const restifyImport = "import restify from 'restify';\nexport const server = restify;\n";
const openAiImport = "import { AzureOpenAI } from 'openai';\nexport const client = AzureOpenAI;\n";

describe('lint: the Bot Framework and OpenAI stay in their layers', function () {
  this.timeout(60000);

  for (const file of ['src/core/probe.ts', 'src/exercises/probe.ts', 'src/index.ts', 'src/storage/probe.ts']) {
    it(`when ${file} imports botbuilder or restify, then lint reports it`, async () => {
      assert.equal((await restrictedImports(file, botbuilderImport)).length, 1);
      assert.equal((await restrictedImports(file, restifyImport)).length, 1);
    });
  }

  it('when a file in src/bot/ or src/server.ts imports botbuilder, then lint accepts it', async () => {
    assert.deepEqual(await restrictedImports('src/bot/probe.ts', botbuilderImport), []);
    assert.deepEqual(await restrictedImports('src/server.ts', restifyImport), []);
  });

  it('when a file outside src/ai/ imports openai, then lint reports it, and inside src/ai/ it is accepted', async () => {
    assert.equal((await restrictedImports('src/roleplay/probe.ts', openAiImport)).length, 1);
    assert.equal((await restrictedImports('src/bot/probe.ts', openAiImport)).length, 1);
    assert.deepEqual(await restrictedImports('src/ai/probe.ts', openAiImport), []);
  });

  it('when src/ai/ imports botbuilder, then lint reports it', async () => {
    assert.equal((await restrictedImports('src/ai/probe.ts', botbuilderImport)).length, 1);
  });
});
