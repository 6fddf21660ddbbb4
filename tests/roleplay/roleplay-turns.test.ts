import assert from 'node:assert/strict';
import sinon from 'sinon';
import { userKeyOf } from '../../src/core/keys';
import { messageActivity, testTenantId } from '../support/activities';
import { startTestApp, type TestApp } from '../support/test-app';
import { RoleplayLearner } from './roleplay-driver';
import { storyline } from './roleplay-fixtures';

describe('role-play with the scripted customer, over real HTTP', () => {
  let harness: TestApp;
  let now: Date;
  let learner: RoleplayLearner;
  const userKey = userKeyOf(testTenantId, 'aad-learner-1');
  const story = 'sales-blocked-service-desk';

  beforeEach(async () => {
    now = new Date('2025-03-10T07:40:00Z');
    harness = await startTestApp({}, { clock: () => now });
    learner = new RoleplayLearner(harness);
  });
  afterEach(async () => {
    sinon.restore();
    await harness.stop();
  });

  /** Meeting 1 of the service-desk storyline, played well, with a promise. */
  const playGoodFirstMeeting = async (): Promise<string[]> => {
    await learner.startMeeting(story);
    await learner.say('Hi Maria, that sounds stressful. What happened, and since when?');
    await learner.say('Which of your customers are waiting for quotes, and by when?');
    await learner.say("I can't move every technician, but what I can do instead is get the template back within the hour.");
    await learner.say("So if I understand you: twelve sellers stopped, three customers by Friday. I'll call you every hour until the quotes go out.");
    return learner.say('end');
  };

  it('when a learner types roleplay, then a picker lists every storyline with a way in', async () => {
    const [picker] = await learner.say('roleplay');
    assert.match(picker ?? '', /Role-play: choose a customer/);
    for (const title of ["The quotes won't go out", 'New laptops in the busiest week', 'A full waiting room', "The partner who won't queue", 'By tomorrow, within the contract', 'The idea nobody asked for']) {
      assert.ok(picker?.includes(title), title);
    }
  });

  it('when a message in a meeting changes only the session, then the session is saved by one write without a transaction', async () => {
    await learner.startMeeting(story);
    const sessionVersion = async (): Promise<number | undefined> => (await harness.app.store.list('roleplay-sessions', { owner: userKey }))[0]?.version;
    const before = await sessionVersion();
    const transactions = sinon.spy(harness.app.store, 'transaction');
    const puts = sinon.spy(harness.app.store, 'put');
    await learner.say('Hi Maria, that sounds stressful. What happened, and since when?');
    assert.equal(transactions.callCount, 0);
    assert.deepEqual(puts.getCalls().map((call) => call.args[0].collection), ['roleplay-sessions']);
    assert.equal(await sessionVersion(), (before ?? 0) + 1, 'the learner\'s line is saved');
  });

  it('when a message in a meeting is answered, then the learner and the session are each read once and the session written once, under its version', async () => {
    await learner.startMeeting(story);
    await learner.say('Hi Maria, that sounds stressful. What happened, and since when?');
    const gets = sinon.spy(harness.app.store, 'get');
    const puts = sinon.spy(harness.app.store, 'put');
    await learner.say('Which of your customers are waiting for quotes, and by when?');
    const roleplayReads = gets.getCalls().map((call) => call.args[0]).filter((collection) => collection.startsWith('roleplay-'));
    assert.deepEqual(roleplayReads, ['roleplay-learners', 'roleplay-sessions']);
    assert.equal(puts.callCount, 1);
    assert.equal(typeof puts.firstCall.args[0].expectedVersion, 'number', 'a versioned write, not last-writer-wins');
  });


  it('when a message in a meeting saves the session again, then the update names no owner (SQLite leaves the owner indexes alone) and the session stays the learner’s', async () => {
    await learner.startMeeting(story);
    const puts = sinon.spy(harness.app.store, 'put');
    await learner.say('Hi Maria, that sounds stressful. What happened, and since when?');
    assert.equal(puts.callCount, 1);
    assert.ok(!('owner' in puts.firstCall.args[0]), 'an update keeps the stored owner');
    const sessions = await harness.app.store.list('roleplay-sessions', { owner: userKey });
    assert.deepEqual(sessions.map((record) => record.version), [2]);
  });
  it('when the same message arrives twice at once, then one is answered, the other refused under the version check, and the meeting counts it once', async () => {
    await learner.startMeeting(story);
    const store = harness.app.store;
    const get = store.get.bind(store);
    let sessionReads = 0;
    let bothRead: () => void = () => undefined;
    const barrier = new Promise<void>((resolve) => (bothRead = resolve));
    // Both turns read the session before either writes it, as two instances or a fast double send would.
    sinon.stub(store, 'get').callsFake(async (collection: string, id: string) => {
      const record = await get(collection, id);
      if (collection === 'roleplay-sessions') {
        sessionReads += 1;
        if (sessionReads === 2) bothRead();
        await barrier;
      }
      return record;
    });
    const before = harness.connector.posted().length;
    const activity = { serviceUrl: harness.connector.serviceUrl };
    const line = 'Hi Maria, that sounds stressful. What happened, and since when?';
    const answers = await Promise.all([harness.post(messageActivity(activity, line)), harness.post(messageActivity(activity, line))]);
    assert.deepEqual(answers.map((answer) => answer.status), [200, 200]);
    sinon.restore();
    const posted = harness.connector.posted().slice(before).filter((call) => call.body.type === 'message');
    const texts = posted.map((call) => JSON.stringify(call.body));
    assert.equal(posted.length, 2);
    assert.equal(texts.filter((text) => text.includes('roleplay.correct')).length, 1, 'one answered with what the bot understood');
    assert.equal(texts.filter((text) => text.includes('Someone changed this at the same time')).length, 1, 'one refused kindly');
    const [session] = await store.list<{ state: { learnerTurns: number } }>('roleplay-sessions', { owner: userKey });
    assert.equal(session?.body.state.learnerTurns, 1);
  });

  it('when the brief opens, then it shows who you meet, the situation, your goal and the rubric, and keeps the hidden needs and the demand back', async () => {
    const { replies, updated } = await learner.press('roleplay.brief', { storylineId: story });
    const card = replies[0] ?? '';
    assert.equal(updated, false, 'the brief comes as a new message');
    assert.match(card, /Maria Lind, Head of Sales, Nordbygg Grossist AB/);
    assert.match(card, /The situation\nMaria calls the service desk/);
    assert.match(card, /Your goal\nFind out what the stop means/);
    assert.match(card, /What the debrief will look for[\s\S]*Asked what the stop means for Nordbygg's customers before proposing a fix/);
    assert.match(card, /Found out the 2 things Maria Lind doesn't say unless asked/);
    assert.match(card, /Answered what Maria Lind asks of you with something you can stand by/);
    assert.match(card, /Start the meeting/);
    const meeting = storyline(story).meetings[0];
    assert.ok(meeting);
    const secrets = [
      ...meeting.needs.flatMap((need) => [need.en.need, need.en.says]),
      ...meeting.demands.flatMap((demand) => [demand.en.says, demand.en.goodHandling]),
      ...meeting.rubric.filter((check) => !('did' in check.rule)).map((check) => check.en.check),
      storyline(story).customer.en.customersNeed,
      'Friday',
      'every technician',
    ];
    for (const secret of secrets) assert.ok(!card.includes(secret), `the brief gives away: ${secret}`);
  });

  it('when a meeting is played to the end, then the customer answers by the rules and the debrief shows checks with quotes, strengths and trust', async () => {
    const opening = await learner.startMeeting(story);
    assert.match(opening, /^\*\*Maria Lind:\*\* Hi, it's Maria Lind at Nordbygg/);
    const [reveal] = await learner.say('Which of your customers are waiting for quotes, and by when?');
    assert.match(reveal ?? '', /\*\*Maria Lind:\*\* Honestly\? It's the builders/);
    await learner.say('I see. What happened this morning?');
    await learner.say("I can't move every technician, but what I can do instead is get the template back within the hour.");
    const [closing, debrief] = await learner.say('end');
    assert.match(closing ?? '', /Don't forget what you've told me/);
    assert.match(debrief ?? '', /Debrief: The quotes won't go out/);
    assert.match(debrief ?? '', /Maria Lind's trust in you: 4 → 7 of 10/);
    assert.match(debrief ?? '', /✔\nAsked what the stop means for Nordbygg's customers before proposing a fix\nThink of the customer's customer\nYou said: “Which of your customers are waiting for quotes, and by when\?”/);
    assert.match(debrief ?? '', /✗\nSummarised what you heard/);
    assert.match(debrief ?? '', /Try next time[\s\S]*For example: “So if I understand you/);
    assert.match(debrief ?? '', /Judged by explicit rules/);
    assert.match(debrief ?? '', /Your own check: which of these do you think you did\?/);
    assert.match(debrief ?? '', /Meeting 2 with Maria Lind is ready/);
  });

  it('when the learner comes back for meeting 2, then the customer remembers the promise and the agreement in the learner’s own words, and the trust', async () => {
    await playGoodFirstMeeting();
    const [picker] = await learner.say('roleplay');
    assert.match(picker ?? '', /Meeting 2 of 2 is ready\nMeeting 2 with Maria Lind/);
    const [brief] = (await learner.press('roleplay.brief', { storylineId: story })).replies;
    assert.match(brief ?? '', /Meeting 2 of 2: A week later/);
    assert.match(brief ?? '', /What Maria Lind remembers from before\nYou promised: “I'll call you every hour until the quotes go out\.”/);
    assert.match(brief ?? '', /Agreed: “get the template back within the hour”/);
    // "That sounds stressful" alone is empathy without content, and "so if I understand you" is a summary, not empathy.
    assert.match(brief ?? '', /Trust in you: 8 of 10/);
    await learner.startMeeting(story, 2);
    const [reply] = await learner.say('Hello again, Maria.');
    assert.match(reply ?? '', /Last time you said: “call you every hour until the quotes go out” Did that happen\?/);
  });

  it('when the learner types roleplay during a meeting, then they are taken back into it with the last thing the customer said', async () => {
    await learner.startMeeting(story);
    await learner.say('What happened this morning?');
    const [card, resume] = await learner.say('roleplay');
    assert.match(card ?? '', /In the meeting with Maria Lind/);
    assert.match(resume ?? '', /You're still in the meeting with Maria Lind[\s\S]*nobody can open that shared folder/);
  });

  it('when the learner speaks Swedish, then the whole meeting and the debrief are in Swedish', async () => {
    const swedish = new RoleplayLearner(harness, { locale: 'sv-SE' });
    const [picker] = await swedish.say('rollspel');
    assert.match(picker ?? '', /Rollspel: välj en kund/);
    const opening = await swedish.startMeeting(story);
    assert.match(opening, /Offertsystemet har lagt av igen/);
    const [reply] = await swedish.say('Vilka av era kunder väntar på offerter?');
    assert.match(reply ?? '', /fredag lunch/);
    const [, debrief] = await swedish.say('avsluta');
    assert.match(debrief ?? '', /Återkoppling: Offerterna kommer inte iväg/);
    assert.match(debrief ?? '', /Du sa: ”Vilka av era kunder väntar på offerter\?”/);
  });

  it('when the End button is pressed, then the meeting card loses its button and the debrief follows', async () => {
    await learner.startMeeting(story);
    await learner.say('What happened?');
    const { card, replies } = await learner.press('roleplay.end');
    assert.match(card, /This meeting has ended/);
    assert.doesNotMatch(card, /End the meeting/);
    assert.match(replies.join('\n'), /Debrief: The quotes won't go out/);
  });

  it('when a message is too long, then a kind line says so and the meeting goes on without counting it', async () => {
    await learner.startMeeting(story);
    const [answer] = await learner.say('x'.repeat(801));
    assert.match(answer ?? '', /longer than a customer will listen to \(800 characters at most\)/);
    const [reply] = await learner.say('What happened?');
    assert.match(reply ?? '', /^\*\*Maria Lind:\*\*/);
  });

  it('when the learner reaches 20 messages, then the meeting ends by itself with a debrief', async () => {
    await learner.startMeeting(story);
    for (let index = 1; index < 20; index += 1) await learner.say(`Message ${index}.`);
    const last = await learner.say('Message 20.');
    assert.match(last.join('\n'), /That was message 20, the most one meeting takes[\s\S]*Debrief: The quotes won't go out/);
    const [after] = await learner.say('Are you still there?');
    assert.match(after ?? '', /I didn't recognise that/, 'the meeting is over, so the text is no longer taken by role-play');
  });

  it('when the learner ends before saying anything, then nothing is saved and the meeting can start again', async () => {
    await learner.startMeeting(story);
    assert.deepEqual(await learner.say('end'), ["You ended the meeting before saying anything, so nothing was saved. Type roleplay to try again."]);
    assert.deepEqual(await harness.app.store.list('roleplay-sessions'), []);
    assert.deepEqual(await learner.say('end'), ["You're not in a role-play meeting right now. Type roleplay to start one."]);
  });

  it('when the learner ticks their own checks, then the debrief is updated with how they compare', async () => {
    await learner.startMeeting(story);
    await learner.say('Which of your customers are waiting for quotes?');
    await learner.say('end');
    const [session] = await harness.app.store.list<{ id: string }>('roleplay-sessions');
    assert.ok(session);
    const { card } = await learner.press('roleplay.selfcheck', { sessionId: session.body.id, selfCheck: 'impact-before-fix,summarised' });
    assert.match(card, /You ticked 2 of 5; the debrief found 1\. You agree on 4 of 5\./);
    assert.match(card, /You: done/);
    assert.doesNotMatch(card, /Compare with the debrief/);
  });

  it('when another person presses a self-check with someone else’s session id, then it does not reach that session', async () => {
    await learner.startMeeting(story);
    await learner.say('What happened?');
    await learner.say('end');
    const [session] = await harness.app.store.list<{ id: string }>('roleplay-sessions');
    const other = new RoleplayLearner(harness, { aadObjectId: 'aad-someone-else' });
    const { card } = await other.press('roleplay.selfcheck', { sessionId: session?.body.id, selfCheck: 'summarised' });
    assert.match(card, /That button no longer works/);
  });

  it('when the next meeting has a delay in content, then it stays locked until then and opens after', async () => {
    const laptops = 'laptop-rollout-busy-week';
    await learner.startMeeting(laptops);
    await learner.say('What is happening in your business in the next weeks?');
    const [, debrief] = await learner.say('end');
    assert.match(debrief ?? '', /Meeting 2 with Jonas Ek opens Wed 12 Mar, 08:40/);
    const [picker] = await learner.say('roleplay');
    assert.match(picker ?? '', /Meeting 2 of 3 opens Wed 12 Mar, 08:40/);
    const start = await learner.press('roleplay.start', { storylineId: laptops, meeting: 2 });
    assert.match(start.card, /That meeting isn't open yet/);
    now = new Date(now.getTime() + 49 * 3_600_000);
    const [opened] = await learner.say('roleplay');
    assert.match(opened ?? '', /Meeting 2 of 3 is ready/);
    const [brief] = (await learner.press('roleplay.brief', { storylineId: laptops })).replies;
    assert.match(brief ?? '', /Meeting 2 of 3: Two days later: the pilot stumbles/);
  });

  it('when the learner is in a meeting, then every record is theirs, "my data" shows the transcript, and removing their records removes it all', async () => {
    await playGoodFirstMeeting();
    await learner.startMeeting(story, 2);
    for (const collection of ['roleplay-learners', 'roleplay-sessions']) {
      const records = await harness.app.store.list(collection);
      assert.ok(records.length > 0);
      assert.ok(records.every((record) => record.owner === userKey), collection);
    }
    const [data] = await learner.say('my data');
    assert.match(data ?? '', /Role-play/);
    assert.match(data ?? '', /> You: Which of your customers are waiting for quotes, and by when\?/);
    assert.match(data ?? '', /Promise remembered from meeting 1/);
    await harness.app.store.removeOwnedBy(userKey);
    assert.deepEqual(await harness.app.store.list('roleplay-sessions'), []);
    assert.deepEqual(await harness.app.store.list('roleplay-learners'), []);
  });

  it('when someone who is not in a meeting types plain text, then role-play leaves it alone', async () => {
    const [answer] = await learner.say('Which of your customers are waiting?');
    assert.match(answer ?? '', /I didn't recognise that/);
  });

  it('when roleplay is typed in a group chat, then it points to the personal chat', async () => {
    const group = new RoleplayLearner(harness, { conversationType: 'groupChat', conversationId: '19:group@thread.v2' });
    const [answer] = await group.say('roleplay');
    assert.match(answer ?? '', /works in our one-to-one chat/);
  });
});
