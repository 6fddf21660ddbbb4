import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import type { Activity } from 'botbuilder';
import { loadConfig } from '../../src/config';
import { startApp, type AppOverrides, type RunningApp } from '../../src/index';
import { LoopbackConnector } from './loopback-connector';

export interface HttpAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly text: string;
}

export interface TestApp {
  readonly app: RunningApp;
  readonly connector: LoopbackConnector;
  readonly logs: Array<Record<string, unknown>>;
  readonly databaseFile: string;
  /** Posts an activity to /api/messages as the Bot Connector would. */
  post(activity: Activity): Promise<HttpAnswer>;
  postRaw(body: string, headers?: Record<string, string>): Promise<HttpAnswer>;
  stop(): Promise<void>;
}

/** The real app on an ephemeral port with a real SQLite file, and a loopback Bot Connector for its replies. */
export async function startTestApp(env: Record<string, string> = {}, overrides: AppOverrides = {}): Promise<TestApp> {
  const folder = mkdtempSync(path.join(tmpdir(), 'partner-coach-test-'));
  const databaseFile = path.join(folder, 'test.db');
  const logs: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const config = loadConfig({ PORT: '0', DATABASE_URL: `sqlite:${databaseFile}`, LOG_LEVEL: 'info', ...env });
  const connector = await LoopbackConnector.start();
  const app = await startApp(config, { logger: pino({ level: 'info' }, sink), ...overrides });
  const postRaw = async (body: string, headers: Record<string, string> = {}): Promise<HttpAnswer> => {
    const response = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Kept as text: some answers are not JSON.
    }
    return { status: response.status, body: parsed, text };
  };
  return {
    app,
    connector,
    logs,
    databaseFile,
    post: (activity) => postRaw(JSON.stringify(activity)),
    postRaw,
    stop: async () => {
      await app.stop();
      await connector.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** The text of every TextBlock and fact in a card, for assertions that read like a person would. */
export function cardText(card: unknown): string {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'text' || key === 'title' || key === 'value' || key === 'placeholder' || key === 'label') && typeof value === 'string') texts.push(value);
        else walk(value);
      }
    }
  };
  walk(card);
  return texts.join('\n');
}

/** What the person sees of the bot's newest message: its text, or the text of its card. */
export function lastPostedText(connector: LoopbackConnector): string {
  const last = connector.posted().at(-1);
  if (!last) throw new Error('the bot posted nothing');
  return typeof last.body.text === 'string' && last.body.text ? last.body.text : cardText(attachedCard(last.body));
}

/** The Adaptive Card attached to a posted activity, if any. */
export function attachedCard(body: Record<string, unknown>): Record<string, unknown> | undefined {
  const attachments = body.attachments as Array<{ contentType: string; content: Record<string, unknown> }> | undefined;
  return attachments?.find((attachment) => attachment.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
}
