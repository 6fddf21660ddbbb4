import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openBrowser, PlaygroundPage, type BrowserSession } from './playground-harness';

const root = path.resolve(__dirname, '..', '..');

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/** Runs `npm start` (scripts/start.mjs) as a person would and waits for the URL it prints. */
async function startLikeAPerson(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs')], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    const match = /Open (http:\/\/localhost:\d+) in your browser/.exec(output);
    if (match?.[1]) return { child, url: match[1], output: () => output };
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGTERM');
  throw new Error(`npm start did not print the Playground URL:\n${output.slice(-3000)}`);
}

describe('npm start: the bot and the Agents Playground in headless Chromium', function () {
  this.timeout(240_000);
  let folder: string;
  let started: Awaited<ReturnType<typeof startLikeAPerson>>;
  let browser: BrowserSession;
  let page: PlaygroundPage;

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'partner-coach-start-'));
    started = await startLikeAPerson({
      PORT: String(await freePort()),
      PLAYGROUND_PORT: String(await freePort()),
      DATABASE_URL: `sqlite:${path.join(folder, 'start.db')}`,
      LOG_LEVEL: 'warn',
      MicrosoftAppId: '',
    });
    browser = await openBrowser({ viewport: { width: 1400, height: 1200 } });
    page = new PlaygroundPage(browser.page, started.url);
  });

  after(async () => {
    await browser?.close();
    if (started?.child.exitCode === null) {
      started.child.kill('SIGTERM');
      await once(started.child, 'exit');
    }
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('when the printed URL is fetched, then the Playground answers', async () => {
    const response = await fetch(started.url);
    assert.equal(response.status, 200);
  });

  it('when the page opens, then the welcome card appears in the personal chat', async () => {
    await page.openPersonalChat();
    const welcome = await page.waitForCardText("Hi, I'm Partner Coach", 30_000);
    assert.match(await welcome.innerText(), /For managers[\s\S]*For facilitators/);
    await page.screenshot('start-1-welcome');
  });

  it('when help is typed and a card button is pressed, then the card updates in place', async () => {
    await page.sendMessage('help');
    await page.waitForCardText('What I can do');
    await page.screenshot('start-2-help');
    const cardsBefore = await browser.page.locator('.ac-adaptiveCard').count();
    await page.clickCardButton('Svenska', { cardText: 'What I can do' });
    const updated = await page.waitForCardText('Klart: från och med nu pratar jag svenska med dig.');
    assert.match(await updated.innerText(), /Det här kan jag/);
    assert.equal(await browser.page.locator('.ac-adaptiveCard').count(), cardsBefore, 'the help card was replaced, not joined by another');
    await page.screenshot('start-3-swedish');
  });

  it('when the start process gets SIGTERM, then it stops the bot and the Playground', async () => {
    started.child.kill('SIGTERM');
    const [code] = (await once(started.child, 'exit')) as [number | null];
    assert.equal(code, 143);
    await assert.rejects(fetch(started.url));
  });
});
