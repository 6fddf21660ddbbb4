import assert from 'node:assert/strict';
import { azureOpenAiEnv, LoopbackAzureOpenAi, type RecordedModelRequest } from '../support/loopback-azure-openai';
import { startTestApp, type TestApp } from '../support/test-app';
import { RoleplayLearner } from './roleplay-driver';
import { meetingOf, storyline } from './roleplay-fixtures';

describe('role-play with the Azure OpenAI customer (loopback model server), over real HTTP', () => {
  const story = 'sales-blocked-service-desk';
  const firstMeeting = meetingOf(storyline(story), 1);
  let model: LoopbackAzureOpenAi;
  let harness: TestApp;
  let learner: RoleplayLearner;
  let now: Date;
  const promise = "I can't move every technician, but what I can do instead is get the template back within the hour. I'll call you every hour until the quotes go out.";
  const verdict = { checks: firstMeeting.rubric.map((check) => ({ id: check.id, verdict: 'met', reason: 'Seen in the transcript.', quote: '' })), strengths: ['You kept your cool.'], improvements: [] };
  const lastRequest = (): RecordedModelRequest => {
    const request = model.requests.at(-1);
    assert.ok(request, 'the model was not called');
    return request;
  };

  beforeEach(async () => {
    now = new Date('2025-03-10T07:40:00Z');
    model = await LoopbackAzureOpenAi.start();
    model.setDefault({ kind: 'stream', chunks: ['Mm. ', 'Go on.'] });
    harness = await startTestApp(azureOpenAiEnv(model), { clock: () => now });
    learner = new RoleplayLearner(harness);
  });
  afterEach(async () => {
    await harness.stop();
    await model.stop();
  });

  it('when the model takes a moment to stream the customer’s reply, then the learner gets it as one message after the typing indicator', async () => {
    await learner.startMeeting(story);
    model.enqueue({ kind: 'stream', chunks: ['The builders. ', 'Three of them, ', 'by Friday noon.'], delayMs: 600 });
    const before = harness.connector.posted().length;
    const [answer] = await learner.sayApart('Which of your customers are waiting?');
    assert.equal(answer?.lead, '**Maria Lind:** The builders. Three of them, by Friday noon.');
    assert.match(answer?.card ?? '', /\nWhat I understood/);
    assert.deepEqual(harness.connector.posted().slice(before).map((call) => call.body.type), ['typing', 'message'], 'the customer’s reply with what the bot understood, in one message');
    assert.equal(lastRequest().body.stream, true);
  });

  it('when meeting 2 starts, then the model’s context holds meeting 1’s promise (as the learner’s words) and the agreement and trust (in the system message)', async () => {
    await learner.startMeeting(story);
    await learner.say('What happened this morning?');
    await learner.say('Which of your customers are waiting?');
    await learner.say(promise);
    model.enqueue({ kind: 'json', value: verdict });
    const [, debrief] = await learner.say('end');
    assert.match(debrief ?? '', /Judged by the AI coach/);
    assert.match(debrief ?? '', /You kept your cool\./);

    const opening = await learner.startMeeting(story, 2);
    assert.doesNotMatch(opening, /Did that happen\?/, 'the customer waits one message, so the learner can bring it up first');
    await learner.say('Hello again, Maria.');
    const messages = lastRequest().body.messages;
    assert.match(messages.at(-1)?.content ?? '', /^Stage direction for your next reply only: .*ask whether the learner did what they promised last meeting/);
    const system = messages[0]?.content ?? '';
    assert.match(system, /meeting 2 of 2/);
    assert.match(system, /Meeting 1: you agreed: the sellers get the old quote template back/);
    assert.match(system, /Your trust in this supplier is \d+ of 10/);
    assert.ok(!system.includes("I'll call you every hour"), 'learner words never go into the system message');
    assert.deepEqual(messages[1], { role: 'user', content: "(meeting 1) I'll call you every hour until the quotes go out." });
    assert.ok(messages.filter((message) => message.role !== 'user').every((message) => !message.content.includes("I'll call you every hour")));
  });

  it('when the model answers 429, then the scripted customer answers with a note and the meeting carries on with the model', async () => {
    await learner.startMeeting(story);
    model.enqueue({ kind: 'status', status: 429, retryAfterSeconds: 5 });
    const [fallback] = await learner.say('Which of your customers are waiting for quotes?');
    assert.match(fallback ?? '', /\*\*Maria Lind:\*\* Honestly\? It's the builders[\s\S]*The AI customer isn't answering right now/);
    model.enqueue({ kind: 'stream', chunks: ['Well?'] });
    assert.equal((await learner.sayApart('I understand.'))[0]?.lead, '**Maria Lind:** Well?');
  });

  it('when the judge answers malformed JSON, then the debrief is judged by the rules and the meeting is saved', async () => {
    await learner.startMeeting(story);
    await learner.say('Which of your customers are waiting for quotes?');
    model.enqueue({ kind: 'text', text: '{"checks": [' });
    const [, debrief] = await learner.say('end');
    assert.match(debrief ?? '', /Judged by explicit rules/);
    assert.match(debrief ?? '', /You said: “Which of your customers are waiting for quotes\?”/);
  });

  it('when a learner has used 20 model calls in 10 minutes, then the scripted customer answers with a note once, until the window has passed', async () => {
    await learner.startMeeting(story);
    for (let index = 1; index <= 19; index += 1) await learner.say(`Point ${index}.`);
    await learner.say('end');
    assert.equal(model.requests.length, 20, '19 replies and the judge');

    await learner.startMeeting(story, 2);
    const [first] = await learner.say('Hello again.');
    assert.match(first ?? '', /You've talked a lot with the AI customer in the last few minutes/);
    const [second] = await learner.say('How are things?');
    assert.doesNotMatch(second ?? '', /talked a lot/);
    assert.equal(model.requests.length, 20);

    now = new Date(now.getTime() + 11 * 60_000);
    assert.equal((await learner.sayApart('Shall we start?'))[0]?.lead, '**Maria Lind:** Mm. Go on.');
    assert.equal(model.requests.length, 21);
  });

  it('when two learners play, then neither one’s words nor the API key reach the other’s prompts', async () => {
    const other = new RoleplayLearner(harness, { aadObjectId: 'aad-other-learner', userName: 'Kim Ek' });
    await learner.startMeeting(story);
    await learner.say('My secret phrase is blue-giraffe-42.');
    await other.startMeeting(story);
    await other.say('Hello Maria.');
    const body = JSON.stringify(lastRequest().body);
    assert.doesNotMatch(body, /blue-giraffe-42/);
    assert.doesNotMatch(body, /loopback-test-key/);
    assert.doesNotMatch(body, /Alex Berg|Kim Ek/);
  });
});
