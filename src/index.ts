import 'dotenv/config';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createAzureOpenAiModel } from './ai/azure-openai-model';
import { createAdapter } from './bot/adapter';
import { ConversationReferenceRepository } from './bot/conversation-references';
import { PartnerCoachBot } from './bot/partner-coach-bot';
import { TurnFactory } from './bot/turn-factory';
import { CardRenderer } from './cards/card-renderer';
import { ConfigError, loadConfig, type AppConfig } from './config';
import type { Capability } from './core/capability';
import type { LanguageModel } from './core/language-model';
import { Router } from './core/router';
import { Translator } from './core/translator';
import { homeCapability } from './home/home-capability';
import { HomeService } from './home/home-service';
import { UserSettingsRepository } from './home/user-settings';
import { createLogger, type Logger } from './logger';
import { privacyCapability } from './privacy/privacy-capability';
import { PrivacyService } from './privacy/privacy-service';
import { createServer, listen } from './server';
import { openStore } from './storage/open-store';
import type { Store } from './storage/store';

/** What a test may replace; everything else is built from config. */
export interface AppOverrides {
  readonly clock?: () => Date;
  readonly logger?: Logger;
  readonly store?: Store;
}

export interface RunningApp {
  readonly url: string;
  readonly port: number;
  readonly store: Store;
  stop(): Promise<void>;
}

/** The folder with package.json, cards/ and content/, whether running from src/ (tsx) or dist/src/ (built). */
function findProjectRoot(start: string): string {
  for (let folder = start; folder !== path.dirname(folder); folder = path.dirname(folder)) {
    if (existsSync(path.join(folder, 'package.json'))) return folder;
  }
  throw new Error(`no package.json above ${start}`);
}

/** The composition root: the only place that builds things and wires them together. */
export async function startApp(config: AppConfig, overrides: AppOverrides = {}): Promise<RunningApp> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const clock = overrides.clock ?? ((): Date => new Date());
  const projectRoot = findProjectRoot(__dirname);
  const translator = Translator.load(path.join(projectRoot, 'content', 'locales'));
  const store = overrides.store ?? (await openStore(config.databaseUrl));
  const ownsStore = overrides.store === undefined;

  const languageModel: LanguageModel | undefined = config.azureOpenAi ? createAzureOpenAiModel(config.azureOpenAi) : undefined;
  const settings = new UserSettingsRepository(store);
  const capabilities: Capability[] = [];
  const home = new HomeService(() => capabilities, settings, translator);
  capabilities.push(homeCapability(home));
  capabilities.push(privacyCapability(new PrivacyService(() => capabilities, store)));

  const renderer = CardRenderer.load(path.join(projectRoot, 'cards'), capabilities.flatMap((capability) => capability.cardTemplates));
  const router = new Router(capabilities);
  const adapter = createAdapter({ config, translator, logger });
  const bot = new PartnerCoachBot({
    router,
    home,
    renderer,
    turns: new TurnFactory({ translator, settings, defaultLocale: config.defaultLocale, clock, logger }),
    references: new ConversationReferenceRepository(store),
    logger,
  });
  const server = createServer({
    adapter,
    logic: (context) => bot.run(context),
    ready: () => store.ping(),
    logger,
    maxBodyBytes: config.maxBodyBytes,
  });
  const running = await listen(server, config.port, config.host);

  if (!config.bot) {
    logger.warn(
      { url: running.url },
      'LOCAL MODE: MicrosoftAppId is not set, so inbound authentication is OFF and the bot listens on 127.0.0.1 only. Set MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppType before exposing it.',
    );
  }
  logger.info({ url: `${running.url}/api/messages`, storage: store.engine, azureOpenAi: Boolean(config.azureOpenAi) }, 'Partner Coach is listening');

  return {
    url: running.url,
    port: running.port,
    store,
    stop: async () => {
      await running.close();
      if (ownsStore) await store.close();
    },
  };
}

async function main(): Promise<void> {
  const app = await startApp(loadConfig(process.env));
  const shutdown = async (): Promise<void> => {
    await app.stop();
    process.exit(0);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void shutdown());
}

if (require.main === module) {
  main().catch((error: unknown) => {
    // The logger may not exist yet (bad config), so the reason goes to stderr as one readable message.
    process.stderr.write(`${error instanceof ConfigError ? error.message : `Partner Coach could not start: ${String(error)}`}\n`);
    process.exit(1);
  });
}
