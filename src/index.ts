import 'dotenv/config';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createLanguageModel } from './ai/create-language-model';
import { createAdapter } from './bot/adapter';
import type { OpenIdMetadataUrls } from './bot/bot-credentials';
import { ConversationReferenceRepository } from './bot/conversation-references';
import { PartnerCoachBot } from './bot/partner-coach-bot';
import { createProactiveAdapter } from './bot/proactive-adapter';
import { ProactiveMessenger } from './bot/proactive-messenger';
import { TurnFactory } from './bot/turn-factory';
import { defaultUploadOptions, type UploadOptions } from './bot/upload-session';
import { CardRenderer } from './cards/card-renderer';
import { checkinCapability } from './checkins/checkin-capability';
import type { CheckinDependencies } from './checkins/checkin-context';
import { checkinDeliveryHandlers } from './checkins/checkin-deliveries';
import { CheckinPlanner } from './checkins/checkin-planner';
import { CheckinRepository } from './checkins/checkin-repository';
import { QuestionSetCatalog } from './checkins/question-sets';
import { Collections } from './collect/collections';
import { ConfigError, loadConfig, type AppConfig } from './config';
import { checkAnswerSecret, loadAnswerSecret } from './collect/answer-secret';
import { ThemeCatalog } from './content/themes';
import type { Capability } from './core/capability';
import { Router } from './core/router';
import { Translator } from './core/translator';
import { shiftableClock } from './delivery/clock';
import { createDeliveryService } from './delivery/create-delivery-service';
import { noticeHandler } from './delivery/notice-handler';
import { openDeliveryQueue } from './delivery/queue/open-delivery-queue';
import { exerciseCapability } from './exercises/exercise-capability';
import { ExportOffers, expiredExportSweeper } from './exports/export-offers';
import { PendingExports } from './exports/pending-exports';
import { neededTheme } from './exercises/needed-theme';
import { homeCapability } from './home/home-capability';
import { timeZoneCapability } from './home/time-zone-capability';
import { TimeZoneService } from './home/time-zone-service';
import type { RequestTimeouts } from './http/request-guards';
import { HomeService } from './home/home-service';
import { UserSettingsRepository } from './home/user-settings';
import { createLogger, type Logger } from './logger';
import { meetingReflections } from './meetings/meetings-capability';
import { privacyCapability } from './privacy/privacy-capability';
import { PersonalDataEraser } from './privacy/personal-data-eraser';
import { PrivacyService } from './privacy/privacy-service';
import { RunningThings } from './privacy/running-things';
import { WorkshopRepository } from './workshops/workshop-repository';
import { reminderCapability } from './reminders/reminder-capability';
import { ReminderPlanner, reminderDeliveryHandler } from './reminders/reminder-deliveries';
import { ReminderRepository } from './reminders/reminder-repository';
import type { ReminderDependencies } from './reminders/reminder-service';
import { roleplayCapability, roleplayDependencies } from './roleplay/roleplay-capability';
import { roleplayPracticeSource } from './roleplay/roleplay-practice';
import { createServer, listen } from './server';
import { openStore } from './storage/open-store';
import type { Store } from './storage/store';
import { PledgeFollowUpPlanner, pledgeFollowUpHandler, type PledgeFollowUpDependencies } from './workshops/pledges/pledge-follow-ups';
import { Pledges } from './workshops/pledges/pledges';
import { workshopCapability } from './workshops/workshop-capability';
import { WorkshopTemplates } from './workshops/workshop-templates';

/** What a test may replace; everything else is built from config. */
export interface AppOverrides {
  readonly clock?: () => Date;
  readonly logger?: Logger;
  readonly store?: Store;
  /** Where inbound tokens' signing keys are published (a loopback identity provider); never from config. */
  readonly openIdMetadata?: OpenIdMetadataUrls;
  /** Shorter header and body time-outs than the 10 s defaults. */
  readonly requestTimeouts?: RequestTimeouts;
  /** Smaller upload fragments or a shorter upload time-out than Teams' defaults. */
  readonly uploads?: Partial<UploadOptions>;
  /** How long an answer may take before the typing indicator shows (300 ms). */
  readonly typingAfterMs?: number;
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
  // TEST_MODE (local mode only) lets an end-to-end test move the app's clock forward through POST /test/clock.
  const testClock = config.testMode ? shiftableClock(overrides.clock ?? ((): Date => new Date())) : undefined;
  const clock = testClock ?? overrides.clock ?? ((): Date => new Date());
  const projectRoot = findProjectRoot(__dirname);
  const translator = Translator.load(path.join(projectRoot, 'content', 'locales'));
  const store = overrides.store ?? (await openStore(config.databaseUrl));
  const ownsStore = overrides.store === undefined;

