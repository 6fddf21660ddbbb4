import assert from 'node:assert/strict';
import { startE2eSession, type E2eSession } from './e2e-session';
import type { PlaygroundPage } from './playground-harness';

describe('role-play in the Agents Playground (headless Chromium)', function () {
  this.timeout(240_000);
  let session: E2eSession;
  let pg: PlaygroundPage;

  before(async () => {
    session = await startE2eSession('roleplay');
    pg = session.page;
  });

  after(async () => session?.stop());

  it('when Alex plays a short scripted meeting with Maria, then the brief, the conversation and the debrief card appear as in Teams, and the brief stays', async () => {
    await pg.openPersonalChat();
    await pg.waitForCardText("Hi, I'm Partner Coach");

    await pg.sendMessage('roleplay');
    await pg.waitForCardText('Role-play: choose a customer');
    await pg.clickCardButton('Meet Maria Lind');
    const brief = await pg.waitForCardText('What the debrief will look for');
    assert.match(await brief.innerText(), /Maria Lind, Head of Sales, Nordbygg Grossist AB/);
    assert.match(await brief.innerText(), /Asked what the stop means for Nordbygg's customers before proposing a fix/);
    assert.match(await brief.innerText(), /Answered what Maria Lind asks of you with something you can stand by/);
    assert.doesNotMatch(await brief.innerText(), /every technician|Friday|Excel/, 'the brief keeps the demand and the hidden needs back');
    assert.equal(await pg.card('Role-play: choose a customer').count(), 1, 'the opening card stays when the brief opens');
    await pg.screenshot('roleplay-1-brief');

    await pg.clickCardButton('Start the meeting');
    await pg.waitForCardText('In the meeting with Maria Lind');
    await pg.waitForBotText('The quoting system is dead again');
    const briefAfterStart = pg.card('What the debrief will look for');
    assert.match(await briefAfterStart.innerText(), /Asked what the stop means for Nordbygg's customers before proposing a fix/, 'the brief is still readable');

    await pg.sendMessage('Which of your customers are waiting for quotes, and by when?');
    const answer = await pg.waitForBotText("Honestly? It's the builders");
    assert.match(await answer.innerText(), /What I understood \(tap to correct\)/, 'the customer’s answer and what the bot understood are one message');
    await pg.sendMessage('What happened this morning?');
    await pg.waitForBotText('I want every technician you have on this');
    await pg.sendMessage("I can't move every technician, but what I can do instead is get the template back within the hour.");
    await pg.waitForBotText('that actually saves the week');
    await pg.screenshot('roleplay-2-conversation');

    await pg.sendMessage('end');
    const debrief = await pg.waitForCardText('Debrief: The quotes won\'t go out');
    const text = await debrief.innerText();
    assert.match(text, /Maria Lind's trust in you: 4 → 7 of 10/);
    assert.match(text, /You said: “Which of your customers are waiting for quotes, and by when\?”/);
    assert.match(text, /Try next time/);
    await debrief.scrollIntoViewIfNeeded();
    await pg.screenshot('roleplay-3-debrief');

    await debrief.getByRole('checkbox', { name: "Asked what the stop means for Nordbygg's customers before proposing a fix" }).check();
    await pg.clickCardButton('Compare with the debrief', { cardText: 'Debrief: The quotes won\'t go out' });
    const compared = await pg.waitForCardText('You ticked 1 of 5; the debrief found 4. You agree on 2 of 5.');
    assert.match(await compared.innerText(), /You: done/);
    await compared.scrollIntoViewIfNeeded();
    await pg.screenshot('roleplay-4-self-check');
  });

  it('when Alex goes on to meeting 2, reopens the past debrief and looks at progress, then every earlier card stays as it was', async () => {
    await pg.clickCardButton('Go to meeting 2', { cardText: "Debrief: The quotes won't go out" });
    await pg.waitForCardText('Meeting 2 of 2: A week later');
    const debrief = pg.card("Debrief: The quotes won't go out");
    assert.match(await debrief.innerText(), /You ticked 1 of 5; the debrief found 4\./, 'the debrief is not replaced by the next brief');

    await pg.sendMessage('roleplay');
    const opening = await pg.waitForCardText('Your past meetings');
    assert.match(await opening.innerText(), /The quotes won't go out, meeting 1: Monday, 08:40: nothing works/);
    assert.match(await opening.innerText(), /Maria Lind's trust 4 → 7 of 10 · 4 of 5 checks met/);
    await pg.clickCardButton('Open the debrief', { cardText: 'Your past meetings' });
    const debriefs = pg.botMessages().locator('.ac-adaptiveCard').filter({ hasText: "Debrief: The quotes won't go out" });
    const reopened = debriefs.nth(1);
    await reopened.waitFor({ state: 'visible', timeout: 15_000 });
    assert.equal(await debriefs.count(), 2, 'the reopened debrief is a new message beside the first');
    assert.match(await reopened.innerText(), /Maria Lind's trust in you: 4 → 7 of 10/);
    assert.equal(await pg.card('Your past meetings').count(), 1, 'the opening card stays');
    await reopened.scrollIntoViewIfNeeded();
    await pg.screenshot('roleplay-5-past-debrief');

    await pg.sendMessage('progress');
    const progress = await pg.waitForCardText('Meetings held: 1');
    assert.match(await progress.innerText(), /Maria Lind's trust: 7 of 10 after 1 meeting/);
    assert.match(await progress.innerText(), /Role-play: \d of \d checks met/);
    await progress.scrollIntoViewIfNeeded();
    await pg.screenshot('roleplay-6-progress');
  });

  it('when Alex corrects what the bot understood in meeting 2, then the same message is rewritten: the customer answers again above the corrected line, and nothing new is posted', async () => {
    await pg.clickCardButton('Start the meeting', { cardText: 'Meeting 2 of 2: A week later' });
    await pg.waitForCardText('In the meeting with Maria Lind', 15_000);
    await pg.sendMessage('What happened this morning?');
    const answer = await pg.waitForBotText(/What I understood \(tap to correct\):\s*You asked about the situation/);
    assert.match(await answer.innerText(), /Maria Lind:[\s\S]*What I understood/, 'the customer’s line is in the message, above what the bot understood');
    const messages = await pg.botMessages().count();
    await pg.clickCardButton('Not this: You asked about the situation', { cardText: 'What I understood' });
    const corrected = await pg.waitForBotText('Corrected. The customer has answered again, above.');
    assert.match(await corrected.innerText(), /Maria Lind:[\s\S]*What I understood \(tap to correct\):\s*Nothing I can name yet/, 'the customer answers again in the same message');
    assert.equal(await pg.botMessages().count(), messages, 'the correction posts no new message');
    await corrected.scrollIntoViewIfNeeded();
    await pg.screenshot('roleplay-7-corrected');
  });
});
