import { z } from 'zod';

/** Everything the app reads from the environment, parsed once and frozen. */
export interface AppConfig {
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly defaultLocale: 'en' | 'sv';
  readonly maxBodyBytes: number;
  /** Absent in local mode: no inbound authentication, loopback only. */
  readonly bot: BotCredentials | undefined;
  /** Empty means "any tenant". */
  readonly allowedTenantIds: readonly string[];
  /** Absent when Azure OpenAI is not configured: the scripted customer and no AI feedback. */
  readonly azureOpenAi: AzureOpenAiConfig | undefined;
  /** An OpenAI-compatible endpoint (OpenAI itself or a self-hosted model), the other way to enable AI. */
  readonly openAi: OpenAiCompatibleConfig | undefined;
  readonly delivery: DeliveryConfig;
  /** Entra object ids (lower case) of people who may schedule check-ins; empty means anyone. */
  readonly checkinSchedulers: readonly string[];
  /** Local mode only: POST /test/clock moves the app's clock forward (for end-to-end tests). */
  readonly testMode: boolean;
  /** File with the secret that keys anonymous answers; all instances on one database must share it. */
  readonly answerSecretFile: string | undefined;
  /** The same secret given directly (hex), e.g. as a Key Vault reference; wins over any file. */
  readonly answerSecret: string | undefined;
}

export interface DeliveryConfig {
  /** How late a scheduled message may still go out after downtime; later ones are recorded as missed. */
  readonly graceMinutes: number;
  /** Teams' per-tenant limit (50/s for the bot); instances on one PostgreSQL share it. */
  readonly tenantRatePerSecond: number;
}

export interface BotCredentials {
  readonly appId: string;
  readonly appPassword: string | undefined;
  readonly appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  readonly tenantId: string | undefined;
}

export interface AzureOpenAiConfig {
  readonly endpoint: string;
  /** Absent: Entra ID through the managed identity instead of a key. */
  readonly apiKey: string | undefined;
  /** Client id of a user-assigned managed identity (AZURE_CLIENT_ID); absent means the system-assigned one. */
  readonly managedIdentityClientId: string | undefined;
  readonly deployment: string;
  readonly apiVersion: string;
  readonly timeoutMs: number;
}

export interface OpenAiCompatibleConfig {
  /** Absent means OpenAI itself (https://api.openai.com/v1). */
  readonly baseUrl: string | undefined;
  readonly apiKey: string;
  readonly model: string;
  readonly timeoutMs: number;
}

/** Thrown once with every problem, so an operator fixes the whole .env in one go. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const blankToUndefined = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;
const optionalText = z.preprocess(blankToUndefined, z.string().trim().optional());
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const environmentSchema = z.object({
  PORT: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(65535).default(3978)),
  HOST: optionalText,
  DATABASE_URL: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^(sqlite:|postgres:\/\/|postgresql:\/\/)/, 'must start with sqlite:, postgres:// or postgresql://')
      .optional(),
  ),
  LOG_LEVEL: z.preprocess(
    blankToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  DEFAULT_LOCALE: z.preprocess(blankToUndefined, z.enum(['en', 'sv']).default('en')),
  MAX_BODY_KB: z.preprocess(blankToUndefined, z.coerce.number().int().min(16).max(4096).default(256)),
  MicrosoftAppId: z.preprocess(blankToUndefined, z.string().regex(guid, 'must be a GUID').optional()),
  MicrosoftAppPassword: optionalText,
  MicrosoftAppType: z.preprocess(blankToUndefined, z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional()),
  MicrosoftAppTenantId: z.preprocess(blankToUndefined, z.string().regex(guid, 'must be a GUID').optional()),
  ALLOWED_TENANT_IDS: optionalText,
  AZURE_OPENAI_ENDPOINT: z.preprocess(blankToUndefined, z.url({ protocol: /^https?$/ }).optional()),
  AZURE_OPENAI_API_KEY: optionalText,
  AZURE_OPENAI_DEPLOYMENT: optionalText,
  AZURE_OPENAI_API_VERSION: optionalText,
  AZURE_OPENAI_TIMEOUT_MS: z.preprocess(blankToUndefined, z.coerce.number().int().min(500).max(120000).default(15000)),
  AZURE_CLIENT_ID: z.preprocess(blankToUndefined, z.string().regex(guid, 'must be a GUID').optional()),
  OPENAI_BASE_URL: z.preprocess(blankToUndefined, z.url({ protocol: /^https?$/ }).optional()),
  OPENAI_API_KEY: optionalText,
  OPENAI_MODEL: optionalText,
  OPENAI_TIMEOUT_MS: z.preprocess(blankToUndefined, z.coerce.number().int().min(500).max(120000).default(15000)),
  DELIVERY_GRACE_MINUTES: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(7 * 24 * 60).default(360)),
  DELIVERY_TENANT_RATE_PER_SECOND: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(50).default(50)),
  CHECKIN_SCHEDULERS: optionalText,
  ANSWER_SECRET_FILE: optionalText,
  ANSWER_SECRET: z.preprocess(blankToUndefined, z.string().trim().regex(/^([0-9a-f]{2}){32,}$/i, 'must be at least 32 bytes as hex (openssl rand -hex 32)').optional()),
  TEST_MODE: z.preprocess(blankToUndefined, z.enum(['true', 'false']).default('false')),
});

type Environment = z.infer<typeof environmentSchema>;

/** Every environment key the app reads (for checks that deployment templates set only real keys). */
export const configKeys: readonly string[] = Object.freeze(Object.keys(environmentSchema.shape));

