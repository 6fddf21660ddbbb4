import type { Locale } from '../../core/locale';
import type { Storyline } from '../storyline';

/** Every text of a storyline in one language: whatever sits under its `en` or `sv` keys, the customer's lines included. */
export function storylineTexts(value: unknown, locale: Locale, inside = false): string[] {
  if (typeof value === 'string') return inside ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((item) => storylineTexts(item, locale, inside));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => {
    if (key === 'en' || key === 'sv') return key === locale ? storylineTexts(item, locale, true) : [];
    return storylineTexts(item, locale, inside);
  });
}

/**
 * For each storyline, the stems of one language that are no more its own than any other's: more than a third of the storylines
 * use them (and at least two), and this one no more often than all the others together. "Through", "first", "igenom",
 * "ordentligt" name no storyline's topic, though its author wrote them or its customer said them; "sourdough" or "väntrummet",
 * which few use, do, and so does "Monday" for the office that opens on Monday, which says it more than all the rest. A lower
 * `atLeast` (two) finds the words a storyline shares with any other.
 */
export function commonStems(storylines: readonly Storyline[], locale: Locale, stemsOf: (text: string) => readonly string[], atLeast = Math.floor(storylines.length / 3) + 1): ReadonlyMap<string, ReadonlySet<string>> {
  const counts = storylines.map((storyline) => {
    const count = new Map<string, number>();
    for (const stem of storylineTexts(storyline, locale).flatMap(stemsOf)) count.set(stem, (count.get(stem) ?? 0) + 1);
    return count;
  });
  const storylinesUsing = new Map<string, number>();
  const total = new Map<string, number>();
  for (const count of counts) {
    for (const [stem, times] of count) {
      storylinesUsing.set(stem, (storylinesUsing.get(stem) ?? 0) + 1);
      total.set(stem, (total.get(stem) ?? 0) + times);
    }
  }
  const bar = Math.max(2, atLeast);
  const widespread = [...storylinesUsing].filter(([, using]) => using >= bar).map(([stem]) => stem);
  return new Map(
    storylines.map((storyline, index) => {
      const own = (stem: string): number => counts[index]?.get(stem) ?? 0;
      return [storyline.id, new Set(widespread.filter((stem) => own(stem) <= (total.get(stem) ?? 0) - own(stem)))];
    }),
  );
}
