import assert from 'node:assert/strict';
import { userKeyOf } from '../../src/core/keys';
import { Pledges, type Pledge } from '../../src/workshops/pledges/pledges';
import { executeActivity, messageActivity, testTenantId } from '../support/activities';
import { offersIn, receiveFiles } from '../support/file-consent';
import { startTestApp, type TestApp } from '../support/test-app';
import { ChannelSession, people, personalChatOf, textOf } from './workshop-support';

describe('workshop rules over real HTTP', () => {
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

  it('when answers are named, then the revealed card and the CSV show who wrote what, and the person owns their answer', async () => {
    const { workshopId } = await session.start('alex', { customPrompt: 'One thing we could do before the customer asks', anonymous: 'false', hiddenUntilReveal: 'true' });
    await session.card('maria', 'workshop.answer', { workshopId, answer_new: 'Warn the shops before updates' });
    const revealed = textOf(await session.card('alex', 'workshop.reveal', { workshopId }));
    assert.match(revealed, /Warn the shops before updates\nMaria Lind/);
    assert.match(revealed, /Names shown/);
    const [response] = await harness.app.store.list('collection-responses');
    assert.equal(response?.owner, userKeyOf(testTenantId, people.maria.aadObjectId), 'named answers go with "delete my data"');
    await harness.post(messageActivity(session.inPersonalChat('alex'), 'help'));
    await session.say('alex', 'workshop export');
    const [, csv] = await receiveFiles(harness, session.inPersonalChat('alex'), offersIn(harness.connector, personalChatOf('alex')));
    assert.equal(csv, 'rank,answer,votes,author\r\n1,Warn the shops before updates,0,Maria Lind');
    assert.match((await session.press('maria', 'workshop.close', { workshopId })).text ?? '', /Only the facilitator/);
    await session.say('alex', 'workshop close');
    assert.match(textOf(session.lastPostedCard()), /Workshop summary: Workshop prompt[\s\S]*One thing we could do before the customer asks[\s\S]*Warn the shops before updates\nMaria Lind/);
    assert.match(session.sharedCard().text, /Closed\. People who answered: 1/);
  });

  it('when anonymous answers are fewer than three, then reveal is refused so nobody can be singled out', async () => {
    const { workshopId } = await session.start('alex', { template: 'before-the-customer-asks' });
    await session.card('maria', 'workshop.answer', { workshopId, answer_new: 'Check the loaner pool on Fridays' });
    const refusal = await session.press('alex', 'workshop.reveal', { workshopId });
    assert.match(refusal.text ?? '', /Wait until at least 3 people have answered/);
  });

  it('when a person edits their answer, then it replaces the old one instead of adding another', async () => {
    const { workshopId } = await session.start('alex', { template: 'before-the-customer-asks', anonymous: 'true' });
    const first = await session.card('maria', 'workshop.answer', { workshopId, answer_new: 'First thought' });
    const answerId = /"id":"answer_(a_[^"]+)"/.exec(JSON.stringify(first))?.[1];
    assert.ok(answerId, 'the own answer is an editable input');
    const edited = textOf(await session.card('maria', 'workshop.answer', { workshopId, [`answer_${answerId}`]: 'Better thought' }));
    assert.match(edited, /Better thought/);
    assert.doesNotMatch(edited, /First thought/);
    assert.match(edited, /Answers so far: 1/);
  });

  it('when several answers are allowed, then a person can add up to five and no more', async () => {
    const { workshopId } = await session.start('alex', { template: 'before-the-customer-asks', multipleAnswers: 'true' });
    for (const index of [1, 2, 3, 4, 5]) await session.card('sam', 'workshop.answer', { workshopId, answer_new: `Idea ${index}` });
    const view = await session.card('sam', 'workshop.view', { workshopId });
    assert.match(textOf(view), /Idea 1[\s\S]*Idea 5/);
    assert.doesNotMatch(JSON.stringify(view), /"answer_new"/, 'no empty slot after the fifth');
    const refusal = await session.press('sam', 'workshop.answer', { workshopId, answer_new: 'Idea 6' });
    assert.match(refusal.text ?? '', /at most 5\)/);
  });

  it('when the facilitator adds a co-facilitator, then that person may reveal and others still may not', async () => {
    const { workshopId } = await session.start('alex', { template: 'where-to-bend-the-process', hiddenUntilReveal: 'true', anonymous: 'false' });
    const picker = await session.card('alex', 'workshop.cofacilitators', { workshopId });
    const mariaKey = userKeyOf(testTenantId, people.maria.aadObjectId);
    assert.match(JSON.stringify(picker), new RegExp(`"title":"Maria Lind","value":"${mariaKey}"`));
    assert.match((await session.press('maria', 'workshop.cofacilitator.add', { workshopId, coFacilitator: mariaKey })).text ?? '', /Only the facilitator/);
    assert.match((await session.press('alex', 'workshop.cofacilitator.add', { workshopId, coFacilitator: 'u_not-in-this-channel' })).text ?? '', /isn't in this conversation/);
    assert.match(textOf(await session.card('alex', 'workshop.cofacilitator.add', { workshopId, coFacilitator: mariaKey })), /Maria Lind can now run this workshop with you/);
    assert.match((await session.press('kim', 'workshop.answer', { workshopId, answerOptions: '0,1' })).text ?? '', /at most 1\)/);
    await session.card('kim', 'workshop.answer', { workshopId, answerOptions: '1' });
    await session.card('sam', 'workshop.answer', { workshopId, answerOptions: '1' });
    assert.match((await session.press('kim', 'workshop.reveal', { workshopId })).text ?? '', /Only the facilitator/);
    const revealed = textOf(await session.card('maria', 'workshop.reveal', { workshopId }));
    assert.match(revealed, /Fitting roll-outs and updates around the customer's busy periods\n██████████\n2 · 100%/);
  });

  it('when a workshop id from another conversation is sent, then the action is refused', async () => {
    const { workshopId } = await session.start('alex', { template: 'before-the-customer-asks' });
    const elsewhere = new ChannelSession(harness, '19:another-team@thread.tacv2');
    const refusal = await elsewhere.press('alex', 'workshop.close', { workshopId });
    assert.match(refusal.text ?? '', /isn't available here any more/);
  });

  it('when the closing time has passed, then answers are refused and the card says when it closed', async () => {
    const { workshopId, card } = await session.start('alex', { template: 'before-the-customer-asks', closesAt: '15:30' });
    assert.match(textOf(card), /closes at 15:30/);
    await session.card('maria', 'workshop.answer', { workshopId, answer_new: 'In time' });
    now = new Date('2026-03-10T14:31:00Z');
    assert.match((await session.press('sam', 'workshop.answer', { workshopId, answer_new: 'Too late' })).text ?? '', /Answers are closed/);
    assert.match(textOf(await session.card('sam', 'workshop.view', { workshopId })), /Answers closed at 15:30\. Answers: 1/);
  });

  it('when a scale prompt is answered with live results, then the distribution shows once three people answered', async () => {
    const { workshopId } = await session.start('alex', { template: 'partner-or-supplier-scale', hiddenUntilReveal: 'false' });
    await session.card('maria', 'workshop.answer', { workshopId, answerScale: '4' });
    assert.match(textOf(await session.card('sam', 'workshop.answer', { workshopId, answerScale: '2' })), /Results show once at least 3 people have answered/);
    const view = textOf(await session.card('kim', 'workshop.answer', { workshopId, answerScale: '4' }));
    assert.match(view, /Answers: 3 · average 3\.3 of 5/);
    assert.match(view, /\n4\n███████░░░\n2 · 67%/);
  });

  it('when a participant pledges during voting, then the pledge is theirs, follows up a week later, and shows in my data', async () => {
    const { workshopId } = await session.start('alex', { customPrompt: 'What did we learn this month?', anonymous: 'false' });
    await session.card('maria', 'workshop.answer', { workshopId, answer_new: 'Ask before fixing' });
    await session.card('alex', 'workshop.reveal', { workshopId });
    await session.card('alex', 'workshop.voting', { workshopId });
    assert.match((await session.press('maria', 'workshop.pledge', { workshopId, pledgeTheme: 'not-a-theme' })).text ?? '', /Choose a theme/);
    const pledged = textOf(await session.card('maria', 'workshop.pledge', { workshopId, pledgeTheme: 'listen', pledgeText: 'Sum up before I start' }));
    assert.match(pledged, /Pledge saved\. In a week/);
    const mariaKey = userKeyOf(testTenantId, people.maria.aadObjectId);
    const [record] = await harness.app.store.list<Pledge>('workshop-pledges');
    assert.equal(record?.owner, mariaKey);
    assert.deepEqual(record?.body, { theme: 'listen', text: 'Sum up before I start', workshopId, tenantId: testTenantId, createdAt: now.toISOString(), followUpAt: '2026-03-17T13:00:00.000Z' });
    const pledges = new Pledges(harness.app.store);
    assert.deepEqual(await pledges.dueFollowUps(new Date('2026-03-17T12:59:00Z')), []);
    assert.deepEqual((await pledges.dueFollowUps(new Date('2026-03-17T13:00:00Z'))).map((due) => [due.userKey, due.theme]), [[mariaKey, 'listen']]);
    await harness.post(messageActivity({ serviceUrl: harness.connector.serviceUrl, ...people.maria }, 'my data'));
    assert.match(session.postedTexts().join('\n'), /Workshop pledges[\s\S]*2026-03-10 · Big ears and an open mind: Sum up before I start/);
  });

  it('when more people answer than the card can hold, then it shows the first 15, says so, and stays under Teams’ 28 KB', async () => {
    const { workshopId } = await session.start('alex', { template: 'behaviours-more-on-site', anonymous: 'false', hiddenUntilReveal: 'false' });
    for (let index = 0; index < 17; index += 1) {
      const person = { ...session.as('kim'), aadObjectId: `aad-extra-${index}`, userName: `Person ${index}` };
      await harness.post(executeActivity(person, 'workshop.answer', { workshopId, answer_new: `Answer ${index} `.padEnd(480, '.') }));
    }
    const view = await session.card('alex', 'workshop.view', { workshopId });
    assert.match(textOf(view), /Answers · 15 of 17 shown; Export gives all of them/);
    assert.ok(Buffer.byteLength(JSON.stringify(view)) < 28 * 1024, `${Buffer.byteLength(JSON.stringify(view))} bytes`);
  });

  it('when workshop is typed in a personal chat, then the person is told it works in a channel or group chat', async () => {
    await harness.post(messageActivity({ serviceUrl: harness.connector.serviceUrl }, 'workshop'));
    assert.match(session.postedTexts().at(-1) ?? '', /works in a team channel or group chat/);
  });
});
