import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import type { JsonObject } from './app-manifest';

type ManifestSchema = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;

/** Path of the Teams manifest schema bundled in @microsoft/app-manifest for a manifestVersion such as "1.30". */
export function bundledSchemaPath(manifestVersion: string): string {
  const packageRoot = path.dirname(require.resolve('@microsoft/app-manifest'));
  return path.join(packageRoot, 'json-schemas', 'teams', `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
}

/**
 * Validates a Teams manifest against the schema bundled with @microsoft/app-manifest; returns the errors, empty when valid.
 * The schema is passed in explicitly, because without it the library falls back to fetching `$schema` over the network.
 */
/** Validates a manifest localization file (such as sv-se.json) against the bundled Localization schema of that manifestVersion. */
export async function validateLocalizationFile(localization: JsonObject, manifestVersion: string): Promise<string[]> {
  const schemaFile = bundledSchemaPath(manifestVersion).replace(/MicrosoftTeams\.schema\.json$/, 'MicrosoftTeams.Localization.schema.json');
  if (!existsSync(schemaFile)) return [`/manifestVersion ${manifestVersion} has no localization schema in the installed @microsoft/app-manifest`];
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as ManifestSchema;
  // A few of the schema's key patterns (activities, never used here) are not valid Unicode regexes, which the validator needs.
  const patternProperties = Object.fromEntries(Object.entries((schema as { patternProperties?: Record<string, unknown> }).patternProperties ?? {}).filter(([pattern]) => compiles(pattern)));
  return AppManifestUtils.validateAgainstSchema(localization as unknown as AppManifest, { ...schema, patternProperties } as ManifestSchema);
}

function compiles(pattern: string): boolean {
  try {
    return new RegExp(pattern, 'u') instanceof RegExp;
  } catch {
    return false;
  }
}

export async function validateAppManifest(manifest: JsonObject): Promise<string[]> {
  const version = manifest['manifestVersion'];
  if (typeof version !== 'string') return ['/manifestVersion must be a string'];
  const schemaFile = bundledSchemaPath(version);
  if (!existsSync(schemaFile)) return [`/manifestVersion ${version} has no schema in the installed @microsoft/app-manifest`];
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as ManifestSchema;
  return AppManifestUtils.validateAgainstSchema(manifest as unknown as AppManifest, schema);
}
