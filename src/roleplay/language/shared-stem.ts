import type { Locale } from '../../core/locale';
import { stemEnglish } from './stem-english';
import { stemSwedish } from './stem-swedish';

/**
 * The stemmer of each language, so every reader of stems compares the same forms: inflections share a stem ("quotes" /
 * "quoted", "säljarna" / "säljare"); first letters in common are no shared word ("sale" / "salt").
 */
export const stemmers: Readonly<Record<Locale, (word: string) => string>> = { en: stemEnglish, sv: stemSwedish };

// A part is a word of four letters or more, and what is left of the compound is one too: "butikschef" holds "butik".
const part = (whole: string, piece: string): boolean => piece.length >= 4 && whole.length - piece.length >= 3 && (whole.startsWith(piece) || whole.endsWith(piece));

// Two compounds of one first part ("apoteksavtalet", "apotekskedja"): a long one, six letters or more, so "bestämma" and
// "beställa" stay apart.
function head(one: string, other: string): boolean {
  let shared = 0;
  while (shared < one.length && one[shared] === other[shared]) shared += 1;
  return shared >= 6 && one.length - shared >= 3 && other.length - shared >= 3;
}

/**
 * Whether a stem is one of the stems that `taking` accepts; in Swedish also as part of a compound with one ("offertmallen"
 * holds "offert").
 */
export function sharesStem(stems: ReadonlySet<string>, stem: string, locale: Locale, taking: (known: string) => boolean = () => true): boolean {
  if (stems.has(stem) && taking(stem)) return true;
  if (locale !== 'sv') return false;
  const other = otherForm(stem);
  if (stems.has(other) && taking(other)) return true;
  const first = firstPart(stem);
  for (const known of stems) {
    const otherKnown = otherForm(known);
    const compound = part(stem, known) || part(known, stem) || part(other, known) || part(known, other) || part(stem, otherKnown) || part(known, first) || part(stem, firstPart(known));
    if ((compound || head(stem, known)) && taking(known)) return true;
  }
  return false;
}

// A word in -el keeps its e as the first part of a compound: "kablar" stems to "kabl", "kabeldragning" begins with "kabel".
const firstPart = (stem: string): string => (/[^aeiouy]l$/.test(stem) && stem.length >= 4 ? `${stem.slice(0, -1)}el` : stem);

// Snowball reads "-or" as a plural ending ("veckor"), so "dator" and "datorn" stem to "dat" and "datorer" to "dator": the one
// form is compared with the other.
const otherForm = (stem: string): string => (stem.endsWith('or') && stem.length >= 5 ? stem.slice(0, -2) : `${stem}or`);
