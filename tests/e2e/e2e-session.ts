import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { startApp, type RunningApp } from '../../src/index';
import { openBrowser, PlaygroundPage, startPlayground, type BrowserSession, type RunningPlayground } from './playground-harness';

export interface E2eSessionOptions {
  /** Extra environment for the bot (TEST_MODE, …); port, database and log level are set here. */
  readonly env?: Readonly<Record<string, string>>;
  readonly tz?: string;
  readonly viewportHeight?: number;
}

/** The real bot (temp SQLite file), the Playground pointed at it, and headless Chromium on its page. */
export interface E2eSession {
  readonly bot: RunningApp;
  readonly playground: RunningPlayground;
  readonly browser: BrowserSession;
  readonly page: PlaygroundPage;
  stop(): Promise<void>;
}

export async function startE2eSession(name: string, options: E2eSessionOptions = {}): Promise<E2eSession> {
  const folder = mkdtempSync(path.join(tmpdir(), `partner-coach-e2e-${name}-`));
  const resources: Array<() => Promise<void>> = [async () => rmSync(folder, { recursive: true, force: true })];
  const stop = async (): Promise<void> => {
    for (const release of resources.splice(0).reverse()) await release();
  };
  try {
    const config = loadConfig({ PORT: '0', DATABASE_URL: `sqlite:${path.join(folder, 'e2e.db')}`, LOG_LEVEL: 'silent', ...options.env });
    const bot = await startApp(config, { logger: pino({ level: 'silent' }) });
    resources.push(() => bot.stop());
    const playground = await startPlayground({ botPort: bot.port, playgroundPort: 0, tz: options.tz ?? 'Europe/Stockholm' });
    resources.push(() => playground.stop());
    const browser = await openBrowser({ viewport: { width: 1400, height: options.viewportHeight ?? 1600 } });
    resources.push(() => browser.close());
    return { bot, playground, browser, page: new PlaygroundPage(browser.page, playground.url), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
