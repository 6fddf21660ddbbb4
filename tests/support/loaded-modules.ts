import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { createLanguageModel } from '../../src/ai/create-language-model';
import { loadConfig } from '../../src/config';
import { startApp } from '../../src/index';

/**
 * Run in a child process (node --import=tsx): starts the app on a SQLite file without a model, then again with Azure
 * OpenAI configured (an API key, so no managed identity is asked), then builds an OpenAI-compatible model and calls it
 * once (at a closed port), and prints which of the watched packages were loaded after each step, as JSON on stdout.
 */
const watched = ['openai', '@azure/identity', '@azure/openai', 'pg', 'botbuilder'];
const loaded = (): string[] => watched.filter((name) => Object.keys(require.cache).some((file) => file.includes(`${path.sep}node_modules${path.sep}${name}${path.sep}`)));

async function main(): Promise<void> {
  const folder = mkdtempSync(path.join(tmpdir(), 'partner-coach-loaded-'));
  try {
    const app = await startApp(loadConfig({ PORT: '0', DATABASE_URL: `sqlite:${path.join(folder, 'app.db')}` }), { logger: pino({ level: 'silent' }) });
    const afterStart = loaded();
    await app.stop();
    const azure = { AZURE_OPENAI_ENDPOINT: 'http://127.0.0.1:9/', AZURE_OPENAI_API_KEY: 'k', AZURE_OPENAI_DEPLOYMENT: 'd', AZURE_OPENAI_API_VERSION: '2024-10-21' };
    const withModel = await startApp(loadConfig({ PORT: '0', DATABASE_URL: `sqlite:${path.join(folder, 'model.db')}`, ...azure }), { logger: pino({ level: 'silent' }) });
    const afterStartWithModel = loaded();
    await withModel.stop();
    const model = createLanguageModel({ azureOpenAi: undefined, openAi: { baseUrl: 'http://127.0.0.1:9/v1', apiKey: 'k', model: 'm', timeoutMs: 1_000 } });
    const afterBuild = loaded();
    await model?.complete({ messages: [{ role: 'user', content: 'hi' }], maxTokens: 5 }).catch(() => undefined);
    process.stdout.write(JSON.stringify({ afterStart, afterStartWithModel, afterBuild, afterFirstCall: loaded() }));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

void main().then(() => process.exit(0), (error: unknown) => {
  process.stderr.write(String(error));
  process.exit(1);
});
