import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { startApp, type RunningApp } from '../../src/index';
import { nextOccurrence } from '../../src/schedules/recurrence';
import { localDateOf } from '../../src/schedules/calendar';
import { formatDate } from '../../src/schedules/describe';
import { openBrowser, PlaygroundPage, startPlayground, type BrowserSession, type RunningPlayground } from './playground-harness';

const zone = 'Europe/Stockholm';
const setTitle = "The customer's business right now";

describe('check-ins in the Agents Playground team channel (headless Chromium)', function () {
  this.timeout(180_000);
  let folder: string;
  let bot: RunningApp;
  let playground: RunningPlayground;
  let browser: BrowserSession;
  let pg: PlaygroundPage;

  /** TEST_MODE's clock endpoint: moves the bot's clock forward and plans at once. */
  const advanceBotClock = async (minutes: number): Promise<string> => {
    const response = await fetch(`${bot.url}/test/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advanceMinutes: minutes }) });
    assert.equal(response.status, 200);
    return ((await response.json()) as { now: string }).now;
  };

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'partner-coach-e2e-checkins-'));
    const config = loadConfig({ PORT: '0', DATABASE_URL: `sqlite:${path.join(folder, 'e2e.db')}`, LOG_LEVEL: 'silent', TEST_MODE: 'true' });
    bot = await startApp(config, { logger: pino({ level: 'silent' }) });
    playground = await startPlayground({ botPort: bot.port, playgroundPort: 0, tz: zone });
    browser = await openBrowser({ viewport: { width: 1400, height: 1800 } });
    pg = new PlaygroundPage(browser.page, playground.url);
  });

  after(async () => {
    await browser?.close();
    await playground?.stop();
    await bot?.stop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('when Alex schedules a check-in in the channel and its time comes, then the card arrives, takes an answer in place, the summary updates, and after two weeks Alex shares the totals and the trend in the channel without the written answer', async () => {
    // Alex's personal chat is where the summary goes, so the bot must know it first.
    await pg.openPersonalChat();
    await pg.waitForCardText("Hi, I'm Partner Coach");

    await pg.openChannel();
    await pg.sendMessage('schedule check-in');
    const setup = await pg.waitForCardText('Schedule a team check-in');
    await setup.getByRole('combobox', { name: 'Questions', exact: true }).click();
    await pg.page.getByRole('option', { name: setTitle, exact: true }).click();
    // The minimum is one of the rarely used fields, under "More options" (shown in the card itself: nothing reaches the bot).
    await pg.clickCardButton('More options', { cardText: 'Schedule a team check-in', awaitDelivery: false });
    await pg.fillCardInput('Show results from this many answers', '1', { cardText: 'Schedule a team check-in' });
    await pg.screenshot('checkins-1-setup');
    await pg.clickCardButton('Schedule', { cardText: 'Schedule a team check-in' });
    const list = await pg.waitForCardText(/Scheduled "The customer's business right now"/);
    assert.match(await list.innerText(), /every week on/);

    // Weekly on today's weekday at 09:00 Stockholm time, from today: move the bot's clock to that moment.
    const now = new Date();
    const today = localDateOf(now, zone);
    const weekday = (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const)[(new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7] ?? 'mon';
    const due = nextOccurrence({ recurrence: { kind: 'weekly', days: [weekday], everyWeeks: 1 }, startDate: today, localTime: '09:00', timeZone: zone }, now);
    assert.ok(due);
    await advanceBotClock(Math.ceil((due.at.getTime() - Date.now()) / 60_000) + 1);

    const card = await pg.waitForCardText(/What is happening in the customer's business/, 20_000);
    assert.match(await card.innerText(), /Anonymous · you can answer and change your answer until/);
    await card.getByRole('radio', { name: '4' }).check();
    await card.getByLabel("What is happening in the customer's business that we should prepare for?").fill('The spring campaign starts on Monday');
    await pg.screenshot('checkins-2-due');
    await pg.clickCardButton('Send my answers', { cardText: /What is happening in the customer's business/ });
    await pg.waitForCardText('Thanks, your answers are saved. To change them, answer again before');
    await pg.screenshot('checkins-3-answered');

    await advanceBotClock(0.2);
    await pg.openPersonalChat();
    const summary = await pg.waitForCardText(/average 4 of 5/, 20_000);
    const text = await summary.innerText();
    assert.match(text, /The customer's business right now: /);
    assert.match(text, /Written answers: 1\. They show here when the check-in closes, in random order and without names/);
    assert.doesNotMatch(text, /spring campaign/);
    assert.equal(await pg.card(/The customer's business right now: /).count(), 1, 'one summary card, updated in place');
    await summary.scrollIntoViewIfNeeded();
    await pg.screenshot('checkins-4-summary');

    // Closed a day later: Alex alone sees the written answer, and could share; the next week's check-in comes first.
    await advanceBotClock(24 * 60);
    const closed = await pg.waitForCardText(/Written answers: 1, in random order and without names/, 20_000);
    assert.match(await closed.innerText(), /The spring campaign starts on Monday/);
    assert.equal(await closed.getByRole('button', { name: 'Share the results with the team', exact: true }).count(), 1);
    await advanceBotClock(6 * 24 * 60);
    await pg.openChannel();
    // The first week's card has turned into its closed state in place; the next week's card is a new message.
    await pg.waitForCardText(/This check-in closed .* Thank you!/);
    const channelCards = (text: string | RegExp) => pg.botMessages().locator('.ac-adaptiveCard').filter({ hasText: text });
    const nextWeek = channelCards(/What is happening in the customer's business/).last();
    await nextWeek.waitFor({ state: 'visible', timeout: 20_000 });
    await nextWeek.getByRole('radio', { name: '2' }).check();
    await pg.clickCardButton('Send my answers', { cardText: /What is happening in the customer's business/ });
    await channelCards('Thanks, your answers are saved. To change them').last().waitFor({ state: 'visible', timeout: 20_000 });
    await advanceBotClock(24 * 60);

    await pg.openPersonalChat();
    const secondDate = formatDate(localDateOf(new Date(due.at.getTime() + 7 * 24 * 3_600_000), zone), 'en');
    const secondSummary = await pg.waitForCardText(new RegExp(`The customer's business right now: ${secondDate}[\\s\\S]*Closed`), 20_000);
    assert.match(await secondSummary.innerText(), /You can share the totals with the team where you asked/);
    await pg.clickCardButton('Share the results with the team', { cardText: new RegExp(`The customer's business right now: ${secondDate}`) });
    await pg.waitForCardText(/Shared with the team: /);
    await pg.screenshot('checkins-5-shared-owner');

    await pg.openChannel();
    const shared = await pg.waitForCardText(/Team results: The customer's business right now/, 20_000);
    const sharedText = await shared.innerText();
    assert.match(sharedText, new RegExp(`Team results: The customer's business right now, ${secondDate}`));
    assert.match(sharedText, /1 of \d+ answered|People who answered: 1/);
    assert.match(sharedText, /average 2 of 5/);
    assert.match(sharedText, /Trend/);
    // The Playground draws Chart.Line (Teams does too); its axis shows both weeks. Clients without charts get the text bars.
    const firstDate = formatDate(localDateOf(due.at, zone), 'en');
    assert.match(sharedText, new RegExp(`Average \\(1–5\\)[\\s\\S]*${firstDate}\\s+${secondDate}\\s+Check-in`), `the trend over both weeks as a line chart: ${sharedText}`);
    assert.equal(await shared.locator('svg').count() > 0, true, 'the chart is drawn');
    assert.doesNotMatch(sharedText, /spring campaign|Alex Berg/, 'no written answer and no name');
    await shared.scrollIntoViewIfNeeded();
    await pg.screenshot('checkins-6-shared-channel');
  });
});
