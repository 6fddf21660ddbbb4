// The Snowball Swedish stemmer, after https://snowballstem.org/algorithms/swedish/stemmer.html, on words without marks
// (staff type "bestallning"): å and ä are read as a, ö as o, so "löst" is "lost".

const isVowel = (letter: string | undefined): boolean => letter !== undefined && 'aeiouy'.includes(letter);
const mainSuffixes = [
  'a', 'arna', 'erna', 'heterna', 'orna', 'ad', 'e', 'ade', 'ande', 'arne', 'are', 'aste', 'en', 'anden', 'aren', 'heten', 'ern', 'ar',
  'er', 'heter', 'or', 'as', 'arnas', 'ernas', 'ornas', 'es', 'ades', 'andes', 'ens', 'arens', 'hetens', 'erns', 'at', 'andet', 'het', 'ast',
].sort((a, b) => b.length - a.length);
const sEndings = 'bcdfghjklmnoprtvy';
const consonantPairs = ['dd', 'gd', 'nn', 'dt', 'gt', 'kt', 'tt'];
const otherSuffixes: ReadonlyArray<readonly [string, string]> = [['fullt', 'full'], ['lost', 'los'], ['lig', ''], ['els', ''], ['ig', '']];

/** Where R1 starts: after the first non-vowel that follows a vowel, and never before the fourth letter. */
function regionOne(word: string): number {
  for (let at = 1; at < word.length; at += 1) if (isVowel(word[at - 1]) && !isVowel(word[at])) return Math.max(3, at + 1);
  return word.length;
}

function snowball(word: string): string {
  const r1 = regionOne(word);
  const inRegion = (suffix: string, stem: string): boolean => stem.length - suffix.length >= r1 && stem.endsWith(suffix);
  let stem = word;
  const main = mainSuffixes.find((suffix) => inRegion(suffix, stem));
  if (main) stem = stem.slice(0, -main.length);
  else if (inRegion('s', stem) && sEndings.includes(stem.at(-2) ?? '')) stem = stem.slice(0, -1);
  if (consonantPairs.some((pair) => inRegion(pair, stem))) stem = stem.slice(0, -1);
  const other = otherSuffixes.filter(([suffix]) => inRegion(suffix, stem)).sort(([a], [b]) => b.length - a.length)[0];
  if (other) stem = stem.slice(0, -other[0].length) + other[1];
  return stem;
}

// Snowball leaves the definite neuter "-et" ("nätverket", "mötet", "väntrummet") and reads "kabel" and "kablar" apart: a stem
// is a key, so both come to one form ("natverk", "mot", "vantrum"; "kabl").
// A noun that ends in -et itself ("paket", "paketet") loses it in every form.
const withoutDefinite = (stem: string): string => (stem.endsWith('et') && stem.length - 2 >= Math.max(3, regionOne(stem)) ? withoutDefinite(stem.slice(0, -2)) : stem);

function canonical(stem: string): string {
  const definite = withoutDefinite(stem);
  const single = definite !== stem && definite.endsWith('mm') ? definite.slice(0, -1) : definite;
  return single.length >= 5 && /[^aeiouy]el$/.test(single) ? `${single.slice(0, -2)}l` : single;
}

/**
 * The stem of a lower-case Swedish word: "säljarna", "säljare" → "salj"; "växa", "växer" → "vax"; "skada" stays apart from "skapa".
 * The definite "-n" of a word in -a or -or (kassan, lånedatorn), which Snowball leaves, comes off first.
 */
export function stemSwedish(word: string): string {
  const stem = /(?:a|or)n$/.test(word) && word.length - 1 >= regionOne(word) ? word.slice(0, -1) : word;
  return canonical(snowball(stem));
}
