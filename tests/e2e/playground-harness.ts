import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page, type Response } from 'playwright-core';

/** Debian's Chromium; the E2E suites fail, never skip, when it is missing. */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';
/** Names from .m365agentsplayground.yml at the repository root. */
export const DEFAULT_BOT_NAME = 'Partner Coach';
export const DEFAULT_GROUP_CHAT = 'Service Desk Coaching';
export const DEFAULT_CHANNEL = 'Service Desk Team - General';

const CONFIG_FILE = '.m365agentsplayground.yml';
const DEFAULT_TIMEOUT_MS = 15_000;
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface PlaygroundOptions {
  readonly botPort: number;
  /** 0 lets the Playground pick a free port; any other busy port is an error. */
  readonly playgroundPort: number;
  /** IANA zone the Playground reports as localTimezone; inherits TZ when absent. */
  readonly tz?: string;
  /** Folder holding .m365agentsplayground.yml; the repository root when absent. */
  readonly cwd?: string;
  readonly startTimeoutMs?: number;
}

/** A running Playground server; `url` is what the browser opens. */
export interface RunningPlayground {
  readonly url: string;
  readonly port: number;
  /** Everything the Playground printed so far, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

export interface BrowserOptions {
  readonly executablePath?: string;
  readonly viewport?: { readonly width: number; readonly height: number };
}

/** Headless Chromium on a fresh profile; `close()` also deletes the profile. */
export interface BrowserSession {
  readonly context: BrowserContext;
  readonly page: Page;
  close(): Promise<void>;
}

export type ConversationKind = 'personal' | 'groupChat' | 'channel';

export interface PlaygroundPageOptions {
  readonly botName?: string;
  readonly timeoutMs?: number;
  /** Where screenshot() writes; <repository>/test-results when absent. */
  readonly screenshotDir?: string;
}

export interface SendOptions {
  /** Prefix an @mention of the bot; defaults to true outside the personal chat, where the bot hears only mentions. */
  readonly mention?: boolean;
  /** In a channel: reply in the thread whose text contains this, instead of starting a new post. */
  readonly thread?: string | RegExp;
}

export interface CardOptions {
  /** Pick the newest card containing this text instead of the newest card. */
  readonly cardText?: string | RegExp;
  readonly timeoutMs?: number;
}

export interface ClickOptions extends CardOptions {
  /** Wait until the Playground has delivered the invoke/submit to the bot (default true; false for ShowCard/OpenUrl). */
  readonly awaitDelivery?: boolean;
}

/** Starts the Playground CLI against the bot at 127.0.0.1:<botPort>, offline, without telemetry or a browser. */
export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const cwd = options.cwd ?? findProjectRoot(__dirname);
  const configPath = path.join(cwd, CONFIG_FILE);
  if (!existsSync(configPath)) {
    throw new Error(`Playground config ${configPath} is missing; the E2E tests rely on its users, chats and team.`);
  }
  const cli = resolvePlaygroundCli(cwd);
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'partner-coach-playground-'));
  const args = [cli, '-e', `http://127.0.0.1:${options.botPort}/api/messages`, '-c', 'msteams', '-p', String(options.playgroundPort), '--dt'];
  const child = spawn(process.execPath, args, {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ...(options.tz === undefined ? {} : { TZ: options.tz }),
      TEAMSAPPTESTER_BROWSER: 'none',
      APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
      M365_AGENTS_PLAYGROUND_LOGFILE: path.join(workDir, 'm365agentsplayground.log'),
    },
  });
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const stop = async (): Promise<void> => {
    await terminate(child);
    rmSync(workDir, { recursive: true, force: true });
  };

  let port: number;
  try {
    port = await waitForListening(child, () => output, options.startTimeoutMs ?? 30_000);
  } catch (error) {
    await stop();
    throw error;
  }
  if (options.playgroundPort !== 0 && port !== options.playgroundPort) {
    await stop();
    throw new Error(`Playground port ${options.playgroundPort} is in use (it fell back to ${port}); stop the other Playground or pass playgroundPort: 0.`);
  }
  return { url: `http://localhost:${port}`, port, output: () => output, stop };
}

