import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { config } from 'dotenv';
import { buildAppManifest, manifestValuesFromEnv, productionProblems, type JsonObject } from './lib/app-manifest';
import { validateAppManifest, validateLocalizationFile } from './lib/manifest-schema';
import { zipSync } from 'fflate';

const repositoryRoot = path.resolve(__dirname, '..');
const iconFiles = ['color.png', 'outline.png'] as const;

/** Inputs of one packaging run; the environment is passed in so tests need not touch process.env. */
export type PackageOptions = {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly outFile: string;
  readonly appPackageDir?: string;
  readonly defaultVersion?: string;
};

/** What a packaging run produced, with warnings about placeholder values it used. */
export type PackageResult = { readonly outFile: string; readonly manifest: JsonObject; readonly warnings: readonly string[] };

/** Thrown when the filled manifest does not match its schema; lists every schema error. */
export class ManifestValidationError extends Error {
  constructor(readonly errors: readonly string[]) {
    super(`manifest.json does not match its schema:\n${errors.map((error) => `  ${error}`).join('\n')}`);
    this.name = 'ManifestValidationError';
  }
}

/** Thrown when a production package (one built with an app id) would still carry placeholder values. */
export class PlaceholderError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`a production package (MicrosoftAppId is set) must not carry placeholders:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
    this.name = 'PlaceholderError';
  }
}

/** Fills the manifest template, validates it offline and writes a zip with manifest.json and both icons at its root. */
export async function packageApp(options: PackageOptions): Promise<PackageResult> {
  const appPackageDir = options.appPackageDir ?? path.join(repositoryRoot, 'deploy', 'appPackage');
  const template = JSON.parse(readFileSync(path.join(appPackageDir, 'manifest.template.json'), 'utf8')) as JsonObject;
  const { values, warnings } = manifestValuesFromEnv(options.env, options.defaultVersion ?? packageVersion());
  const problems = productionProblems(options.env);
  if (problems.length > 0) throw new PlaceholderError(problems);
  const manifest = buildAppManifest(template, values);
  const languages = languageFilesOf(manifest);
  const errors = await validateAppManifest(manifest);
  for (const file of languages) {
    if (!existsSync(path.join(appPackageDir, file))) {
      errors.push(`${file}: named in localizationInfo but missing beside the manifest template`);
      continue;
    }
    const localization = JSON.parse(readFileSync(path.join(appPackageDir, file), 'utf8')) as JsonObject;
    errors.push(...(await validateLocalizationFile(localization, typeof manifest['manifestVersion'] === 'string' ? manifest['manifestVersion'] : '')).map((error) => `${file}: ${error}`));
  }
  if (errors.length > 0) throw new ManifestValidationError(errors);

  const files: Record<string, Uint8Array> = { 'manifest.json': Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') };
  for (const name of [...iconFiles, ...languages]) files[name] = readFileSync(path.join(appPackageDir, name));
  // A fixed time stamp keeps the archive byte-for-byte reproducible.
  const zip = zipSync(files, { level: 9, mtime: new Date(1980, 0, 1) });
  mkdirSync(path.dirname(options.outFile), { recursive: true });
  writeFileSync(options.outFile, zip);
  return { outFile: options.outFile, manifest, warnings };
}

/** The localization files the manifest names (localizationInfo.additionalLanguages[].file), packed beside it. */
function languageFilesOf(manifest: JsonObject): string[] {
  const info = manifest['localizationInfo'];
  const languages = info && typeof info === 'object' && !Array.isArray(info) ? info['additionalLanguages'] : undefined;
  if (!Array.isArray(languages)) return [];
  return languages.flatMap((language) => (language && typeof language === 'object' && !Array.isArray(language) && typeof language['file'] === 'string' ? [language['file']] : []));
}

function packageVersion(): string {
  const { version } = JSON.parse(readFileSync(path.join(repositoryRoot, 'package.json'), 'utf8')) as { version: string };
  return version;
}

async function main(): Promise<void> {
  config({ quiet: true });
  try {
    const result = await packageApp({ env: process.env, outFile: path.join(repositoryRoot, 'dist', 'partner-coach.zip') });
    for (const warning of result.warnings) console.warn(`warning: ${warning}`);
    const { id, version } = result.manifest;
    console.log(`wrote ${path.relative(process.cwd(), result.outFile)} (app id ${JSON.stringify(id)}, version ${JSON.stringify(version)})`);
  } catch (error) {
    console.error(`package failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}

if (require.main === module) void main();
