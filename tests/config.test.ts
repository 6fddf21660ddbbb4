import assert from 'node:assert/strict';
import { ConfigError, configKeys, loadConfig } from '../src/config';

const appId = '0f5a3c1e-9b2d-4c7e-8a11-2b3c4d5e6f70';
const tenantId = '11111111-2222-3333-4444-555555555555';

describe('config', () => {
  it('when nothing is set, then it runs in local mode on loopback with SQLite and no Azure OpenAI', () => {
    const config = loadConfig({});
    assert.equal(config.bot, undefined);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.port, 3978);
    assert.equal(config.databaseUrl, 'sqlite:./data/partner-coach.db');
    assert.equal(config.azureOpenAi, undefined);
    assert.equal(config.maxBodyBytes, 256 * 1024);
    assert.ok(Object.isFrozen(config));
  });

  it('when HOST is set in local mode, then the bot still binds to loopback only', () => {
    assert.equal(loadConfig({ HOST: '0.0.0.0' }).host, '127.0.0.1');
  });

  it('when bot credentials are complete, then they are parsed and the host opens up', () => {
    const config = loadConfig({ MicrosoftAppId: appId, MicrosoftAppPassword: 'secret', MicrosoftAppType: 'MultiTenant', DATABASE_URL: 'sqlite:/var/lib/coach.db' });
    assert.deepEqual(config.bot, { appId, appPassword: 'secret', appType: 'MultiTenant', tenantId: undefined });
    assert.equal(config.host, '0.0.0.0');
  });

  it('when several keys are wrong, then one error names every one of them', () => {
    try {
      loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', MicrosoftAppId: 'not-a-guid', AZURE_OPENAI_ENDPOINT: 'https://x.openai.azure.com' });
      assert.fail('expected a ConfigError');
    } catch (error) {
      assert.ok(error instanceof ConfigError);
      const message = error.message;
      for (const key of ['PORT', 'LOG_LEVEL', 'MicrosoftAppId']) assert.match(message, new RegExp(key));
    }
  });

  it('when an app id is set without type, password or tenant, then each missing key is named', () => {
    assert.throws(() => loadConfig({ MicrosoftAppId: appId }), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.ok(error.problems.some((problem) => problem.startsWith('MicrosoftAppType')));
      assert.ok(error.problems.some((problem) => problem.startsWith('MicrosoftAppPassword')));
      return true;
    });
    assert.throws(
      () => loadConfig({ MicrosoftAppId: appId, MicrosoftAppPassword: 'x', MicrosoftAppType: 'SingleTenant' }),
      /MicrosoftAppTenantId: required when MicrosoftAppType is SingleTenant/,
    );
  });

  it('when a password is set without an app id, then it is refused rather than silently ignored', () => {
    assert.throws(() => loadConfig({ MicrosoftAppPassword: 'secret' }), /MicrosoftAppPassword: is set but MicrosoftAppId is missing/);
  });

  it('when only some Azure OpenAI keys are set, then the missing ones are named', () => {
    assert.throws(
      () => loadConfig({ AZURE_OPENAI_ENDPOINT: 'https://x.openai.azure.com', AZURE_OPENAI_API_KEY: 'k' }),
      (error: unknown) =>
        error instanceof ConfigError &&
        error.problems.length === 2 &&
        error.problems.every((problem) => /AZURE_OPENAI_(DEPLOYMENT|API_VERSION)/.test(problem)),
    );
  });

  it('when all Azure OpenAI keys are set, then the feature is configured', () => {
    const config = loadConfig({
      AZURE_OPENAI_ENDPOINT: 'https://x.openai.azure.com',
      AZURE_OPENAI_API_KEY: 'k',
      AZURE_OPENAI_DEPLOYMENT: 'gpt-4o-mini',
      AZURE_OPENAI_API_VERSION: '2024-10-21',
    });
    assert.equal(config.azureOpenAi?.deployment, 'gpt-4o-mini');
    assert.equal(config.azureOpenAi?.timeoutMs, 15000);
  });

  it('when Azure OpenAI is set without an API key, then it is configured for the managed identity (AZURE_CLIENT_ID picks it)', () => {
    const azure = { AZURE_OPENAI_ENDPOINT: 'https://x.openai.azure.com', AZURE_OPENAI_DEPLOYMENT: 'gpt-4o-mini', AZURE_OPENAI_API_VERSION: '2024-10-21' };
    const config = loadConfig({ ...azure, AZURE_CLIENT_ID: tenantId });
    assert.equal(config.azureOpenAi?.apiKey, undefined);
    assert.equal(config.azureOpenAi?.managedIdentityClientId, tenantId);
    assert.throws(() => loadConfig({ ...azure, AZURE_CLIENT_ID: 'me' }), /AZURE_CLIENT_ID: must be a GUID/);
  });

  it('when an OpenAI-compatible endpoint is set, then it is configured, and a missing key or model is named', () => {
    const config = loadConfig({ OPENAI_BASE_URL: 'http://llm.internal:8000/v1', OPENAI_API_KEY: 'k', OPENAI_MODEL: 'llama-3.1-8b' });
    assert.deepEqual(config.openAi, { baseUrl: 'http://llm.internal:8000/v1', apiKey: 'k', model: 'llama-3.1-8b', timeoutMs: 15000 });
    assert.equal(config.azureOpenAi, undefined);
    assert.equal(loadConfig({ OPENAI_API_KEY: 'k', OPENAI_MODEL: 'gpt-4o-mini' }).openAi?.baseUrl, undefined);
    assert.throws(() => loadConfig({ OPENAI_BASE_URL: 'http://llm.internal:8000/v1' }), (error: unknown) =>
      error instanceof ConfigError && error.problems.length === 2 && error.problems.every((problem) => /^OPENAI_(API_KEY|MODEL): required because OPENAI_BASE_URL is set/.test(problem)),
    );
  });

  it('when both Azure OpenAI and an OpenAI-compatible endpoint are set, then it is refused', () => {
    assert.throws(
      () => loadConfig({ AZURE_OPENAI_ENDPOINT: 'https://x.openai.azure.com', AZURE_OPENAI_DEPLOYMENT: 'd', AZURE_OPENAI_API_VERSION: 'v', OPENAI_API_KEY: 'k', OPENAI_MODEL: 'm' }),
      /set either these or the AZURE_OPENAI_\* keys, not both/,
    );
  });

  it('when the list of known keys is read, then it holds exactly the keys the schema parses', () => {
    assert.ok(configKeys.includes('DATABASE_URL') && configKeys.includes('ANSWER_SECRET') && configKeys.includes('OPENAI_MODEL'));
    assert.ok(!configKeys.includes('NODE_ENV'));
    assert.ok(Object.isFrozen(configKeys));
  });

  it('when allowed tenants are listed, then they are parsed, and a non-GUID is refused', () => {
    assert.deepEqual(loadConfig({ ALLOWED_TENANT_IDS: ` ${tenantId.toUpperCase()} ,` }).allowedTenantIds, [tenantId]);
    assert.throws(() => loadConfig({ ALLOWED_TENANT_IDS: 'contoso' }), /"contoso" is not a GUID/);
  });

  it('when DATABASE_URL names an unknown engine, then it is refused', () => {
    assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://x' }), /DATABASE_URL/);
    assert.equal(loadConfig({ DATABASE_URL: 'postgres://u:p@127.0.0.1/db' }).databaseUrl, 'postgres://u:p@127.0.0.1/db');
  });

  it('when an answer secret file is named, then it is used; otherwise none is set', () => {
    assert.equal(loadConfig({ ANSWER_SECRET_FILE: '/run/secrets/answers' }).answerSecretFile, '/run/secrets/answers');
    assert.equal(loadConfig({}).answerSecretFile, undefined);
  });

  it('when values are blank, then defaults apply as if unset', () => {
    assert.equal(loadConfig({ PORT: '', MicrosoftAppId: '  ', DEFAULT_LOCALE: '' }).bot, undefined);
  });
});
