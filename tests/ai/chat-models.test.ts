import assert from 'node:assert/strict';
import { createLanguageModel } from '../../src/ai/create-language-model';
import { loadConfig } from '../../src/config';
import { ModelFailure, type LanguageModel } from '../../src/core/language-model';
import { azureOpenAiEnv, LoopbackAzureOpenAi, loopbackEntraToken, managedIdentityHostEnv, openAiEnv, type RecordedModelRequest } from '../support/loopback-azure-openai';

const identityClientId = '7d3c0b2a-1e4f-4a5b-9c6d-0e1f2a3b4c5d';

/** One way of reaching a model; every provider must pass the same behaviour tests below. */
interface Provider {
  readonly name: string;
  env(server: LoopbackAzureOpenAi): Record<string, string>;
  /** Variables the hosting platform sets for the process (not app configuration). */
  hostEnv?(server: LoopbackAzureOpenAi): Record<string, string>;
  assertShape(request: RecordedModelRequest | undefined, server: LoopbackAzureOpenAi): void;
}

const withoutKey = (env: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(env).filter(([key]) => key !== 'AZURE_OPENAI_API_KEY'));

const providers: Provider[] = [
  {
    name: 'Azure OpenAI with an API key',
    env: (server) => azureOpenAiEnv(server, 500),
    assertShape: (request) => {
      assert.equal(request?.api, 'azure');
      assert.equal(request.deployment, 'gpt-loopback');
      assert.equal(request.apiVersion, '2024-10-21');
      assert.equal(request.apiKey, 'loopback-test-key');
      assert.equal(request.bearer, undefined);
    },
  },
  {
    name: 'Azure OpenAI with the managed identity (ManagedIdentityCredential against a loopback token endpoint)',
    env: (server) => ({ ...withoutKey(azureOpenAiEnv(server, 500)), AZURE_CLIENT_ID: identityClientId }),
    hostEnv: managedIdentityHostEnv,
    assertShape: (request, server) => {
      assert.equal(request?.api, 'azure');
      assert.equal(request.deployment, 'gpt-loopback');
      assert.equal(request.apiKey, undefined, 'no key is sent');
      assert.equal(request.bearer, loopbackEntraToken);
      const [token] = server.tokenRequests;
      assert.equal(token?.get('resource'), 'https://cognitiveservices.azure.com');
      assert.equal(token.get('client_id'), identityClientId);
    },
  },
  {
    name: 'an OpenAI-compatible endpoint',
    env: (server) => openAiEnv(server, 500),
    assertShape: (request) => {
      assert.equal(request?.api, 'openai');
      assert.equal(request.deployment, 'loopback-model');
      assert.equal(request.bearer, 'loopback-openai-key');
    },
  },
];

for (const provider of providers) {
  describe(`language model: ${provider.name} (real SDK client, loopback REST server)`, () => {
    let server: LoopbackAzureOpenAi;
    let model: LanguageModel;
    const saved: Record<string, string | undefined> = {};
    const ask = { messages: [{ role: 'system' as const, content: 'Be brief.' }, { role: 'user' as const, content: 'Hej!' }], maxTokens: 50 };

    beforeEach(async () => {
      server = await LoopbackAzureOpenAi.start();
      // The identity library reads the host's variables itself, as it does on App Service and Container Apps.
      for (const [key, value] of Object.entries(provider.hostEnv?.(server) ?? {})) {
        saved[key] = process.env[key];
        process.env[key] = value;
      }
      const built = createLanguageModel(loadConfig(provider.env(server)));
      assert.ok(built);
      model = built;
    });
    afterEach(async () => {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
      await server.stop();
    });

    const failureOf = async (work: () => Promise<unknown>): Promise<ModelFailure> => {
      try {
        await work();
      } catch (error) {
        assert.ok(error instanceof ModelFailure, String(error));
        return error;
      }
      assert.fail('expected a ModelFailure');
    };

    it("when the model answers, then the text comes back and the request followed the provider's REST shape", async () => {
      server.enqueue({ kind: 'text', text: 'Hej själv.' });
      const reply = await model.complete(ask);
      assert.equal(reply.text, 'Hej själv.');
      assert.equal(reply.promptTokens, 42);
      provider.assertShape(server.requests[0], server);
      assert.deepEqual(server.requests[0]?.body.messages, ask.messages);
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
}
