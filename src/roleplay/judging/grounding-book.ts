import path from 'node:path';
import { z } from 'zod';
import { ContentError } from '../../content/content-error';
import { loadYamlFolder } from '../../content/yaml-files';
import { locales, type Locale } from '../../core/locale';

/** Words that name a topic without saying anything about this customer: "business", "impact", "verksamheten". */
export const groundingBookSchema = z.strictObject({
  locale: z.enum(locales),
  /** A word, or a stem ending in * ("priorit*" for priority, priorities, prioritise); a move with one and nothing concrete is a guess. */
  generic: z.array(z.string().trim().min(1)).min(1),
  /** Ordinary words that never make a move concrete, though a meeting's text has them ("going", "kommer"). */
  plain: z.array(z.string().trim().min(1)).default([]),
  /** Words for how a moment feels: empathy that names one is about this moment. */
  feelings: z.array(z.string().trim().min(1)).default([]),
  /** Words for a place overrun ("busy", "mycket folk"): empathy that names one is about this moment where the brief tells of one. */
  scene: z.array(z.string().trim().min(1)).default([]),
  /** Numbers in words ("two", "tolv"): a number is about this meeting. */
  numbers: z.array(z.string().trim().min(1)).default([]),
  /** How a clause ends when it only says that something matters ("… are super important", "… betyder så mycket"): a slogan. */
  slogans: z.array(z.string().trim().min(1)).default([]),
  /** Who it matters to, after a slogan ("… to us", "… för oss"): still the slogan. */
  sloganTails: z.array(z.string().trim().min(1)).default([]),
  /** Words for people ("receptionists", "säljarna"): an offer or a promise for them must still say what it is. */
  people: z.array(z.string().trim().min(1)).default([]),
  /** Days ("Monday", "fredag"): a time named is about this meeting, though a summary counts one only if it was said. */
  dates: z.array(z.string().trim().min(1)).default([]),
  /** A time ahead named in a question ("next year", "nästa kvartal"): asking about their plans for it asks about this customer. */
  horizons: z.array(z.string().trim().min(1)).default([]),
});
export type GroundingBook = z.infer<typeof groundingBookSchema>;
export type GroundingBooks = Readonly<Record<Locale, GroundingBook>>;

export function loadGroundingBooks(folder: string): GroundingBooks {
  const byLocale = new Map(loadYamlFolder(folder, groundingBookSchema).map((file) => [file.data.locale, file.data]));
  const missing = locales.filter((locale) => !byLocale.has(locale));
  if (missing.length > 0) throw new ContentError(folder, [`no generic word list for ${missing.join(', ')}`]);
  return Object.fromEntries(locales.map((locale) => [locale, byLocale.get(locale)])) as Record<Locale, GroundingBook>;
}

export const groundingBooksIn = (contentDir: string): GroundingBooks => loadGroundingBooks(path.join(contentDir, 'roleplay', 'grounding'));
