import assert from 'node:assert/strict';
import { startE2eSession, type E2eSession } from './e2e-session';
import type { PlaygroundPage } from './playground-harness';

describe('workshops in the Agents Playground team channel (headless Chromium)', function () {
  this.timeout(120_000);
  let session: E2eSession;
  let pg: PlaygroundPage;

  before(async () => {
    session = await startE2eSession('workshops');
    pg = session.page;
  });

  after(async () => session?.stop());

  const topic = 'One thing we could do before the customer asks';
  /** The shared card offers "Show my view", one's own view "Refresh"; either brings back one's own view. */
  const showOwnView = async (): Promise<void> => {
    const button = pg.card(topic).getByRole('button', { name: /^(Show my view|Refresh)$/ });
    await pg.clickCardButton((await button.first().getAttribute('aria-label')) ?? 'Refresh', { cardText: topic });
  };

  it('when Alex @mentions the bot with workshop in the channel, posts a prompt, answers and reveals, then the one card follows every step', async () => {
    await pg.openChannel();
    await pg.sendMessage('workshop');
    const setup = await pg.waitForCardText('Set up a workshop prompt');
    assert.match(await setup.innerText(), /Only Alex Berg can post this card/);

    await setup.getByRole('combobox', { name: 'Prompt from the programme' }).click();
    await pg.page.getByRole('option', { name: 'Initiative: Before the customer asks', exact: true }).click();
    await setup.getByRole('checkbox', { name: /Anonymous answers/ }).uncheck();
    await pg.screenshot('workshops-1-setup');
    await pg.clickCardButton('Post to everyone', { cardText: 'Set up a workshop prompt' });

    const prompt = await pg.waitForCardText('One thing we could do before the customer asks');
    assert.match(await prompt.innerText(), /Names shown · one answer each · answers hidden until revealed/);
    await prompt.getByPlaceholder('Write your answer…').fill('Tell the shops about Saturday updates a week ahead');
    await pg.clickCardButton('Save my answer', { cardText: topic });
    // The shared card (updated for everyone) and Alex's own view race here; the Playground has no user-specific refresh.
    await pg.waitForCardText('Answers so far: 1');
    await showOwnView();
    const own = pg.card(topic);
    assert.equal(await own.getByPlaceholder('Write your answer…').inputValue(), 'Tell the shops about Saturday updates a week ahead');
    await pg.screenshot('workshops-2-answered');

    await pg.clickCardButton('Reveal answers', { cardText: topic });
    const revealed = await pg.waitForCardText(/answers revealed[\s\S]*Tell the shops about Saturday updates a week ahead[\s\S]*Alex Berg/);
    assert.match(await revealed.innerText(), /Tell the shops about Saturday updates a week ahead\s+Alex Berg/);
    assert.match(await revealed.innerText(), /Who takes it on, and by when\?/);
    assert.equal(await pg.card('Set up a workshop prompt').count(), 0, 'the setup card became the prompt card');
    assert.equal(await pg.card(topic).count(), 1, 'one prompt card, updated in place');
    await revealed.scrollIntoViewIfNeeded();
    await pg.screenshot('workshops-3-revealed');
  });
});
