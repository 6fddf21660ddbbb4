/** The languages Partner Coach speaks. */
export const locales = ['en', 'sv'] as const;
export type Locale = (typeof locales)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** Maps a BCP-47 tag such as "sv-SE" or "en-US" to a supported language, or undefined. */
export function localeFromTag(tag: string | undefined): Locale | undefined {
  const language = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return isLocale(language) ? language : undefined;
}
