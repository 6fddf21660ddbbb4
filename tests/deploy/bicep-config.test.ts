import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { configKeys, loadConfig } from '../../src/config';

const root = path.join(__dirname, '..', '..');
const bicepPath = path.join(root, 'deploy', 'infra', 'main.bicep');

interface Setting {
  readonly name: string;
  /** The literal value when the Bicep gives one ('3978'), undefined for an expression or a Key Vault reference. */
  readonly literal: string | undefined;
}

/** The entries between `// app-settings:begin` and `// app-settings:end`, one `{ name: '…', … }` per line. */
function parseAppSettings(bicep: string): Setting[] {
  const block = /\/\/ app-settings:begin\n([\s\S]*?)\/\/ app-settings:end/.exec(bicep)?.[1];
  assert.ok(block, 'main.bicep has no app-settings:begin/end block');
  const entries = block.split('\n').filter((line) => line.trim().startsWith('{'));
  return entries.map((line) => {
    const name = /\bname: '([^']+)'/.exec(line)?.[1];
    assert.ok(name, `cannot read the name in: ${line.trim()}`);
    return { name, literal: /\bvalue: '([^']*)'\s*}/.exec(line)?.[1] };
  });
}

// What the deployment resolves the expressions and Key Vault references to, in the form src/config.ts checks.
const deployedValues: Readonly<Record<string, string>> = {
  MicrosoftAppId: '0f5a3c1e-9b2d-4c7e-8a11-2b3c4d5e6f70',
  MicrosoftAppTenantId: '11111111-2222-3333-4444-555555555555',
  ALLOWED_TENANT_IDS: '11111111-2222-3333-4444-555555555555',
  AZURE_CLIENT_ID: '0f5a3c1e-9b2d-4c7e-8a11-2b3c4d5e6f70',
  DATABASE_URL: 'postgres://coachadmin:pw@psql-coach.postgres.database.azure.com:5432/partnercoach?sslmode=require',
  ANSWER_SECRET: 'a1'.repeat(32),
  AZURE_OPENAI_ENDPOINT: 'https://oai-coach.openai.azure.com/',
  AZURE_OPENAI_DEPLOYMENT: 'gpt-4o-mini',
  AZURE_OPENAI_API_VERSION: '2024-10-21',
};

/** The environment the container gets: the Bicep's literals, and a deployed-like value for everything else. */
function environmentOf(settings: readonly Setting[]): Record<string, string> {
  return Object.fromEntries(settings.map((setting) => [setting.name, setting.literal ?? deployedValues[setting.name] ?? '']));
}

/** Problems with a Bicep's settings: names the app does not read, and a production start the app would refuse. */
function problemsWith(settings: readonly Setting[]): string[] {
  const unknown = settings.map((setting) => setting.name).filter((name) => !configKeys.includes(name));
  const problems = unknown.map((name) => `${name}: not read by src/config.ts`);
  try {
    const config = loadConfig(environmentOf(settings));
    if (!config.bot) problems.push('the app would start in local mode (no MicrosoftAppId)');
    else if (config.bot.appType !== 'UserAssignedMSI') problems.push(`MicrosoftAppType is ${config.bot.appType}, not UserAssignedMSI`);
    if (!/^postgres/.test(config.databaseUrl)) problems.push(`DATABASE_URL is ${config.databaseUrl}, not PostgreSQL`);
  } catch (error) {
    problems.push(String(error));
  }
  return problems;
}

describe('Bicep app settings and src/config.ts', function () {
  const settings = parseAppSettings(readFileSync(bicepPath, 'utf8'));

  it('when main.bicep sets environment variables, then each is a key src/config.ts reads, once', function () {
    const names = settings.map((setting) => setting.name);
    assert.ok(names.length >= 8, `only ${names.length} settings parsed`);
    assert.deepEqual(names.filter((name) => !configKeys.includes(name)), []);
    assert.equal(new Set(names).size, names.length, 'a name is set twice');
  });

  it('when the container starts with exactly those settings, then config accepts it as production with the identity as app id', function () {
    assert.deepEqual(problemsWith(settings), []);
    const config = loadConfig(environmentOf(settings));
    assert.equal(config.bot?.appId, deployedValues.MicrosoftAppId);
    assert.equal(config.bot?.appPassword, undefined, 'a managed identity needs no client secret');
    assert.equal(config.host, '0.0.0.0');
    assert.equal(config.azureOpenAi?.apiKey, undefined, 'Azure OpenAI is used without a key');
    assert.equal(config.azureOpenAi?.managedIdentityClientId, deployedValues.AZURE_CLIENT_ID);
  });

  it('when OpenAI is switched off (its settings blank), then config still accepts the settings and runs without AI', function () {
    const env = { ...environmentOf(settings), AZURE_OPENAI_ENDPOINT: '', AZURE_OPENAI_DEPLOYMENT: '', AZURE_OPENAI_API_VERSION: '' };
    const config = loadConfig(env);
    assert.equal(config.azureOpenAi, undefined);
    assert.ok(config.bot);
  });

  it('when someone adds an unknown name or removes a required one, then the check reports it', function () {
    const withTypo = [...settings, { name: 'MICROSOFT_APP_ID', literal: 'x' }];
    assert.match(problemsWith(withTypo).join('\n'), /MICROSOFT_APP_ID: not read by src\/config\.ts/);
    for (const required of ['MicrosoftAppId', 'MicrosoftAppType', 'MicrosoftAppTenantId', 'DATABASE_URL', 'ANSWER_SECRET']) {
      const without = settings.filter((setting) => setting.name !== required);
      assert.notDeepEqual(problemsWith(without), [], `removing ${required} went unnoticed`);
    }
    const asPassword = settings.map((setting) => (setting.name === 'MicrosoftAppType' ? { ...setting, literal: 'SingleTenant' } : setting));
    assert.notDeepEqual(problemsWith(asPassword), [], 'a secret-based app type without MicrosoftAppPassword went unnoticed');
  });
});

describe('the admin guide', function () {
  it('when an admin reads "Install in Teams" in the README, then it sends them to docs/admin.md, which has the deploy line and its links resolve', function () {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const section = /^## Install in Teams\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(readme)?.[1] ?? '';
    assert.match(section, /\]\(docs\/admin\.md\)/);
    const guide = readFileSync(path.join(root, 'docs', 'admin.md'), 'utf8');
    assert.match(guide, /az deployment group create -g <rg> -f deploy\/infra\/main\.bicep/);
    assert.match(guide, /azd up/);
    const links = [...guide.matchAll(/\]\(([^)#:]+)\)/g)].map((match) => match[1] ?? '');
    assert.ok(links.length > 0);
    for (const link of links) assert.ok(existsSync(path.join(root, 'docs', link)), `docs/admin.md links to missing ${link}`);
  });
});