/** Launches Debian Chromium headless on a throw-away profile; every non-loopback request is aborted. */
export async function openBrowser(options: BrowserOptions = {}): Promise<BrowserSession> {
  const executablePath = options.executablePath ?? DEFAULT_CHROMIUM_PATH;
  try {
    accessSync(executablePath, constants.X_OK);
  } catch {
    throw new Error(`Chromium is not installed at ${executablePath}: install Debian's "chromium" package (apt-get install chromium). The E2E tests need it.`);
  }
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'partner-coach-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: options.viewport ?? { width: 1400, height: 900 },
    });
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw new Error(`Chromium at ${executablePath} did not start: ${String(error)}`, { cause: error });
  }
  // The Playground page pulls fonts and an animation from a CDN; tests stay offline and never wait on them.
  await context.route((url) => !isLoopback(url), (route) => route.abort());
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Posts an activity through the Playground's "Mock an Activity" endpoint, e.g. as another configured user.
 * The Playground's template supplies id, timestamp, serviceUrl, conversation, recipient and from; `activity` overrides them.
 * Nothing else is added (no locale, localTimezone or channelData). Resolves when the Playground accepted it, before the bot answered.
 */
export async function sendCustomActivity(
  playgroundUrl: string,
  conversationId: string,
  activity: Readonly<Record<string, unknown>>,
): Promise<Record<string, unknown>> {
  const templateUrl = new URL('/_internal/v1/customActivities/template', playgroundUrl);
  templateUrl.searchParams.set('conversationId', conversationId);
  const templateResponse = await fetch(templateUrl);
  if (!templateResponse.ok) {
    throw new Error(`Playground has no conversation ${conversationId}: ${templateResponse.status} ${await templateResponse.text()}`);
  }
  const body = { ...((await templateResponse.json()) as Record<string, unknown>), ...activity };
  const response = await fetch(new URL('/_internal/v1/customActivities', playgroundUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`Playground refused the custom activity: ${response.status} ${await response.text()}`);
  return body;
}

/** Drives the Playground page as a Teams user would: pick a conversation, type, read the bot's replies, press card buttons. */
export class PlaygroundPage {
  private kind: ConversationKind = 'personal';
  private readonly botName: string;
  private readonly timeoutMs: number;
  private readonly screenshotDir: string;

  constructor(
    readonly page: Page,
    readonly url: string,
    options: PlaygroundPageOptions = {},
  ) {
    this.botName = options.botName ?? DEFAULT_BOT_NAME;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.screenshotDir = options.screenshotDir ?? path.join(findProjectRoot(__dirname), 'test-results');
  }

  get conversation(): ConversationKind {
    return this.kind;
  }

  /** Loading the page opens the personal chat and makes the Playground send installationUpdate + conversationUpdate. */
  async openPersonalChat(): Promise<void> {
    await this.ensureLoaded();
    await this.openTreeItem('Personal Chat', 'personal');
  }

  /** The first open per page load sends installationUpdate + conversationUpdate (membersAdded: the bot) for the group chat. */
  async openGroupChat(name: string = DEFAULT_GROUP_CHAT): Promise<void> {
    await this.ensureLoaded();
    await this.openTreeItem(name, 'groupChat');
  }

  /** `label` is "<team> - <channel>" as the Playground lists it. */
  async openChannel(label: string = DEFAULT_CHANNEL): Promise<void> {
    await this.ensureLoaded();
    await this.openTreeItem(label, 'channel');
  }

  /** Types and sends `text`; resolves once the Playground server has accepted the message. */
  async sendMessage(text: string, options: SendOptions = {}): Promise<void> {
    const editor = this.editor(options.thread);
    await editor.click({ timeout: this.timeoutMs });
    if (options.mention ?? this.kind !== 'personal') {
      await this.page.keyboard.type('@');
      await this.page.locator('#typeahead-menu [role="menuitem"]').filter({ hasText: this.botName }).click({ timeout: this.timeoutMs });
      await this.page.keyboard.insertText(` ${text}`);
    } else {
      await this.page.keyboard.insertText(text);
    }
    await this.delivered(/^\/_conversation\/v1\/conversations\/[^/]+\/messages$/, () => this.page.keyboard.press('Enter'));
  }

  /** Every message the bot has shown in the open conversation, oldest first (text and cards). */
  botMessages(): Locator {
    const avatar = `span[role="img"][aria-label=${JSON.stringify(this.botName)}]`;
    return this.page.locator(`div:has(> div > ${avatar})`);
  }

  /** Waits for a bot message (text or card) containing `text`; returns the newest such message. */
  async waitForBotText(text: string | RegExp, timeoutMs: number = this.timeoutMs): Promise<Locator> {
    const message = this.botMessages().filter({ hasText: text }).last();
    await message.waitFor({ state: 'visible', timeout: timeoutMs });
    return message;
  }

  /** Waits for an Adaptive Card containing `text` (cards updated in place by Action.Execute count); returns it. */
  async waitForCardText(text: string | RegExp, timeoutMs: number = this.timeoutMs): Promise<Locator> {
    const card = this.cards(text).last();
    await card.waitFor({ state: 'visible', timeout: timeoutMs });
    return card;
  }

  /** The newest card, or the newest containing `cardText`. */
  card(cardText?: string | RegExp): Locator {
    return this.cards(cardText).last();
  }

  /** Clicks a card button by its title; by default resolves once the invoke/submit reached the bot without error. */
  async clickCardButton(title: string, options: ClickOptions = {}): Promise<void> {
    const button = this.card(options.cardText).getByRole('button', { name: title, exact: true });
    const timeout = options.timeoutMs ?? this.timeoutMs;
    await button.waitFor({ state: 'visible', timeout });
    if (options.awaitDelivery === false) {
      await button.click({ timeout });
      return;
    }
    await this.delivered(/^\/_conversation\/v1\/(invoke|submit)$/, () => button.click({ timeout }));
  }

  /** Fills a card input found by its label (or its placeholder when it has no label). */
  async fillCardInput(label: string, value: string, options: CardOptions = {}): Promise<void> {
    await this.card(options.cardText).getByLabel(label, { exact: true }).fill(value, { timeout: options.timeoutMs ?? this.timeoutMs });
  }

  /** Saves a PNG of the viewport to test-results/<name>.png and returns its path. */
  async screenshot(name: string): Promise<string> {
    mkdirSync(this.screenshotDir, { recursive: true });
    const file = path.join(this.screenshotDir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  private cards(text?: string | RegExp): Locator {
    const cards = this.botMessages().locator('.ac-adaptiveCard');
    return text === undefined ? cards : cards.filter({ hasText: text });
  }

  private editor(thread?: string | RegExp): Locator {
    const editors = '[data-lexical-editor="true"][role="textbox"]';
    if (this.kind !== 'channel') return this.page.locator(editors);
    const posts = this.page.locator('[role="group"].fui-Card');
    if (thread === undefined) {
      return posts.filter({ has: this.page.getByRole('button', { name: 'Post', exact: true }) }).locator(editors);
    }
    return posts.filter({ hasText: thread }).last().locator(editors);
  }

  private async ensureLoaded(): Promise<void> {
    if (this.page.url().startsWith(this.url)) return;
    await this.page.goto(this.url, { timeout: this.timeoutMs });
    this.kind = 'personal';
    await this.editor().waitFor({ state: 'visible', timeout: this.timeoutMs });
  }

  private async openTreeItem(label: string, kind: ConversationKind): Promise<void> {
    await this.page.locator(`[role="treeitem"][aria-label=${JSON.stringify(label)}]`).click({ timeout: this.timeoutMs });
    this.kind = kind;
    await this.editor().waitFor({ state: 'visible', timeout: this.timeoutMs });
  }

  /** Runs `act` and waits for the Playground's answer to the POST it triggers; a 4xx/5xx fails the test. */
  private async delivered(pathPattern: RegExp, act: () => Promise<void>): Promise<void> {
    const isTarget = (response: Response): boolean =>
      response.request().method() === 'POST' && pathPattern.test(new URL(response.url()).pathname);
    const [response] = await Promise.all([this.page.waitForResponse(isTarget, { timeout: this.timeoutMs }), act()]);
    if (response.status() >= 400) {
      throw new Error(`Playground answered ${response.status()} to ${new URL(response.url()).pathname}: ${await response.text()}`);
    }
  }
}

function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, CONFIG_FILE))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No ${CONFIG_FILE} above ${start}; pass cwd to startPlayground.`);
  }
}

function resolvePlaygroundCli(cwd: string): string {
  try {
    return require.resolve('@microsoft/m365agentsplayground/cli.js', { paths: [cwd, __dirname] });
  } catch {
    throw new Error('@microsoft/m365agentsplayground is not installed (run npm install); the E2E tests need it.');
  }
}

function isLoopback(url: URL): boolean {
  return url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
}

async function waitForListening(child: ChildProcess, output: () => string, timeoutMs: number): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const finish = (settle: () => void): void => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      child.off('error', onError);
      settle();
    };
    const onData = (): void => {
      const match = /Listening on (\d+)/.exec(output());
      if (match?.[1] !== undefined) finish(() => resolve(Number(match[1])));
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void =>
      finish(() => reject(new Error(`Playground exited (${code ?? signal}) before listening:\n${output()}`)));
    const onError = (error: Error): void => finish(() => reject(new Error(`Playground did not start: ${error.message}`)));
    const timer = setTimeout(
      () => finish(() => reject(new Error(`Playground did not listen within ${timeoutMs} ms:\n${output()}`))),
      timeoutMs,
    );
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
    child.once('error', onError);
  });
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  try {
    await exited;
  } finally {
    clearTimeout(timer);
  }
}
