import type { Locale } from '../../core/locale';
import { sharesStem, stemmers } from '../language/shared-stem';
import type { Demand } from '../storyline';

const stemsOf = (text: string, locale: Locale): string[] => (text.toLowerCase().match(/[\p{L}\d]+/gu) ?? []).map((word) => stemmers[locale](word));

/**
 * Whether words of the learner's name what the demand asks for (its `about` words): "all the temp laptops get a test call"
 * speaks to "every temp laptop checked with a real test call", "a revised proposal by Thursday" does not. In Swedish also
 * through a compound ("testsamtalet" holds "samtal").
 */
export function speaksTo(demand: Demand, words: string, locale: Locale): boolean {
  const about = new Set((demand[locale].about ?? []).flatMap((word) => stemsOf(word, locale)));
  return stemsOf(words, locale).some((stem) => stem.length >= 3 && sharesStem(about, stem, locale));
}

/**
 * Whether words of the learner's name everything an unreasonable demand asks for, each about entry in its order ("all
 * thirty", a word or two between allowed): "we can do everything for all thirty by tomorrow" offers the demand itself, "the
 * eight by Monday" offers something else, and "a technician calls you every hour" is not "every technician".
 */
export function restates(demand: Demand, words: string, locale: Locale): boolean {
  const entries = (demand[locale].about ?? []).map((entry) => stemsOf(entry, locale));
  const said = stemsOf(words, locale);
  return entries.length > 0 && entries.every((entry) => inOrder(entry, said, locale));
}

const maxBetween = 2;

/** Whether the stems come in the text in this order, with at most two other words between two of them. */
function inOrder(entry: readonly string[], said: readonly string[], locale: Locale): boolean {
  const matches = (stem: string, at: number): boolean => sharesStem(new Set([stem]), said[at] ?? '', locale);
  return said.some((_, start) => {
    if (!matches(entry[0] ?? '', start)) return false;
    let at = start;
    for (const stem of entry.slice(1)) {
      const next = said.findIndex((__, index) => index > at && index <= at + maxBetween + 1 && matches(stem, index));
      if (next < 0) return false;
      at = next;
    }
    return true;
  });
}

/** The about words that `says` does not contain: each must be the demand's own word, not one added to catch answers. */
export function aboutNotSaid(demand: Demand, locale: Locale): string[] {
  const said = new Set(stemsOf(demand[locale].says, locale));
  return (demand[locale].about ?? []).filter((word) => !stemsOf(word, locale).every((stem) => sharesStem(said, stem, locale)));
}
