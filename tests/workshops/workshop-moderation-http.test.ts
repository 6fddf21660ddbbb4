import assert from 'node:assert/strict';
import type { Workshop } from '../../src/workshops/workshop';
import { executeActivity } from '../support/activities';
import { rosterResponder, type RosterMember } from '../support/loopback-connector';
import { startTestApp, type TestApp } from '../support/test-app';
import { ChannelSession, choicesOf, choiceValue, roster, textOf, type Card } from './workshop-support';

const anonymousSetup = { template: 'customer-business-this-quarter', anonymous: 'true', hiddenUntilReveal: 'true', votesPerPerson: '2' };
const answers = { maria: 'Sunday opening hours', sam: 'Stores open on Sundays', kim: 'The web shop launch in May' } as const;
const maxCardBytes = 28 * 1024;
const bytes = (card: Card): number => Buffer.byteLength(JSON.stringify(card));

describe('workshop moderation over real HTTP: merging duplicates and one compact control', () => {
  let harness: TestApp;
  let session: ChannelSession;

  beforeEach(async () => {
    harness = await startTestApp();
    session = new ChannelSession(harness);
  });
  afterEach(async () => {
    await harness.stop();
  });

  /** Three anonymous answers, revealed; returns the workshop id and each answer's id. */
  async function revealed(): Promise<{ workshopId: string; ids: Record<keyof typeof answers, string> }> {
    const { workshopId } = await session.start('alex', anonymousSetup);
    for (const [person, text] of Object.entries(answers) as Array<[keyof typeof answers, string]>) await session.card(person, 'workshop.answer', { workshopId, answer_new: text });
    const card = await session.card('alex', 'workshop.reveal', { workshopId });
    const id = (text: string): string => choiceValue(card, 'moderateAnswer', text);
    return { workshopId, ids: { maria: id(answers.maria), sam: id(answers.sam), kim: id(answers.kim) } };
  }

  const workshopRecord = async (): Promise<Workshop | undefined> => (await harness.app.store.list<Workshop>('workshops')).at(-1)?.body;

  it('when the facilitator merges two answers that say the same, then they show as one and a person who voted for both counts once', async () => {
    const { workshopId, ids } = await revealed();
    await session.card('alex', 'workshop.voting', { workshopId });
    await session.card('maria', 'workshop.vote', { workshopId, answerId: ids.maria });
    await session.card('maria', 'workshop.vote', { workshopId, answerId: ids.sam });
    await session.card('sam', 'workshop.vote', { workshopId, answerId: ids.sam });
    await session.card('kim', 'workshop.vote', { workshopId, answerId: ids.kim });
    assert.match(session.sharedCard().text, /Stores open on Sundays\nvotes: 2[\s\S]*Sunday opening hours\nvotes: 1/);

    const picking = await session.card('alex', 'workshop.merge.pick', { workshopId, moderateAnswer: ids.maria });
    assert.match(textOf(picking), /Merge “Sunday opening hours” into the answer that says the same\. That answer's wording is kept/);
    assert.deepEqual(choicesOf(picking, 'mergeTarget')?.map((choice) => choice.value).sort(), [ids.sam, ids.kim].sort(), 'any other answer, not itself');
    assert.equal(choicesOf(picking, 'moderateAnswer'), undefined, 'one step at a time');

    const merged = textOf(await session.card('alex', 'workshop.merge', { workshopId, answerId: ids.maria, mergeTarget: ids.sam }));
    assert.match(merged, /Merged\. The two answers show as one/);
    const shared = session.sharedCard().text;
    assert.match(shared, /Stores open on Sundays\nvotes: 2\nMerged with: “Sunday opening hours”/, 'Maria and Sam: two people, not three votes');
    assert.doesNotMatch(shared, /Sunday opening hours\nvotes/, 'the merged answer has no row of its own');
    assert.doesNotMatch(shared, /Maria Lind|Sam Holm|Kim Ek/, 'merging names nobody');
    assert.match(textOf(await session.card('maria', 'workshop.view', { workshopId })), /you have 1 of 2 votes left/, 'her two votes for the same thing count as one');
    assert.match(textOf(await session.card('kim', 'workshop.vote', { workshopId, answerId: ids.maria })), /Your vote is counted/, 'a vote for the merged answer goes to the kept one');
    assert.match(session.sharedCard().text, /Stores open on Sundays\nvotes: 3/);

    const separated = textOf(await session.card('alex', 'workshop.separate', { workshopId, moderateAnswer: ids.sam }));
    assert.match(separated, /Separated again/);
    assert.match(session.sharedCard().text, /Stores open on Sundays\nvotes: 3[\s\S]*Sunday opening hours\nvotes: 1/, 'undone: each answer counts its own votes again');
    assert.doesNotMatch(session.sharedCard().text, /Merged with/);

    await session.card('alex', 'workshop.merge', { workshopId, answerId: ids.maria, mergeTarget: ids.sam });
    await session.card('alex', 'workshop.close', { workshopId });
    const summary = textOf(session.lastPostedCard());
    assert.match(summary, /Top answers by votes\nPeople who voted: 3\nStores open on Sundays[\s\S]*3 · 100%/);
    assert.doesNotMatch(summary, /Sunday opening hours/, 'the summary counts the merged answers as one');
  });

  it('when someone who does not run the workshop tries to merge or separate, then it is refused and nothing changes', async () => {
    const { workshopId, ids } = await revealed();
    const forged = { workshopId, answerId: ids.maria, mergeTarget: ids.sam, moderateAnswer: ids.sam, facilitatorKey: 'u_forged' };
    for (const verb of ['workshop.merge.pick', 'workshop.merge', 'workshop.separate', 'workshop.theme']) {
      assert.match((await session.press('maria', verb, { ...forged, answerTheme: 'listen' })).text ?? '', /Only the facilitator who posted this workshop/, verb);
    }
    const record = await workshopRecord();
    assert.equal(record?.merges, undefined);
    assert.equal(record?.answerThemes, undefined);
    assert.match(session.sharedCard().text, /Sunday opening hours[\s\S]*Stores open on Sundays|Stores open on Sundays[\s\S]*Sunday opening hours/);
    assert.match((await session.press('alex', 'workshop.merge', { workshopId, answerId: ids.maria, mergeTarget: 'a_forged' })).text ?? '', /isn't on the card any more/);
    assert.match((await session.press('alex', 'workshop.separate', { workshopId, moderateAnswer: ids.kim })).text ?? '', /isn't merged with another/);
    assert.equal((await workshopRecord())?.merges, undefined);
  });

  it('when the facilitator moderates, then one compact list of answers replaces a Hide button per answer and hides for everyone', async () => {
    const { workshopId, ids } = await revealed();
    const own = await session.card('alex', 'workshop.view', { workshopId });
    assert.deepEqual(choicesOf(own, 'moderateAnswer')?.length, 3);
    assert.doesNotMatch(JSON.stringify(own), /"verb":"workshop\.hide","workshopId":"[^"]+","answerId"/, 'no Hide button on each answer');
    assert.equal((JSON.stringify(own).match(/"verb":"workshop\.hide"/g) ?? []).length, 2, 'one Hide action (verb and data) for all answers');
    assert.equal(choicesOf(await session.card('maria', 'workshop.view', { workshopId }), 'moderateAnswer'), undefined, 'participants have no moderation');

    assert.match((await session.press('alex', 'workshop.hide', { workshopId })).text ?? '', /Choose an answer in the list first/);
    assert.match((await session.press('sam', 'workshop.hide', { workshopId, moderateAnswer: ids.kim })).text ?? '', /Only the facilitator/);
    assert.match(session.sharedCard().text, /The web shop launch in May/);
    const hidden = await session.card('alex', 'workshop.hide', { workshopId, moderateAnswer: ids.kim });
    assert.match(textOf(hidden), /That answer is hidden now/);
    assert.ok(!session.sharedCard().text.includes(answers.kim), 'gone for everyone');
    assert.deepEqual(choicesOf(hidden, 'moderateAnswer')?.length, 2);

    const merged = await session.card('alex', 'workshop.merge', { workshopId, answerId: ids.maria, mergeTarget: ids.sam });
    assert.deepEqual(choicesOf(merged, 'moderateAnswer')?.map((choice) => choice.title), [`${answers.sam} · merged with 1 more`]);
    await session.card('alex', 'workshop.hide', { workshopId, moderateAnswer: ids.sam });
    assert.ok(!session.sharedCard().text.includes(answers.maria) && !session.sharedCard().text.includes(answers.sam), 'hiding a merged answer hides the answers merged into it');
  });

  it('when 60 people answer at length, then the facilitator lists all 60 in the compact control and every view stays under Teams’ 28 KB', async () => {
    // Teams ids as long as real ones, since the card carries all 60 for user-specific views.
    const teamsId = (index: number): string => `29:1${String(index).padStart(4, '0')}GcS4EyB_oSI8A88XmWBN7NJFyMqe3I5Gc4xjRHNYDpoAqT-LsXhPYmrmV`;
    const crowd: RosterMember[] = Array.from({ length: 59 }, (_, index) => ({ id: teamsId(index), name: `Person ${index}`, aadObjectId: `aad-extra-${index}` }));
    harness.connector.respondWith(rosterResponder([{ ...roster[0], id: teamsId(99) } as RosterMember, ...crowd]));
    const { workshopId } = await session.start('alex', { template: 'behaviours-more-on-site', anonymous: 'false', hiddenUntilReveal: 'false', votesPerPerson: '5' });
    for (let index = 0; index < 60; index += 1) {
      const person = { ...session.as('kim'), aadObjectId: `aad-extra-${index}`, userName: `Person with a rather long display name ${index}` };
      await harness.post(executeActivity(person, 'workshop.answer', { workshopId, answer_new: `Answer ${index} `.padEnd(480, '.') }));
    }
    const answering = await session.card('alex', 'workshop.view', { workshopId });
    assert.equal(choicesOf(answering, 'moderateAnswer')?.length, 60);
    const voting = await session.card('alex', 'workshop.voting', { workshopId });
    const first = choiceValue(voting, 'moderateAnswer', 'Answer 0 ');
    for (let index = 0; index < 5; index += 1) await session.card('alex', 'workshop.vote', { workshopId, answerId: choiceValue(voting, 'moderateAnswer', `Answer ${index} `) });
    let merged = voting;
    for (let index = 0; index < 10; index += 1) {
      const [from, into] = [choiceValue(voting, 'moderateAnswer', `Answer ${59 - index} `), choiceValue(voting, 'moderateAnswer', `Answer ${index} `)];
      merged = await session.card('alex', 'workshop.merge', { workshopId, answerId: from, mergeTarget: into });
    }
    const picking = await session.card('alex', 'workshop.merge.pick', { workshopId, moderateAnswer: first });
    const shared = session.sharedCard().card;
    const sizes = { answering: bytes(answering), voting: bytes(voting), merged: bytes(merged), picking: bytes(picking), shared: bytes(shared) };
    for (const [view, size] of Object.entries(sizes)) assert.ok(size < maxCardBytes, `${view}: ${size} bytes`);
    assert.equal(choicesOf(merged, 'moderateAnswer')?.length, 50, 'merged answers are listed once');
    assert.equal(choicesOf(picking, 'mergeTarget')?.length, 49);
    assert.match(textOf(merged), /Merged with: “Answer 59 /);
    assert.match(textOf(merged), /Answers, most votes first · \d+ of 50 shown; Export gives all of them/);
  });
});
