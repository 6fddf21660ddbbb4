import assert from 'node:assert/strict';
import { attachedCard, startTestApp, type TestApp } from '../support/test-app';
import { answerIdOf, ChannelSession, textOf, workshopIdOf } from './workshop-support';

const anonymousSetup = { template: 'customer-business-this-quarter', anonymous: 'true', hiddenUntilReveal: 'true', multipleAnswers: 'false', votesPerPerson: '2' };
const answers = { maria: 'The quarter-end close in finance', sam: 'The new web shop launch in May', kim: 'Stores opening on Sundays' } as const;

describe('workshops over real HTTP in a team channel', () => {
  let harness: TestApp;
  let session: ChannelSession;

  beforeEach(async () => {
    harness = await startTestApp();
    session = new ChannelSession(harness);
  });
  afterEach(async () => {
    await harness.stop();
  });

  it('when a facilitator types workshop, then a setup card with the programme prompts is posted', async () => {
    await session.say('alex', 'workshop');
    const text = textOf(session.lastPostedCard());
    assert.match(text, /Set up a workshop prompt/);
    assert.match(text, /Business and culture: What the customer's business depends on/);
    assert.match(text, /Only Alex Berg can post this card/);
    const workshopId = workshopIdOf(session.lastPostedCard());
    assert.match(textOf(await session.card('maria', 'workshop.view', { workshopId })), /Alex Berg is preparing a workshop prompt/);
    assert.match((await session.press('maria', 'workshop.post', { workshopId, template: 'before-the-customer-asks' })).text ?? '', /Only the facilitator/);
  });

  it('when three people answer anonymously and the facilitator reveals, votes, hides and closes, then the one card updates in place at every step', async () => {
    const { workshopId, card: posted } = await session.start('alex', anonymousSetup);
    assert.match(textOf(posted), /What does our customer's business depend on this quarter\?[\s\S]*Anonymous · one answer each · answers hidden until revealed/);
    const cardId = session.sharedCard().activityId;
    assert.ok(cardId, 'the setup card itself became the prompt card for everyone');
    const shared = (pattern: RegExp): string => {
      const { activityId, text } = session.sharedCard();
      assert.equal(activityId, cardId, 'always the same card');
      assert.match(text, pattern);
      return text;
    };
    shared(/Answers so far: 0/);

    for (const [index, [person, text]] of (Object.entries(answers) as Array<[keyof typeof answers, string]>).entries()) {
      const own = textOf(await session.card(person, 'workshop.answer', { workshopId, answer_new: text }));
      assert.match(own, /Saved\. You can change your answer/);
      assert.ok(own.includes(text), `${person} sees their own answer (invoke response)`);
      for (const other of Object.values(answers).filter((candidate) => candidate !== text)) assert.ok(!own.includes(other), `${person} cannot see others' answers before the reveal`);
      const everyone = shared(new RegExp(`Answers so far: ${index + 1}`));
      assert.ok(!everyone.includes(text), 'the shared card shows the count, not the answer');
    }

    const revealed = textOf(await session.card('alex', 'workshop.reveal', { workshopId }));
    const everyoneRevealed = shared(/The new web shop launch in May/);
    for (const text of Object.values(answers)) assert.ok(revealed.includes(text) && everyoneRevealed.includes(text), `revealed to all: "${text}"`);
    assert.doesNotMatch(revealed, /Maria Lind|Sam Holm|Kim Ek/);
    assert.match(revealed, /Which of those things can IT make or break/, 'the follow-up question appears after the reveal');

    const voting = await session.card('alex', 'workshop.voting', { workshopId });
    assert.match(textOf(voting), /Dot-voting is open: you have 2 of 2 votes left/);
    shared(/Dot-voting is open: 2 votes each/);
    const webShop = answerIdOf(voting, answers.sam);
    const sundays = answerIdOf(voting, answers.kim);
    await session.card('maria', 'workshop.vote', { workshopId, answerId: webShop });
    await session.card('kim', 'workshop.vote', { workshopId, answerId: webShop });
    const samView = textOf(await session.card('sam', 'workshop.vote', { workshopId, answerId: sundays }));
    assert.match(samView, /you have 1 of 2 votes left/);
    const ranked = shared(/The new web shop launch in May\nvotes: 2/);
    assert.ok(ranked.indexOf(answers.sam) < ranked.indexOf(answers.kim) && ranked.indexOf(answers.kim) < ranked.indexOf(answers.maria), 'ranked by votes, live, for everyone');

    const hidden = textOf(await session.card('alex', 'workshop.hide', { workshopId, answerId: answerIdOf(voting, answers.maria) }));
    assert.match(hidden, /That answer is hidden now/);
    assert.ok(!hidden.includes(answers.maria) && !session.sharedCard().text.includes(answers.maria), 'the hidden answer is gone for everyone');

    const before = harness.connector.posted().length;
    const closed = textOf(await session.card('alex', 'workshop.close', { workshopId }));
    assert.match(closed, /Closed\. People who answered: 3/);
    assert.doesNotMatch(shared(/Closed\. People who answered: 3/), /Save my answer/, 'no more answering once closed');
    assert.equal(harness.connector.posted().length, before + 1, 'one summary card is posted, nothing else');
    const summary = textOf(session.lastPostedCard());
    assert.match(summary, /Workshop summary: What the customer's business depends on/);
    assert.match(summary, /Top answers by votes[\s\S]*The new web shop launch in May[\s\S]*2 · 67%[\s\S]*Stores opening on Sundays/);
    assert.ok(!summary.includes(answers.maria), 'the hidden answer stays out of the summary');
    assert.equal(harness.connector.posted().filter((call) => attachedCard(call.body)).length, 2, 'one card for the whole workshop, and the summary');
  });

  it('when someone who did not post the workshop presses reveal, then it is refused and nothing is revealed', async () => {
    const { workshopId } = await session.start('alex', anonymousSetup);
    for (const [person, text] of Object.entries(answers) as Array<[keyof typeof answers, string]>) await session.press(person, 'workshop.answer', { workshopId, answer_new: text });
    const refusal = await session.press('maria', 'workshop.reveal', { workshopId, facilitatorKey: 'u_forged', userKey: 'u_forged' });
    assert.equal(refusal.card, undefined);
    assert.match(refusal.text ?? '', /Only the facilitator who posted this workshop/);
    const samView = textOf(await session.card('sam', 'workshop.view', { workshopId }));
    assert.ok(!samView.includes(answers.maria), 'answers are still hidden');
  });
});
