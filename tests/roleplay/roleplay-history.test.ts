import assert from 'node:assert/strict';
import { executeActivity, submitActivity } from '../support/activities';
import { attachedCard, cardText, startTestApp, type TestApp } from '../support/test-app';
import { RoleplayLearner } from './roleplay-driver';

/** Brief and debrief cards stay as they were, and past debriefs can be found again, over real HTTP. */
describe('role-play cards that stay, and past debriefs', () => {
  let harness: TestApp;
  let now: Date;
  let learner: RoleplayLearner;
  const story = 'sales-blocked-service-desk';

  beforeEach(async () => {
    now = new Date('2025-03-10T07:40:00Z');
    harness = await startTestApp({}, { clock: () => now });
    learner = new RoleplayLearner(harness);
  });
  afterEach(async () => harness.stop());

  /** The id and text of the newest posted message whose text matches. */
  const postedMessage = (pattern: RegExp): { id: string; text: string } => {
    const found = harness.connector
      .posted()
      .map((call) => ({ id: call.createdId ?? '', text: typeof call.body.text === 'string' && call.body.text ? call.body.text : cardText(attachedCard(call.body)) }))
      .filter((message) => pattern.test(message.text))
      .at(-1);
    assert.ok(found, `nothing posted matches ${pattern}`);
    return found;
  };

  const playFirstMeeting = async (): Promise<void> => {
    await learner.startMeeting(story);
    await learner.say('Which of your customers are waiting for quotes, and by when?');
    await learner.say('I see. What happened this morning?');
    await learner.say("I can't move every technician, but what I can do instead is get the template back within the hour.");
    await learner.say('end');
  };

  it('when the meeting starts and the learner goes on to meeting 2, then neither the brief nor the debrief is replaced', async () => {
    const brief = await learner.press('roleplay.brief', { storylineId: story });
    const briefId = brief.replyIds[0] ?? '';
    assert.match(brief.replies[0] ?? '', /What the debrief will look for/);
    const started = await learner.press('roleplay.start', { storylineId: story, meeting: 1 }, briefId);
    assert.equal(started.updated, false, 'Start answers with new messages only');
    assert.match(started.replies.join('\n'), /In the meeting with Maria Lind[\s\S]*\*\*Maria Lind:\*\* Hi, it's Maria Lind/);
    const again = await learner.press('roleplay.start', { storylineId: story, meeting: 1 }, briefId);
    assert.equal(again.updated, false, 'a second press leaves the brief too');
    assert.match(again.replies.join('\n'), /You're still in the meeting with Maria Lind/);

    await learner.say('Which of your customers are waiting for quotes, and by when?');
    await learner.say('end');
    const debrief = postedMessage(/^Debrief: The quotes won't go out/);
    assert.match(debrief.text, /Go to meeting 2/);

    const next = await learner.press('roleplay.brief', { storylineId: story, meeting: 2 }, debrief.id);
    assert.equal(next.updated, false, '"Go to meeting 2" sends a new brief');
    assert.match(next.replies[0] ?? '', /Meeting 2 of 2: A week later/);
    const others = await learner.press('roleplay.picker', {}, debrief.id);
    assert.equal(others.updated, false, '"Other customers" sends a new opening card');
    assert.match(others.replies[0] ?? '', /Role-play: choose a customer/);

    // The same with plain Action.Submit, where a replacement would be a PUT to the card's activity.
    const secondBriefId = next.replyIds[0] ?? '';
    await harness.post(submitActivity({ serviceUrl: harness.connector.serviceUrl }, 'roleplay.start', { storylineId: story, meeting: 2 }, secondBriefId));
    assert.match(postedMessage(/\*\*Maria Lind:\*\*/).text, /Third time this month/);
    const replaced = harness.connector.updated().map((call) => call.activityId);
    for (const id of [briefId, debrief.id, secondBriefId]) assert.ok(!replaced.includes(id), `activity ${id} was replaced`);
  });

  it('when the learner opens roleplay after two meetings, then both debriefs are listed and one reopens as a new message', async () => {
    await playFirstMeeting();
    now = new Date('2025-03-17T09:00:00Z');
    await learner.startMeeting(story, 2);
    await learner.say('Last time I promised you updates. The stops were our weekend update, so we move it.');
    await learner.say('end');

    const [picker] = await learner.say('roleplay');
    assert.match(picker ?? '', /Your past meetings/);
    assert.match(
      picker ?? '',
      /The quotes won't go out, meeting 2: A week later: the third time this month\nMon 17 Mar, 10:00 · Maria Lind's trust 7 → \d+ of 10 · \d of 5 checks met\nOpen the debrief\nThe quotes won't go out, meeting 1: Monday, 08:40: nothing works\nMon 10 Mar, 08:40 · Maria Lind's trust 4 → 7 of 10 · \d of 5 checks met\nOpen the debrief/,
    );
    const pickerId = postedMessage(/^Role-play: choose a customer/).id;

    const sessions = await harness.app.store.list<{ id: string; meetingNumber: number }>('roleplay-sessions');
    const first = sessions.find((record) => record.body.meetingNumber === 1);
    assert.ok(first);
    const reopened = await learner.press('roleplay.debrief', { sessionId: first.body.id }, pickerId);
    assert.equal(reopened.updated, false, 'the opening card stays');
    assert.match(reopened.replies[0] ?? '', /^Debrief: The quotes won't go out\nMeeting 1 of 2: Monday, 08:40: nothing works/);
    assert.match(reopened.replies[0] ?? '', /Maria Lind's trust in you: 4 → 7 of 10/);
    assert.match(reopened.replies[0] ?? '', /You said: “Which of your customers are waiting for quotes, and by when\?”/);

    const stranger = new RoleplayLearner(harness, { aadObjectId: 'aad-someone-else' });
    const refused = await stranger.press('roleplay.debrief', { sessionId: first.body.id });
    assert.equal(refused.card, "That button no longer works. Type help to start again.");
    assert.deepEqual(refused.replies, []);
  });

  it('when the learner asks for their data, then every stored debrief is in it, and deleting their data removes them', async () => {
    await playFirstMeeting();
    const [data] = await learner.say('my data');
    assert.match(data ?? '', /Debrief: trust 4 → 7 of 10; \d of 5 checks met/);
    assert.match(data ?? '', /- Asked what the stop means for Nordbygg's customers before proposing a fix: met \(you said: “Which of your customers are waiting for quotes, and by when\?”\)/);
    assert.match(data ?? '', /- Summarised what you heard: not met/);

    await learner.say('delete my data');
    await harness.post(executeActivity({ serviceUrl: harness.connector.serviceUrl }, 'privacy.delete.confirm'));
    assert.deepEqual(await harness.app.store.list('roleplay-sessions'), []);
    const [picker] = await learner.say('roleplay');
    assert.doesNotMatch(picker ?? '', /Your past meetings/);
    const [after] = await learner.say('my data');
    assert.doesNotMatch(after ?? '', /Debrief:/);
  });
});
