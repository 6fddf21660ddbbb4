/** A parsed JSON value. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A parsed JSON object, such as a Teams app manifest. */
export type JsonObject = { [key: string]: JsonValue };

/** Values for the `${{NAME}}` placeholders of the manifest template; undefined means "not given". */
export type ManifestValues = Readonly<Record<string, string | undefined>>;

/** Placeholder values derived from the environment, and what the user should know about the defaults used. */
export type ResolvedManifestValues = { readonly values: ManifestValues; readonly warnings: readonly string[] };

/** An id Teams accepts syntactically but that no real bot has, so a package can be built before registration. */
export const placeholderAppId = '00000000-0000-0000-0000-000000000000';

const placeholder = /\$\{\{([A-Z0-9_]+)\}\}/g;
const wholePlaceholder = /^\$\{\{([A-Z0-9_]+)\}\}$/;
const guid = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
// Teams rejects app versions that are not plain MAJOR.MINOR.PATCH, though the 1.30 schema no longer says so.
const appVersion = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const host = /^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d+)?$/i;

const developerDefaults = {
  DEVELOPER_NAME: 'Partner Coach',
  DEVELOPER_WEBSITE_URL: 'https://example.com/partner-coach',
  DEVELOPER_PRIVACY_URL: 'https://example.com/partner-coach/privacy',
  DEVELOPER_TERMS_URL: 'https://example.com/partner-coach/terms',
} as const;

const developerEnvKeys: Readonly<Record<keyof typeof developerDefaults, string>> = {
  DEVELOPER_NAME: 'APP_DEVELOPER_NAME',
  DEVELOPER_WEBSITE_URL: 'APP_WEBSITE_URL',
  DEVELOPER_PRIVACY_URL: 'APP_PRIVACY_URL',
  DEVELOPER_TERMS_URL: 'APP_TERMS_URL',
};

/** Maps environment keys (MicrosoftAppId, APP_VERSION, BOT_DOMAIN, APP_*_URL) to template values; throws on malformed ones. */
export function manifestValuesFromEnv(env: Readonly<Record<string, string | undefined>>, defaultVersion: string): ResolvedManifestValues {
  const warnings: string[] = [];
  const given = (key: string): string | undefined => env[key]?.trim() || undefined;

  const appId = given('MicrosoftAppId');
  if (appId !== undefined && !guid.test(appId)) throw new Error(`MicrosoftAppId must be a GUID, got "${appId}"`);
  if (appId === undefined) warnings.push(`MicrosoftAppId is not set: using ${placeholderAppId}; this package will not reach a real bot.`);

  const version = given('APP_VERSION') ?? defaultVersion;
  if (!appVersion.test(version)) throw new Error(`app version must be MAJOR.MINOR.PATCH (set APP_VERSION), got "${version}"`);

  const botDomain = given('BOT_DOMAIN');
  if (botDomain !== undefined && !host.test(botDomain)) throw new Error(`BOT_DOMAIN must be a host name without scheme or path, got "${botDomain}"`);

  const developer: Record<string, string> = {};
  for (const [name, fallback] of Object.entries(developerDefaults)) {
    developer[name] = given(developerEnvKeys[name as keyof typeof developerDefaults]) ?? fallback;
  }
  if (Object.values(developerEnvKeys).some((key) => given(key) === undefined)) {
    warnings.push(`${Object.values(developerEnvKeys).join(', ')} are not all set: using example.com placeholders for developer info.`);
  }

  return { values: { MICROSOFT_APP_ID: appId ?? placeholderAppId, APP_VERSION: version, BOT_DOMAIN: botDomain, ...developer }, warnings };
}

const placeholderHosts = /(^|\.)example\.(com|org|net)$/i;

/**
 * What keeps a package built with an app id (a production package) from being shipped: the nil GUID as app id,
 * or developer URLs that are absent (so example.com would be used) or point at an example domain.
 */
export function productionProblems(env: Readonly<Record<string, string | undefined>>): string[] {
  const given = (key: string): string | undefined => env[key]?.trim() || undefined;
  const appId = given('MicrosoftAppId');
  if (appId === undefined) return [];
  const problems: string[] = [];
  if (appId === placeholderAppId) problems.push(`MicrosoftAppId is the placeholder ${placeholderAppId}: set the id of your bot registration`);
  for (const key of ['APP_WEBSITE_URL', 'APP_PRIVACY_URL', 'APP_TERMS_URL']) {
    const url = given(key);
    if (url === undefined) problems.push(`${key} is not set: a production package needs your organisation's own page`);
    else if (isPlaceholderUrl(url)) problems.push(`${key} is a placeholder (${url}): use your organisation's own page`);
  }
  const botDomain = given('BOT_DOMAIN');
  if (botDomain !== undefined && placeholderHosts.test(botDomain)) problems.push(`BOT_DOMAIN is a placeholder (${botDomain}): use the host name the bot runs on`);
  if (given('APP_DEVELOPER_NAME') === undefined) problems.push('APP_DEVELOPER_NAME is not set: name the organisation that runs the bot');
  return problems;
}

function isPlaceholderUrl(url: string): boolean {
  try {
    return placeholderHosts.test(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** Fills the template's placeholders; array items that are only an absent placeholder are dropped, any other absent one throws. */
export function buildAppManifest(template: JsonObject, values: ManifestValues): JsonObject {
  const missing = new Set<string>();
  const filled = fill(template, values, missing) as JsonObject;
  if (missing.size > 0) throw new Error(`manifest template needs values for: ${[...missing].sort().join(', ')}`);
  return filled;
}

function fill(node: JsonValue, values: ManifestValues, missing: Set<string>): JsonValue {
  if (typeof node === 'string') return fillString(node, values, missing);
  if (Array.isArray(node)) {
    return node.filter((item) => !isAbsentPlaceholder(item, values)).map((item) => fill(item, values, missing));
  }
  if (node !== null && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, fill(value, values, missing)]));
  }
  return node;
}

function fillString(text: string, values: ManifestValues, missing: Set<string>): string {
  return text.replace(placeholder, (match, name: string) => {
    const value = values[name];
    if (value === undefined) missing.add(name);
    return value ?? match;
  });
}

function isAbsentPlaceholder(item: JsonValue, values: ManifestValues): boolean {
  const name = typeof item === 'string' ? wholePlaceholder.exec(item)?.[1] : undefined;
  return name !== undefined && values[name] === undefined;
}