/** Where data goes when DATABASE_URL is unset: fine on a laptop, lost with the container or disk in production. */
export const defaultDatabaseUrl = 'sqlite:./data/partner-coach.db';

/** Parses the environment; throws ConfigError naming every missing or invalid key. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): AppConfig {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const values = parsed.data;
  const problems = [...botProblems(values), ...azureOpenAiProblems(values), ...openAiProblems(values), ...tenantProblems(values), ...checkinProblems(values), ...productionProblems(values)];
  if (problems.length > 0) throw new ConfigError(problems);

  const bot = botCredentials(values);
  return Object.freeze({
    port: values.PORT,
    // Without inbound authentication the bot must not be reachable from other machines.
    host: bot ? (values.HOST ?? '0.0.0.0') : '127.0.0.1',
    databaseUrl: values.DATABASE_URL ?? defaultDatabaseUrl,
    logLevel: values.LOG_LEVEL,
    defaultLocale: values.DEFAULT_LOCALE,
    maxBodyBytes: values.MAX_BODY_KB * 1024,
    bot,
    allowedTenantIds: Object.freeze(splitList(values.ALLOWED_TENANT_IDS).map((id) => id.toLowerCase())),
    azureOpenAi: azureOpenAiConfig(values),
    openAi: openAiConfig(values),
    delivery: Object.freeze({ graceMinutes: values.DELIVERY_GRACE_MINUTES, tenantRatePerSecond: values.DELIVERY_TENANT_RATE_PER_SECOND }),
    checkinSchedulers: Object.freeze(splitList(values.CHECKIN_SCHEDULERS).map((id) => id.toLowerCase())),
    testMode: values.TEST_MODE === 'true',
    answerSecretFile: values.ANSWER_SECRET_FILE,
    answerSecret: values.ANSWER_SECRET,
  });
}

function checkinProblems(values: Environment): string[] {
  const problems = splitList(values.CHECKIN_SCHEDULERS)
    .filter((id) => !guid.test(id))
    .map((id) => `CHECKIN_SCHEDULERS: "${id}" is not an Entra object id (GUID)`);
  // The clock endpoint has no authentication, so it exists only where nothing outside this machine can reach the bot.
  if (values.TEST_MODE === 'true' && values.MicrosoftAppId) problems.push('TEST_MODE: only allowed in local mode (without MicrosoftAppId)');
  return problems;
}

function splitList(value: string | undefined): string[] {
  return (value ?? '').split(',').map((item) => item.trim()).filter((item) => item.length > 0);
}

function botProblems(values: Environment): string[] {
  const problems: string[] = [];
  if (!values.MicrosoftAppId) {
    for (const key of ['MicrosoftAppPassword', 'MicrosoftAppType', 'MicrosoftAppTenantId'] as const) {
      if (values[key]) problems.push(`${key}: is set but MicrosoftAppId is missing`);
    }
    return problems;
  }
  if (!values.MicrosoftAppType) problems.push('MicrosoftAppType: required when MicrosoftAppId is set (MultiTenant, SingleTenant or UserAssignedMSI)');
  if (values.MicrosoftAppType !== 'UserAssignedMSI' && !values.MicrosoftAppPassword) {
    problems.push('MicrosoftAppPassword: required unless MicrosoftAppType is UserAssignedMSI');
  }
  if (values.MicrosoftAppType && values.MicrosoftAppType !== 'MultiTenant' && !values.MicrosoftAppTenantId) {
    problems.push(`MicrosoftAppTenantId: required when MicrosoftAppType is ${values.MicrosoftAppType}`);
  }
  return problems;
}

function tenantProblems(values: Environment): string[] {
  return splitList(values.ALLOWED_TENANT_IDS)
    .filter((id) => !guid.test(id))
    .map((id) => `ALLOWED_TENANT_IDS: "${id}" is not a GUID`);
}

// Without AZURE_OPENAI_API_KEY the app signs in to Azure OpenAI with its managed identity.
const azureKeys = ['AZURE_OPENAI_ENDPOINT', 'AZURE_OPENAI_DEPLOYMENT', 'AZURE_OPENAI_API_VERSION'] as const;

function azureOpenAiProblems(values: Environment): string[] {
  const present = [...azureKeys, 'AZURE_OPENAI_API_KEY' as const].filter((key) => values[key] !== undefined);
  if (present.length === 0 || azureKeys.every((key) => values[key] !== undefined)) return [];
  return azureKeys
    .filter((key) => values[key] === undefined)
    .map((key) => `${key}: required because ${present.join(', ')} ${present.length === 1 ? 'is' : 'are'} set (Azure OpenAI keys go together)`);
}

function botCredentials(values: Environment): BotCredentials | undefined {
  if (!values.MicrosoftAppId || !values.MicrosoftAppType) return undefined;
  return Object.freeze({
    appId: values.MicrosoftAppId,
    appPassword: values.MicrosoftAppPassword,
    appType: values.MicrosoftAppType,
    tenantId: values.MicrosoftAppTenantId,
  });
}

function azureOpenAiConfig(values: Environment): AzureOpenAiConfig | undefined {
  const { AZURE_OPENAI_ENDPOINT: endpoint, AZURE_OPENAI_API_KEY: apiKey } = values;
  const { AZURE_OPENAI_DEPLOYMENT: deployment, AZURE_OPENAI_API_VERSION: apiVersion } = values;
  if (!endpoint || !deployment || !apiVersion) return undefined;
  const managedIdentityClientId = values.AZURE_CLIENT_ID;
  return Object.freeze({ endpoint, apiKey, managedIdentityClientId, deployment, apiVersion, timeoutMs: values.AZURE_OPENAI_TIMEOUT_MS });
}

function openAiProblems(values: Environment): string[] {
  const given = (['OPENAI_BASE_URL', 'OPENAI_API_KEY', 'OPENAI_MODEL'] as const).filter((key) => values[key] !== undefined);
  if (given.length === 0) return [];
  const problems = (['OPENAI_API_KEY', 'OPENAI_MODEL'] as const)
    .filter((key) => values[key] === undefined)
    .map((key) => `${key}: required because ${given.join(', ')} ${given.length === 1 ? 'is' : 'are'} set (any value for a server that needs no key)`);
  if (values.AZURE_OPENAI_ENDPOINT) problems.push('OPENAI_BASE_URL, OPENAI_API_KEY, OPENAI_MODEL: set either these or the AZURE_OPENAI_* keys, not both');
  return problems;
}

function openAiConfig(values: Environment): OpenAiCompatibleConfig | undefined {
  const { OPENAI_BASE_URL: baseUrl, OPENAI_API_KEY: apiKey, OPENAI_MODEL: model } = values;
  if (!apiKey || !model) return undefined;
  return Object.freeze({ baseUrl, apiKey, model, timeoutMs: values.OPENAI_TIMEOUT_MS });
}

// With an app id the bot is a real service: its data must outlive the container, and every instance must share the answer secret.
function productionProblems(values: Environment): string[] {
  const problems: string[] = [];
  if (values.ANSWER_SECRET && values.ANSWER_SECRET_FILE) problems.push('ANSWER_SECRET: set either ANSWER_SECRET or ANSWER_SECRET_FILE, not both');
  if (!values.MicrosoftAppId) return problems;
  if (!values.DATABASE_URL) {
    problems.push(
      `DATABASE_URL: required when MicrosoftAppId is set; the default ${defaultDatabaseUrl} is lost with the container or disk it lives on. Use postgres://… or name a SQLite file on a persistent volume explicitly.`,
    );
  } else if (/^postgres(ql)?:\/\//.test(values.DATABASE_URL) && !values.ANSWER_SECRET && !values.ANSWER_SECRET_FILE) {
    problems.push('ANSWER_SECRET: required with MicrosoftAppId and PostgreSQL (or ANSWER_SECRET_FILE), so every instance keys anonymous answers alike');
  }
  return problems;
}
