import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { locales, type Locale } from './locale';

export type TranslationParams = Readonly<Record<string, string | number>>;
/** Looks up a user-facing string by key in the turn's language. */
export type Translate = (key: string, params?: TranslationParams) => string;

/**
 * All user-facing strings, loaded from content/locales/<lang>/<namespace>.yaml; keys are "<namespace>.<path>".
 * An entry written as a map of plural forms (`one:`, `other:`) is chosen by the number in the `count` parameter.
 */
export class Translator {
  private readonly plurals = new Map<Locale, Intl.PluralRules>();

  private constructor(private readonly catalogs: ReadonlyMap<Locale, ReadonlyMap<string, string>>) {
    for (const locale of locales) this.plurals.set(locale, new Intl.PluralRules(locale === 'sv' ? 'sv-SE' : 'en-GB'));
  }

  static load(localesDir: string): Translator {
    const catalogs = new Map<Locale, ReadonlyMap<string, string>>();
    for (const locale of locales) catalogs.set(locale, loadCatalog(path.join(localesDir, locale)));
    return new Translator(catalogs);
  }

  keys(locale: Locale): string[] {
    return [...(this.catalogs.get(locale)?.keys() ?? [])].sort();
  }

  has(locale: Locale, key: string): boolean {
    return this.catalogs.get(locale)?.has(key) ?? false;
  }

  translate(locale: Locale, key: string, params: TranslationParams = {}): string {
    const template = this.lookup(locale, key, params) ?? this.lookup('en', key, params);
    // A missing key shows itself rather than crashing a turn; the locale test keeps this from shipping.
    if (template === undefined) return key;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      return value === undefined ? whole : String(value);
    });
  }

  private lookup(locale: Locale, key: string, params: TranslationParams): string | undefined {
    const catalog = this.catalogs.get(locale);
    const count = params.count;
    if (typeof count !== 'number' || !catalog?.has(`${key}.other`)) return catalog?.get(key);
    return catalog.get(`${key}.${this.plurals.get(locale)?.select(count) ?? 'other'}`) ?? catalog.get(`${key}.other`);
  }

  forLocale(locale: Locale): Translate {
    return (key, params) => this.translate(locale, key, params);
  }
}

function loadCatalog(directory: string): Map<string, string> {
  const catalog = new Map<string, string>();
  for (const file of readdirSync(directory).filter((name) => name.endsWith('.yaml')).sort()) {
    const namespace = path.basename(file, '.yaml');
    flatten(namespace, parse(readFileSync(path.join(directory, file), 'utf8')) as unknown, catalog);
  }
  return catalog;
}

function flatten(prefix: string, value: unknown, into: Map<string, string>): void {
  if (typeof value === 'string') {
    into.set(prefix, value);
    return;
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) flatten(`${prefix}.${key}`, child, into);
    return;
  }
  throw new Error(`locale entry ${prefix} must be a string or a map of strings`);
}
