import assert from 'node:assert/strict';
import { startE2eSession, type E2eSession } from './e2e-session';
import type { PlaygroundPage } from './playground-harness';

describe('exercises in the Agents Playground (headless Chromium)', function () {
  this.timeout(120_000);
  let session: E2eSession;
  let pg: PlaygroundPage;

  before(async () => {
    session = await startE2eSession('exercises', { viewportHeight: 1400 });
    pg = session.page;
  });

  after(async () => session?.stop());

  it('when Alex practises, ticks the key points covered, rates and asks for progress, then the loop stays in one card, the missed points show, and progress comes as a new card', async () => {
    await pg.openPersonalChat();
    await pg.waitForCardText("Hi, I'm Partner Coach");

    await pg.sendMessage('practice');
    const scenario = await pg.waitForCardText('New laptops in the month-end week');
    assert.match(await scenario.innerText(), /Flip the perspective/);
    await pg.screenshot('exercises-1-scenario');
    const messagesBefore = await pg.botMessages().count();

    await pg.fillCardInput('Your answer', 'I would ask Maria what month-end means for her team and offer to move the roll-out.');
    await pg.clickCardButton("Show the customer's view");
    const result = await pg.waitForCardText('Model perspectives');
    const resultText = await result.innerText();
    assert.match(resultText, /I would ask Maria what month-end means/);
    assert.match(resultText, /What the customer may be thinking/);
    assert.match(resultText, /How close was I to the customer's view\?/);
    assert.match(resultText, /A good answer covers these\. Tick the ones yours covered:/);
    assert.equal(await pg.card('New laptops in the month-end week').count(), 1, 'the scenario card was replaced, not joined by a second card');
    await pg.screenshot('exercises-2-perspectives');

    await result.getByRole('checkbox', { name: "Sees that the roll-out hits Maria's month-end close" }).check();
    await result.getByRole('checkbox', { name: 'Contacts the customer now, before the roll-out' }).check();
    await result.getByRole('radio', { name: '4 – close' }).check();
    await pg.fillCardInput('One thing I will do (optional)', "Check the customer's calendar before I plan a roll-out.");
    await pg.clickCardButton('Save');
    const saved = await pg.waitForCardText('Saved. You rated yourself 4 of 5.');
    const savedText = await saved.innerText();
    assert.match(savedText, /One thing you will do: Check the customer's calendar/);
    assert.match(savedText, /Key points you covered: 2 of 4\./);
    assert.match(savedText, /To add next time[\s\S]*Describes what a broken laptop would mean that week[\s\S]*Offers choices/);
    assert.equal(await pg.botMessages().count(), messagesBefore, 'the whole loop stayed in one card');
    await pg.screenshot('exercises-3-saved');

    await pg.clickCardButton('My progress');
    const progress = await pg.waitForCardText('Your practice');
    assert.equal(await pg.botMessages().count(), messagesBefore + 1, 'progress came as a new message');
    assert.equal(await pg.card('Saved. You rated yourself 4 of 5.').count(), 1, 'the finished exercise is still in the chat');
    const progressText = await progress.innerText();
    assert.match(progressText, /Streak: 1 day/);
    assert.match(progressText, /Exercises completed: 1/);
    assert.match(progressText, /completed once, self-rating 4\.0 of 5/);
    assert.match(progressText, /Check the customer's calendar before I plan a roll-out\./);
    await progress.scrollIntoViewIfNeeded();
    await pg.screenshot('exercises-4-progress');

    await pg.sendMessage('progress');
    await pg.botMessages().nth(messagesBefore + 1).waitFor({ state: 'visible', timeout: 15_000 });
    assert.match(await pg.botMessages().last().innerText(), /Your practice[\s\S]*Streak: 1 day[\s\S]*Exercises completed: 1/);
  });
});
