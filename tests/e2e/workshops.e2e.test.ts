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
  const showOwnView = async (cardText: string = topic): Promise<void> => {
    const button = pg.card(cardText).getByRole('button', { name: /^(Show my view|Refresh)$/ });
    await pg.clickCardButton((await button.first().getAttribute('aria-label')) ?? 'Refresh', { cardText });
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

  it('when Alex gives two answers that say the same and merges them with the compact moderation control, then the card shows them as one', async () => {
    const business = "What does our customer's business depend on this quarter?";
    await pg.sendMessage('workshop');
    const setup = await pg.waitForCardText('Set up a workshop prompt');
    await setup.getByRole('combobox', { name: 'Prompt from the programme' }).click();
    await pg.page.getByRole('option', { name: "Business and culture: What the customer's business depends on", exact: true }).click();
    await setup.getByRole('checkbox', { name: /Anonymous answers/ }).uncheck();
    await setup.getByRole('checkbox', { name: /Let people give several answers/ }).check();
    await pg.clickCardButton('Post to everyone', { cardText: 'Set up a workshop prompt' });

    const prompt = await pg.waitForCardText(business);
    await prompt.getByPlaceholder('Write your answer…').fill('The Easter sales weekend');
    await pg.clickCardButton('Save my answer', { cardText: business });
    await pg.waitForCardText(/depend on this quarter\?[\s\S]*Answers so far: 1/);
    // As above, the shared card and Alex's own view race; Refresh always brings back the own view.
    await showOwnView(business);
    await pg.card(business).getByPlaceholder('Add another answer…').fill('Easter weekend sales');
    await pg.clickCardButton('Save my answer', { cardText: business });
    await showOwnView(business);
    await pg.clickCardButton('Reveal answers', { cardText: business });
    await showOwnView(business);

    const revealed = await pg.waitForCardText(/depend on this quarter\?[\s\S]*Moderate answers/);
    assert.equal(await revealed.getByRole('button', { name: 'Hide', exact: true }).count(), 1, 'one Hide for all answers, not one per answer');
    await revealed.getByRole('combobox', { name: /Choose an answer, then what to do with it/ }).click();
    await pg.page.getByRole('option', { name: 'Easter weekend sales', exact: true }).click();
    await pg.clickCardButton('Merge into…', { cardText: business });
    const picking = await pg.waitForCardText(/Merge “Easter weekend sales” into the answer that says the same/);
    await picking.getByRole('combobox').click();
    await pg.page.getByRole('option', { name: 'The Easter sales weekend', exact: true }).click();
    await pg.clickCardButton('Merge', { cardText: business });
    const merged = await pg.waitForCardText(/Merged with: “Easter weekend sales”/);
    assert.match(await merged.innerText(), /The Easter sales weekend\s+Alex Berg\s+Merged with: “Easter weekend sales” \(Alex Berg\)/);
    await merged.scrollIntoViewIfNeeded();
    await pg.screenshot('workshops-4-merged');
  });
});
