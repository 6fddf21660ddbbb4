import assert from 'node:assert/strict';
import { userKeyOf } from '../../src/core/keys';
import { Pledges, type Pledge } from '../../src/workshops/pledges/pledges';
import { messageActivity, testTenantId } from '../support/activities';
import { startTestApp, type TestApp } from '../support/test-app';
import { ChannelSession, choiceSetOf, choicesOf, choiceValue, people, textOf, type Person } from './workshop-support';

const answers = { maria: 'Ask the shops about their busiest week', sam: 'Plan updates around the shops', kim: 'Tell the shops what we change' } as const;
const businessTheme = "Understand the customer's business and culture";

describe('pledging a behaviour the team chose, over real HTTP', () => {
  let harness: TestApp;
  let session: ChannelSession;
  let now: Date;

  beforeEach(async () => {
    now = new Date('2026-03-10T13:00:00Z');
    harness = await startTestApp({}, { clock: () => now });
    session = new ChannelSession(harness);
  });
  afterEach(async () => {
    await harness.stop();
  });

  const pledgeOf = async (person: Person): Promise<Pledge | undefined> =>
    (await harness.app.store.list<Pledge>('workshop-pledges')).find((record) => record.owner === userKeyOf(testTenantId, people[person].aadObjectId))?.body;

  /** Everyone answers; returns the workshop id and the answer ids, read from the facilitator's moderation list. */
  async function answered(setup: Record<string, unknown>, who: readonly (keyof typeof answers)[] = ['maria', 'sam', 'kim']): Promise<{ workshopId: string; ids: Partial<Record<keyof typeof answers, string>> }> {
    const { workshopId } = await session.start('alex', { hiddenUntilReveal: 'true', ...setup });
    for (const person of who) await session.card(person, 'workshop.answer', { workshopId, answer_new: answers[person] });
    const card = await session.card('alex', 'workshop.reveal', { workshopId });
    return { workshopId, ids: Object.fromEntries(who.map((person) => [person, choiceValue(card, 'moderateAnswer', answers[person])])) };
  }

  it('when the team has voted, then its top-voted answers are offered as pledges with the prompt’s theme, and a participant pledges one', async () => {
    const { workshopId, ids } = await answered({ template: 'customer-business-this-quarter', anonymous: 'true' });
    assert.match((await session.press('maria', 'workshop.pledge', { workshopId, pledgeAnswer: ids.sam })).text ?? '', /Pledges open once the team has looked at the answers together/);
    await session.card('alex', 'workshop.voting', { workshopId });
    assert.equal(choicesOf(await session.card('maria', 'workshop.view', { workshopId }), 'pledgeAnswer'), undefined, 'nothing to offer before anyone voted');
    await session.card('maria', 'workshop.vote', { workshopId, answerId: ids.sam });
    await session.card('kim', 'workshop.vote', { workshopId, answerId: ids.sam });
    await session.card('kim', 'workshop.vote', { workshopId, answerId: ids.kim });

    const offered = choicesOf(await session.card('maria', 'workshop.view', { workshopId }), 'pledgeAnswer');
    assert.deepEqual(offered, [
      { title: `“${answers.sam}” · ${businessTheme}`, value: ids.sam },
      { title: `“${answers.kim}” · ${businessTheme}`, value: ids.kim },
      { title: 'Something of my own (choose the theme below)', value: 'own' },
    ]);
    assert.match((await session.press('maria', 'workshop.pledge', { workshopId, pledgeAnswer: ids.maria })).text ?? '', /isn't among the team's top-voted answers/, 'an answer nobody voted for is not offered');
    assert.equal(await pledgeOf('maria'), undefined);

    const pledged = await session.card('maria', 'workshop.pledge', { workshopId, pledgeAnswer: ids.sam, pledgeTheme: 'trust', pledgeText: 'Ask on Monday' });
    assert.match(textOf(pledged), /Pledge saved\. In a week/);
    assert.equal(choicesOf(pledged, 'pledgeAnswer')?.length, 3);
    assert.equal(choiceSetOf(pledged, 'pledgeAnswer')?.value, ids.sam, 'the chosen answer stays chosen');
    assert.deepEqual(await pledgeOf('maria'), {
      theme: 'business',
      text: 'Ask on Monday',
      behaviour: { answerId: ids.sam, text: answers.sam },
      workshopId,
      tenantId: testTenantId,
      createdAt: now.toISOString(),
      followUpAt: '2026-03-17T13:00:00.000Z',
    });
    const due = await new Pledges(harness.app.store).dueFollowUps(new Date('2026-03-17T13:00:00Z'));
    assert.deepEqual(due.map((entry) => [entry.userKey, entry.theme]), [[userKeyOf(testTenantId, people.maria.aadObjectId), 'business']], 'the week-later follow-up stays');
    await harness.post(messageActivity({ serviceUrl: harness.connector.serviceUrl, ...people.maria }, 'my data'));
    assert.match(session.postedTexts().join('\n'), new RegExp(`2026-03-10 · ${businessTheme}: ${answers.sam} — Ask on Monday`));
  });

  it('when the prompt has no theme, then the facilitator gives an answer one for pledges, and an answer without one asks the person for a theme', async () => {
    const { workshopId, ids } = await answered({ customPrompt: 'What should we do before the customer asks?', anonymous: 'false' }, ['maria', 'sam']);
    await session.card('alex', 'workshop.voting', { workshopId });
    await session.card('kim', 'workshop.vote', { workshopId, answerId: ids.maria });
    await session.card('sam', 'workshop.vote', { workshopId, answerId: ids.sam });
    assert.match(choicesOf(await session.card('kim', 'workshop.view', { workshopId }), 'pledgeAnswer')?.[0]?.title ?? '', /· choose the theme below$/);

    assert.match((await session.press('kim', 'workshop.theme', { workshopId, moderateAnswer: ids.maria, answerTheme: 'listen' })).text ?? '', /Only the facilitator/);
    assert.match((await session.press('alex', 'workshop.theme', { workshopId, moderateAnswer: ids.maria, answerTheme: 'no-such-theme' })).text ?? '', /Choose a theme for that answer/);
    assert.match(textOf(await session.card('alex', 'workshop.theme', { workshopId, moderateAnswer: ids.maria, answerTheme: 'listen' })), /now practises the theme Big ears and an open mind/);
    const offered = choicesOf(await session.card('kim', 'workshop.view', { workshopId }), 'pledgeAnswer') ?? [];
    assert.ok(offered.some((choice) => choice.title === `“${answers.maria}” · Big ears and an open mind`), JSON.stringify(offered));
    assert.ok(!JSON.stringify(offered).includes('Maria Lind'), 'offers quote the answer, not who wrote it');

    await session.card('kim', 'workshop.pledge', { workshopId, pledgeAnswer: ids.maria });
    assert.equal((await pledgeOf('kim'))?.theme, 'listen');
    assert.match((await session.press('maria', 'workshop.pledge', { workshopId, pledgeAnswer: ids.sam })).text ?? '', /Choose a theme for your pledge/);
    await session.card('maria', 'workshop.pledge', { workshopId, pledgeAnswer: ids.sam, pledgeTheme: 'proactive' });
    assert.deepEqual([(await pledgeOf('maria'))?.theme, (await pledgeOf('maria'))?.behaviour?.text], ['proactive', answers.sam]);
  });

  it('when the workshop closes after voting, then the card still offers the top answers as pledges; without votes it takes none', async () => {
    const { workshopId, ids } = await answered({ template: 'customer-business-this-quarter', anonymous: 'true' });
    await session.card('alex', 'workshop.voting', { workshopId });
    await session.card('sam', 'workshop.vote', { workshopId, answerId: ids.kim });
    await session.card('alex', 'workshop.close', { workshopId });
    const closed = await session.card('kim', 'workshop.view', { workshopId });
    assert.match(textOf(closed), /Closed\. People who answered: 3/);
    assert.equal(choicesOf(closed, 'pledgeAnswer')?.[0]?.value, ids.kim);
    assert.match(textOf(await session.card('kim', 'workshop.pledge', { workshopId, pledgeAnswer: ids.kim })), /Pledge saved/);
    assert.equal((await pledgeOf('kim'))?.behaviour?.text, answers.kim);

    const other = await answered({ template: 'customer-business-this-quarter', anonymous: 'true' });
    await session.card('alex', 'workshop.close', { workshopId: other.workshopId });
    assert.equal(choicesOf(await session.card('kim', 'workshop.view', { workshopId: other.workshopId }), 'pledgeAnswer'), undefined);
    assert.match((await session.press('kim', 'workshop.pledge', { workshopId: other.workshopId, pledgeTheme: 'trust' })).text ?? '', /This workshop is closed/);
  });
});
