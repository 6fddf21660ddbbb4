import assert from 'node:assert/strict';
import { startE2eSession, type E2eSession } from './e2e-session';
import type { PlaygroundPage } from './playground-harness';

describe('role-play in the Agents Playground (headless Chromium)', function () {
  this.timeout(120_000);
  let session: E2eSession;
  let pg: PlaygroundPage;

  before(async () => {
    session = await startE2eSession('roleplay');
    pg = session.page;
  });

  after(async () => session?.stop());

  it('when Alex plays a short scripted meeting with Maria, then the brief, the conversation and the debrief card appear as in Teams', async () => {
    await pg.openPersonalChat();
    await pg.waitForCardText("Hi, I'm Partner Coach");

    await pg.sendMessage('roleplay');
    await pg.waitForCardText('Role-play: choose a customer');
    await pg.clickCardButton('Meet Maria Lind');
    const brief = await pg.waitForCardText('What the debrief will look for');
    assert.match(await brief.innerText(), /Maria Lind, Head of Sales, Nordbygg Grossist AB/);
    assert.match(await brief.innerText(), /Asked what the stop means for Nordbygg's customers before proposing a fix/);
    await pg.screenshot('roleplay-1-brief');

    await pg.clickCardButton('Start the meeting');
    await pg.waitForCardText('In the meeting with Maria Lind');
    await pg.waitForBotText('The quoting system is dead again');

    await pg.sendMessage('Which of your customers are waiting for quotes, and by when?');
    await pg.waitForBotText("Honestly? It's the builders");
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
});
