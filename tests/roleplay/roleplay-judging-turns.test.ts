import assert from 'node:assert/strict';
import { submitActivity } from '../support/activities';
import { attachedCard, cardText, startTestApp, type TestApp } from '../support/test-app';
import { RoleplayLearner } from './roleplay-driver';

describe('role-play judging what the learner confirmed, over real HTTP', () => {
  let harness: TestApp;
  let learner: RoleplayLearner;
  const story = 'sales-blocked-service-desk';

  beforeEach(async () => {
    harness = await startTestApp({}, { clock: () => new Date('2025-03-10T07:40:00Z') });
    learner = new RoleplayLearner(harness);
  });
  afterEach(async () => harness.stop());

  const sessionId = async (): Promise<string> => {
    const sessions = await harness.app.store.list<{ id: string; status: string }>('roleplay-sessions');
    const active = sessions.find((record) => record.body.status === 'active');
    assert.ok(active, 'an active session');
    return active.body.id;
  };

  /** Meeting 1 up to the customer's demand for every technician (raised after the second message). */
  const upToTheDemand = async (): Promise<void> => {
    await learner.startMeeting(story);
    await learner.say('What happened this morning?');
    const [demand] = await learner.say('Which of your customers are waiting for quotes?');
    assert.match(demand ?? '', /every technician you have/);
  };

  it('when the learner sends a message, then the customer answers in one message with a compact line under it of what the bot understood, with buttons to correct it', async () => {
    await learner.startMeeting(story);
    const messages = await learner.sayApart("Hi Maria, what's going on with the quotes?");
    assert.equal(messages.length, 1, 'the customer’s answer and what the bot understood are one message');
    const [answer] = messages;
    assert.match(answer?.lead ?? '', /^\*\*Maria Lind:\*\* \S/);
    assert.match(answer?.card ?? '', /\nWhat I understood \(tap to correct\):\nYou greeted them · You asked about the situation\nNot this: You greeted them/);
  });

  it('when the learner removes a move the bot misread, then that turn is replayed: the customer answers by the corrected moves and trust loses what the wrong move earned', async () => {
    await upToTheDemand();
    const [caved] = await learner.sayApart("Sure, I understand the pressure with your sellers idle, we'll put everyone on it right away.");
    assert.match(caved?.lead ?? '', /I'll tell my sellers you've put everyone on it/);
    assert.match(caved?.card ?? '', /You showed you understood how it felt · You said yes · You gave in/);
    const id = await sessionId();
    const answerId = learner.lastMessageId();
    await learner.press('roleplay.correct', { sessionId: id, turn: 3, remove: 'agrees' }, answerId);
    const { card, updated, replies } = await learner.press('roleplay.correct', { sessionId: id, turn: 3, remove: 'caves' }, answerId);
    assert.equal(updated, true, 'the card pressed is replaced in place');
    assert.equal(replies.length, 0, 'the correction posts nothing new');
    assert.doesNotMatch(card, /put everyone on it/);
    assert.match(card, /^\*\*Maria Lind:\*\* [^\n]+\nWhat I understood \(tap to correct\):\nYou showed you understood how it felt\nCorrected\. The customer has answered again, above\./, 'the new answer, with the corrected moves under it');
    const [, debrief] = await learner.say('end');
    assert.doesNotMatch(debrief ?? '', /you said yes to their demand/);
    assert.match(debrief ?? '', /The demand was left without an answer\./);
  });

  it('when the learner names the move they meant, then the customer accepts the offer in the learner’s own words and the debrief counts it', async () => {
    await upToTheDemand();
    const line = "One technician on it now, and the Excel template back in your sellers' hands within the hour.";
    const [first] = await learner.say(line);
    assert.doesNotMatch(first ?? '', /saves the week/, 'not read as an offer at first');
    const { card, replies } = await learner.press('roleplay.correct', { sessionId: await sessionId(), turn: 3, meant: 'offers-alternative' }, learner.lastMessageId());
    assert.equal(replies.length, 0);
    assert.match(card, /^\*\*Maria Lind:\*\* OK… “One technician on it now, and the Excel template back in your sellers' hands within the hour\.”\. If that works, that actually saves the week\.[^\n]*\nWhat I understood \(tap to correct\):\nYou offered an alternative: ‘One technician on it now/);
    const [, debrief] = await learner.say('end');
    assert.match(debrief ?? '', /✔\nAnswered the demand for every technician with what you can do instead/);
    assert.match(debrief ?? '', /\+2 you answered their demand with an alternative/);
  });

  it('when the correction comes as a plain Action.Submit, then the pressed card is rewritten with the new answer above the corrected moves, and nothing new is posted', async () => {
    await upToTheDemand();
    await learner.say("Sure, I understand the pressure with your sellers idle, we'll put everyone on it right away.");
    const answerId = learner.lastMessageId();
    const postedBefore = harness.connector.posted().length;
    await harness.post(submitActivity({ serviceUrl: harness.connector.serviceUrl }, 'roleplay.correct', { sessionId: await sessionId(), turn: 3, remove: 'caves' }, answerId));
    const [rewrite, ...more] = harness.connector.updated();
    assert.equal(more.length, 0);
    assert.equal(rewrite?.activityId, answerId);
    assert.match(cardText(attachedCard(rewrite?.body ?? {})), /^\*\*Maria Lind:\*\* [^\n]+\nWhat I understood \(tap to correct\):\nYou showed you understood how it felt · You said yes\nCorrected/);
    assert.equal(harness.connector.posted().length, postedBefore);
  });

  it('when an older message is corrected after the customer has moved on, then nothing changes and the learner is told why', async () => {
    await upToTheDemand();
    const id = await sessionId();
    const firstAnswerId = harness.connector.posted().filter((call) => call.body.type === 'message').at(-2)?.createdId ?? '';
    const { card, replies } = await learner.press('roleplay.correct', { sessionId: id, turn: 1, remove: 'asks-situation' }, firstAnswerId);
    assert.equal(replies.length, 0);
    assert.match(card, /^\*\*Maria Lind:\*\* It stopped this morning[^\n]+\nWhat I understood[\s\S]*That moment has passed: only your latest message can be corrected\./, 'the customer’s answer to that message stays in its card');
  });

  it('when an offer has nothing concrete in it, then the customer asks what exactly is offered and the demand stays open', async () => {
    await upToTheDemand();
    const [reply] = await learner.sayApart("I can't do that, but what I can do instead is a workaround for the sellers.");
    assert.match(reply?.lead ?? '', /What exactly are you offering\?/);
    assert.match(reply?.card ?? '', /You offered an alternative, but nothing concrete yet/);
    const [, debrief] = await learner.say('end');
    assert.match(debrief ?? '', /◐\nAnswered the demand for every technician with what you can do instead/);
  });

  it('when a promise is vague, then it is not remembered as a commitment and meeting 2 does not ask about it', async () => {
    await learner.startMeeting(story);
    await learner.say('What happened this morning?');
    const [reply] = await learner.sayApart("I'll definitely follow up.");
    assert.match(reply?.card ?? '', /You promised, but nothing concrete yet/);
    await learner.say('end');
    const [brief] = await learner.say('roleplay');
    assert.doesNotMatch(brief ?? '', /You promised/);
    const opening = await learner.startMeeting(story, 2);
    assert.match(opening, /^\*\*Maria Lind:\*\* Before we start: I haven't forgotten our last conversation\./);
    assert.doesNotMatch(opening, /Did that happen\?/);
  });

  const promiseInMeetingOne = async (): Promise<void> => {
    await learner.startMeeting(story);
    await learner.say('What happened this morning?');
    await learner.say("I'll call you at ten with an update on the template.");
    await learner.say('end');
  };

  it('when meeting 2 opens after a concrete promise, then the customer asks after the first message whether it was kept; a yes raises trust, and following up counts half', async () => {
    await promiseInMeetingOne();
    const opening = await learner.startMeeting(story, 2);
    assert.doesNotMatch(opening, /Did that happen\?/, 'the learner gets one message to bring it up first');
    const [asked] = await learner.say('Hi Maria, good to see you.');
    assert.match(asked ?? '', /Last time you said: “call you at ten with an update on the template” Did that happen\?\n/);
    const [reply] = await learner.sayApart('Yes, I called at ten and the template was back, it worked.');
    assert.match(reply?.lead ?? '', /Yes, it did\. Good\. That's why I'm still talking to you\./);
    assert.match(reply?.card ?? '', /You said you kept your word/);
    const [, debrief] = await learner.say('end');
    assert.match(debrief ?? '', /\+1 you kept your word from last time/);
    assert.match(debrief ?? '', /You answered when they asked, rather than following up yourself\./);
  });

  it('when the learner tells in the first message how the promise went, without a word of "done", then the customer does not ask, and it counts as following up', async () => {
    await promiseInMeetingOne();
    await learner.startMeeting(story, 2);
    const [reply] = await learner.sayApart('Before anything else: I called you at ten, the template update went out as said.');
    assert.doesNotMatch(reply?.lead ?? '', /Did that happen\?/);
    assert.match(reply?.card ?? '', /You said you kept your word/);
    const [, debrief] = await learner.say('end');
    assert.match(debrief ?? '', /✔\nFollowed up on what you promised last time[^\n]*\n[^\n]*\nYou said: “Before anything else: I called you at ten[^\n]*\nYou told how last time's promise went before they asked\./);
  });

  it('when the learner says inside the fiction that the promise was not kept, then the customer reacts to it and trust drops', async () => {
    await promiseInMeetingOne();
    await learner.startMeeting(story, 2);
    const [reply] = await learner.say("Honestly no, I didn't get to call you at ten.");
    assert.match(reply ?? '', /No, it didn't\. Thanks for saying it straight\./);
    const [, debrief] = await learner.say('end');
    assert.match(debrief ?? '', /−1 you didn't keep your word from last time/);
  });

  it('when the learner tries one moment again from the debrief, then that exchange is replayed from the state before it, and the first debrief and the storyline progress stay', async () => {
    await upToTheDemand();
    await learner.say("Sorry, I can't do that, not possible.");
    const [, debrief] = await learner.say('end');
    assert.match(debrief ?? '', /Try this moment again: “Sorry, I can't do that, not possible\.”/);
    const [first] = await harness.app.store.list<{ id: string }>('roleplay-sessions');
    assert.ok(first);
    const { card, replies } = await learner.press('roleplay.retry', { sessionId: first.body.id, turn: 3 });
    assert.doesNotMatch(card, /changed this at the same time/);
    assert.match(replies[0] ?? '', /Back to the moment before you said: “Sorry, I can't do that, not possible\.”/);
    assert.match(replies[1] ?? '', /^\*\*Maria Lind:\*\* .*every technician you have/);
    const [answer] = await learner.say("I can't move every technician, but what I can do is get the Excel template back within the hour.");
    assert.match(answer ?? '', /saves the week/);
    const [, second] = await learner.say('end');
    assert.match(second ?? '', /✔\nAnswered the demand for every technician with what you can do instead/);
    const sessions = await harness.app.store.list<{ status: string; debrief?: unknown }>('roleplay-sessions');
    assert.equal(sessions.filter((record) => record.body.status === 'ended' && record.body.debrief).length, 2, 'both debriefs are kept');
    const [brief] = await learner.say('roleplay');
    assert.match(brief ?? '', /Meeting 2 of 2/);
    assert.doesNotMatch(brief ?? '', /Agreed:/, 'the second try does not rewrite what the customer remembers');
  });
});