  const contentDir = path.join(projectRoot, 'content');
  const themes = ThemeCatalog.load(contentDir);
  const answerSecret = loadAnswerSecret(config, projectRoot);
  await checkAnswerSecret(store, answerSecret).catch(async (error: unknown) => {
    if (ownsStore) await store.close();
    throw error;
  });
  const references = new ConversationReferenceRepository(store);
  const languageModel = createLanguageModel(config);
  const settings = new UserSettingsRepository(store);
  const renderer = CardRenderer.load(path.join(projectRoot, 'cards'));
  const messenger = new ProactiveMessenger({
    adapter: createProactiveAdapter(config),
    references,
    renderer,
    botAppId: config.bot?.appId ?? '',
    allowedTenantIds: config.allowedTenantIds,
  });
  const pendingExports = new PendingExports(store);
  const exportOffers = new ExportOffers({ pending: pendingExports, messenger, logger });
  const deliveryQueue = await openDeliveryQueue(config.databaseUrl, clock, (error) => logger.warn({ err: error }, 'a delivery queue connection dropped'));
  const checkins: CheckinDependencies = {
    repository: new CheckinRepository(store),
    collections: new Collections(store, answerSecret),
    catalog: QuestionSetCatalog.load(path.join(contentDir, 'checkins')),
    themes,
    queue: deliveryQueue,
    settings,
    translator,
    schedulers: config.checkinSchedulers,
    personalChatOf: (userKey) => references.personalChatOf(userKey),
    exports: exportOffers,
    logger,
  };
  const capabilities: Capability[] = [];
  const availableVerbs = (): ReadonlySet<string> => new Set(capabilities.flatMap((capability) => capability.actions.map((action) => action.verb)));
  const home = new HomeService(() => capabilities, settings, translator);
  capabilities.push(homeCapability(home));
  capabilities.push(timeZoneCapability(new TimeZoneService(settings, 'UTC')));
  const workshopRecords = new WorkshopRepository(store);
  const eraser = new PersonalDataEraser({ store, queue: deliveryQueue, collections: checkins.collections, workshops: workshopRecords, checkins: checkins.repository, conversations: references });
  const runningThings = new RunningThings({ checkins, workshops: workshopRecords, collections: checkins.collections });
  capabilities.push(privacyCapability(new PrivacyService(() => capabilities, eraser, runningThings)));
  const roleplay = roleplayDependencies({ contentDir, themes, store, languageModel, logger });
  capabilities.push(exerciseCapability({ contentDir, themes, store, languageModel, logger, roleplay: roleplayPracticeSource(roleplay.records, roleplay.catalog) }));
  capabilities.push(roleplayCapability(roleplay));
  capabilities.push(
    workshopCapability({
      store,
      translator,
      logger,
      messenger,
      availableVerbs,
      exports: exportOffers,
      templates: WorkshopTemplates.load(path.join(contentDir, 'workshops')),
      themes,
      answerSecret,
    }),
  );

  capabilities.push(checkinCapability(checkins));
  const reminders: ReminderDependencies = {
    repository: new ReminderRepository(store),
    queue: deliveryQueue,
    settings,
    translator,
    themes,
    availableVerbs,
    neededTheme: neededTheme(store, themes),
    fallbackTimeZone: 'UTC',
    logger,
  };
  capabilities.push(reminderCapability(reminders));
  const meetings = meetingReflections(
    {
      store,
      queue: deliveryQueue,
      settings,
      translator,
      teamMembersOf: async (ownerKey) => (await checkins.repository.schedulesOwnedBy(ownerKey)).flatMap((schedule) => schedule.members.map((member) => member.userKey)),
      fallbackTimeZone: 'UTC',
      logger,
    },
    clock,
  );
  capabilities.push(meetings.capability);
  const pledgeFollowUps: PledgeFollowUpDependencies = { pledges: new Pledges(store), queue: deliveryQueue, settings, translator, themes, availableVerbs, logger };

  renderer.requireTemplates(capabilities.flatMap((capability) => capability.cardTemplates));
  const delivery = createDeliveryService({
    queue: deliveryQueue,
    messenger,
    handlers: [...checkinDeliveryHandlers(checkins, clock), reminderDeliveryHandler(reminders, clock), pledgeFollowUpHandler(pledgeFollowUps), ...meetings.handlers, noticeHandler(translator)],
    planners: [new CheckinPlanner(checkins), new ReminderPlanner(reminders), new PledgeFollowUpPlanner(pledgeFollowUps), expiredExportSweeper(pendingExports)],
    now: clock,
    logger,
    config: config.delivery,
  });
  const router = new Router(capabilities);
  const adapter = createAdapter({ config, translator, logger, openIdMetadata: overrides.openIdMetadata });
  const bot = new PartnerCoachBot({
    router,
    home,
    renderer,
    turns: new TurnFactory({
      translator,
      settings,
      store,
      defaultLocale: config.defaultLocale,
      clock,
      logger,
      quietVerbs: new Set(capabilities.flatMap((capability) => capability.quietVerbs ?? [])),
    }),
    references,
    logger,
    meetings: { events: meetings.events, clock },
    exports: exportOffers,
    // Teams' upload URLs are HTTPS; plain HTTP only reaches a loopback stand-in in local mode.
    uploads: { ...defaultUploadOptions, allowPlainHttp: !config.bot, ...overrides.uploads },
    typingAfterMs: overrides.typingAfterMs,
  });
  const server = createServer({
    adapter,
    logic: (context) => bot.run(context),
    ready: () => store.ping(),
    logger,
    maxBodyBytes: config.maxBodyBytes,
    localMode: !config.bot,
    timeouts: overrides.requestTimeouts,
    advanceClock: testClock
      ? async (minutes) => {
          testClock.advance(minutes * 60_000);
          logger.warn({ advanceMinutes: minutes, now: testClock().toISOString() }, 'TEST MODE: the clock was moved forward');
          await delivery.planOnce().catch((error: unknown) => logger.error({ err: error }, 'planning after a test clock advance failed'));
          return testClock();
        }
      : undefined,
  });
  const running = await listen(server, config.port, config.host);
  delivery.start();

  if (!config.bot) {
    logger.warn(
      { url: running.url },
      'LOCAL MODE: MicrosoftAppId is not set, so inbound authentication is OFF and the bot listens on 127.0.0.1 only. Set MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppType before exposing it.',
    );
  }
  logger.info({ url: `${running.url}/api/messages`, storage: store.engine, languageModel: config.azureOpenAi ? 'azure-openai' : config.openAi ? 'openai-compatible' : 'none' }, 'Partner Coach is listening');

  return {
    url: running.url,
    port: running.port,
    store,
    stop: async () => {
      await running.close();
      await delivery.stop();
      await deliveryQueue.close();
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
