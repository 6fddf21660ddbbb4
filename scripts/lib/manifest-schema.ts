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
export async function validateAppManifest(manifest: JsonObject): Promise<string[]> {
  const version = manifest['manifestVersion'];
  if (typeof version !== 'string') return ['/manifestVersion must be a string'];
  const schemaFile = bundledSchemaPath(version);
  if (!existsSync(schemaFile)) return [`/manifestVersion ${version} has no schema in the installed @microsoft/app-manifest`];
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as ManifestSchema;
  return AppManifestUtils.validateAgainstSchema(manifest as unknown as AppManifest, schema);
}
