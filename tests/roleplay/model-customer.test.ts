import assert from 'node:assert/strict';
import pino from 'pino';
import { createAzureOpenAiModel } from '../../src/ai/azure-openai-model';
import { loadConfig } from '../../src/config';
import { ScriptedCustomer, type CustomerScene } from '../../src/roleplay/customer/customer-engine';
import { directTurn, type DirectedTurn } from '../../src/roleplay/customer/director';
import { newMeetingState } from '../../src/roleplay/meeting-state';
import { ModelCustomer } from '../../src/roleplay/customer/model-customer';
import { azureOpenAiEnv, LoopbackAzureOpenAi } from '../support/loopback-azure-openai';
import { meetingOf, storyline, reader } from './roleplay-fixtures';

describe('model customer (real AzureOpenAI client, loopback REST server)', () => {
  const story = storyline('sales-blocked-service-desk');
  const meeting = meetingOf(story, 1);
  let server: LoopbackAzureOpenAi;
  let customer: ModelCustomer;
  let budgetLeft: number;

  const turnFor = (lines: readonly string[]): { scene: CustomerScene; directed: DirectedTurn } => {
    let state = newMeetingState(story.startTrust, meeting.en.opening);
    let directed: DirectedTurn | undefined;
    for (const line of lines) {
      directed = directTurn(story, meeting, state, line, reader.read(line, 'en'), 'en');
      state = directed.state;
    }
    assert.ok(directed);
    const budget = { take: () => (budgetLeft -= 1) >= 0 };
    return { scene: { storyline: story, meeting, meetingNumber: 1, locale: 'en', memory: { trust: 4, promises: [], agreements: [] }, state, budget }, directed };
  };

  beforeEach(async () => {
    server = await LoopbackAzureOpenAi.start();
    const config = loadConfig(azureOpenAiEnv(server, 500)).azureOpenAi;
    assert.ok(config);
    customer = new ModelCustomer(createAzureOpenAiModel(config), new ScriptedCustomer(), pino({ level: 'silent' }));
    budgetLeft = 20;
  });
  afterEach(async () => server.stop());

  describe('replies', () => {
    it('when the model streams a reply, then it comes back whole as the customer’s words, asked for as a stream', async () => {
      server.enqueue({ kind: 'stream', chunks: ['Three builders ', 'need quotes ', 'by Friday.'] });
      const { scene, directed } = turnFor(['Which of your customers are waiting?']);
      assert.deepEqual(await customer.reply(scene, directed), { text: 'Three builders need quotes by Friday.', source: 'model' });
      const request = server.requests[0];
      assert.equal(request?.body.stream, true);
      assert.equal(request?.body.messages[0]?.role, 'system');
      assert.match(request?.body.messages.at(-1)?.content ?? '', /^Stage direction for your next reply only: The learner asked the right question/);
    });

    for (const [name, answer, reason] of [
      ['429', { kind: 'status', status: 429, retryAfterSeconds: 3 }, 'rate-limited'],
      ['a time-out', { kind: 'hang' }, 'timeout'],
      ['the content filter', { kind: 'content-filter' }, 'content-filtered'],
      ['a 500', { kind: 'status', status: 500 }, 'unavailable'],
    ] as const) {
      it(`when the model answers with ${name}, then the scripted customer answers this turn and says why`, async () => {
        server.enqueue(answer);
        const { scene, directed } = turnFor(['Which of your customers are waiting?']);
        const reply = await customer.reply(scene, directed);
        assert.deepEqual(reply, { text: directed.scripted, source: 'script', fallback: reason });
        assert.match(reply.text, /Friday noon/);
      });
    }

    it('when the reply breaks character, then it is regenerated once with a correction and the second reply is used', async () => {
      server.enqueue({ kind: 'stream', chunks: ['As an AI language model, ', 'I cannot have customers.'] }, { kind: 'stream', chunks: ['Builders. Three of them, by Friday.'] });
      const { scene, directed } = turnFor(['Which of your customers are waiting?']);
      assert.deepEqual(await customer.reply(scene, directed), { text: 'Builders. Three of them, by Friday.', source: 'model' });
      assert.equal(server.requests.length, 2);
      assert.match(server.requests[1]?.body.messages.at(-1)?.content ?? '', /last draft was rejected \(ai-self-reference\)/);
    });

    it('when the reply is still out of character after one retry, then the scripted reply replaces it', async () => {
      server.enqueue({ kind: 'stream', chunks: ['How can I assist you today?'] }, { kind: 'stream', chunks: ['Is there anything else I can help you with? ', 'How can I help?'] });
      const { scene, directed } = turnFor(['Which of your customers are waiting?']);
      assert.deepEqual(await customer.reply(scene, directed), { text: directed.scripted, source: 'script', fallback: 'out-of-character' });
    });

    it('when the learner asks for something the persona refuses and the model just agrees, then the guard catches it', async () => {
      server.enqueue({ kind: 'stream', chunks: ['Sure, next week is fine.'] }, { kind: 'stream', chunks: ['Next week? No. My builders need quotes by Friday.'] });
      const { scene, directed } = turnFor(["We'll fix it next week, is that OK?"]);
      assert.equal((await customer.reply(scene, directed)).text, 'Next week? No. My builders need quotes by Friday.');
      assert.match(server.requests[1]?.body.messages.at(-1)?.content ?? '', /\(caved\)/);
    });

    it('when the learner’s allowance of model calls is spent, then the model is not called and the script answers', async () => {
      budgetLeft = 0;
      const { scene, directed } = turnFor(['Which of your customers are waiting?']);
      assert.deepEqual(await customer.reply(scene, directed), { text: directed.scripted, source: 'script', fallback: 'budget-spent' });
      assert.equal(server.requests.length, 0);
    });
  });

  describe('judge', () => {
    const lines = ['Which of your customers are waiting for quotes?', 'What happened this morning?', 'So if I understand you, it is about Friday.'];
    const verdict = (overrides: Record<string, unknown> = {}) => ({
      checks: meeting.rubric.map((check) => ({ id: check.id, verdict: check.id !== 'demand-with-alternative' ? 'met' : 'not', reason: 'From the transcript.', quote: check.id === 'impact-before-fix' ? 'Which of your customers are waiting for quotes?' : '' })),
      strengths: ['You asked about the builders first.'],
      improvements: [{ point: 'Handle the demand.', better: 'Say what you can do instead.' }],
      ...overrides,
    });

    it('when the judge answers valid JSON for this rubric, then the debrief is the model’s, with structured output requested', async () => {
      server.enqueue({ kind: 'json', value: verdict() });
      const debrief = await customer.judge(turnFor(lines).scene);
      assert.equal(debrief.judgedBy, 'model');
      assert.deepEqual(debrief.strengths, ['You asked about the builders first.']);
      assert.equal(debrief.checks.find((check) => check.id === 'impact-before-fix')?.quote, 'Which of your customers are waiting for quotes?');
      assert.equal(server.requests[0]?.body.response_format?.type, 'json_schema');
      assert.ok(!server.requests[0]?.body.messages[0]?.content.includes('Which of your customers'), 'the transcript is not in the system message');
    });

    it('when the judge reads moves per message, then the debrief keeps those with the learner’s real words and names the harmful ones to avoid', async () => {
      const moves = [
        { message: 1, kind: 'asks-impact', quote: 'Which of your customers are waiting' },
        { message: 2, kind: 'blames', quote: 'What happened this morning?' },
        { message: 3, kind: 'promises', quote: 'I promise free technicians for life.' },
      ];
      server.enqueue({ kind: 'json', value: verdict({ moves }) });
      const debrief = await customer.judge(turnFor(lines).scene);
      assert.deepEqual(debrief.moves, [
        { turn: 1, kind: 'asks-impact', quote: 'Which of your customers are waiting for quotes?' },
        { turn: 2, kind: 'blames', quote: 'What happened this morning?' },
      ]);
      assert.deepEqual(debrief.avoid, [{ kind: 'blames', quote: 'What happened this morning?' }]);
      assert.ok(JSON.stringify(server.requests[0]?.body.response_format).includes('"moves"'));
    });

    it('when the judge quotes words the learner never said, then the quote is replaced by the rules’ evidence', async () => {
      server.enqueue({ kind: 'json', value: verdict({ checks: meeting.rubric.map((check) => ({ id: check.id, verdict: 'met', reason: 'Said so.', quote: 'I promise free technicians for life.' })) }) });
      const debrief = await customer.judge(turnFor(lines).scene);
      assert.equal(debrief.checks.find((check) => check.id === 'impact-before-fix')?.quote, 'Which of your customers are waiting for quotes?');
      assert.equal(debrief.checks.find((check) => check.id === 'demand-with-alternative')?.quote, undefined);
    });

    for (const [name, answer] of [
      ['is not JSON', { kind: 'text', text: 'The learner did well overall!' }],
      ['misses a rubric check', { kind: 'json', value: { ...verdict(), checks: verdict().checks.slice(1) } }],
      ['has the wrong types', { kind: 'json', value: { checks: 'all good', strengths: [], improvements: [] } }],
      ['fails with 429', { kind: 'status', status: 429 }],
    ] as const) {
      it(`when the judge’s answer ${name}, then the rules judge instead`, async () => {
        server.enqueue(answer);
        const debrief = await customer.judge(turnFor(lines).scene);
        assert.equal(debrief.judgedBy, 'rules');
        assert.equal(debrief.checks.length, meeting.rubric.length);
      });
    }
  });
});
