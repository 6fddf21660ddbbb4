import assert from 'node:assert/strict';
import { createAzureOpenAiModel } from '../../src/ai/azure-openai-model';
import { loadConfig } from '../../src/config';
import { ModelFailure, type LanguageModel } from '../../src/core/language-model';
import { azureOpenAiEnv, LoopbackAzureOpenAi } from '../support/loopback-azure-openai';

describe('Azure OpenAI language model (real AzureOpenAI client, loopback REST server)', () => {
  let server: LoopbackAzureOpenAi;
  let model: LanguageModel;
  const ask = { messages: [{ role: 'system' as const, content: 'Be brief.' }, { role: 'user' as const, content: 'Hej!' }], maxTokens: 50 };

  beforeEach(async () => {
    server = await LoopbackAzureOpenAi.start();
    const config = loadConfig(azureOpenAiEnv(server, 500)).azureOpenAi;
    assert.ok(config);
    model = createAzureOpenAiModel(config);
  });
  afterEach(async () => server.stop());

  const failureOf = async (work: () => Promise<unknown>): Promise<ModelFailure> => {
    try {
      await work();
    } catch (error) {
      assert.ok(error instanceof ModelFailure, String(error));
      return error;
    }
    assert.fail('expected a ModelFailure');
  };

  it('when the model answers, then the text comes back and the request followed the Azure REST shape', async () => {
    server.enqueue({ kind: 'text', text: 'Hej själv.' });
    const reply = await model.complete(ask);
    assert.equal(reply.text, 'Hej själv.');
    const [request] = server.requests;
    assert.equal(request?.deployment, 'gpt-loopback');
    assert.equal(request?.apiVersion, '2024-10-21');
    assert.equal(request?.apiKey, 'loopback-test-key');
    assert.deepEqual(request?.body.messages, ask.messages);
  });

  it('when JSON output is asked for, then a json_schema response format is sent', async () => {
    server.enqueue({ kind: 'json', value: { ok: true } });
    const reply = await model.complete({ ...ask, json: { name: 'verdict', schema: { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'], additionalProperties: false } } });
    assert.deepEqual(JSON.parse(reply.text), { ok: true });
    assert.equal(server.requests[0]?.body.response_format?.type, 'json_schema');
    assert.equal(server.requests[0]?.body.response_format?.json_schema?.name, 'verdict');
  });

  it('when the reply streams, then the pieces arrive in order', async () => {
    server.enqueue({ kind: 'stream', chunks: ['Det ', 'låter ', 'bra.'] });
    const pieces: string[] = [];
    for await (const piece of model.stream(ask)) pieces.push(piece);
    assert.deepEqual(pieces, ['Det ', 'låter ', 'bra.']);
    assert.equal(server.requests[0]?.body.stream, true);
  });

  it('when the service answers 429, then the failure says rate-limited with the Retry-After', async () => {
    server.enqueue({ kind: 'status', status: 429, retryAfterSeconds: 7 });
    const failure = await failureOf(() => model.complete(ask));
    assert.equal(failure.reason, 'rate-limited');
    assert.equal(failure.retryAfterSeconds, 7);
    assert.equal(server.requests.length, 1, 'no silent retries');
  });

  it('when the content filter blocks the prompt, then the failure says content-filtered', async () => {
    server.enqueue({ kind: 'content-filter' });
    assert.equal((await failureOf(() => model.complete(ask))).reason, 'content-filtered');
  });

  it('when the service does not answer in time, then the failure says timeout', async () => {
    server.enqueue({ kind: 'hang' });
    assert.equal((await failureOf(() => model.complete(ask))).reason, 'timeout');
  });

  it('when the service fails with 500, then the failure says unavailable', async () => {
    server.enqueue({ kind: 'status', status: 500 });
    assert.equal((await failureOf(() => model.complete(ask))).reason, 'unavailable');
  });

  it('when a stream is blocked by the filter, then the failure says content-filtered', async () => {
    server.enqueue({ kind: 'content-filter' });
    const failure = await failureOf(async () => {
      for await (const piece of model.stream(ask)) assert.fail(`unexpected piece ${piece}`);
    });
    assert.equal(failure.reason, 'content-filtered');
  });
});
