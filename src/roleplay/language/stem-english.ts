// The Snowball English ("Porter2") stemmer, after https://snowballstem.org/algorithms/english/stemmer.html.
// Words arrive lower-cased and without marks; a stem is a key for comparing inflections, not a word to show.

const vowels = new Set('aeiouy');
const isVowel = (word: string, at: number): boolean => vowels.has(word[at] ?? '');
const doubles = ['bb', 'dd', 'ff', 'gg', 'mm', 'nn', 'pp', 'rr', 'tt'];
const liEndings = new Set('cdeghkmnrt');

const exceptions: Readonly<Record<string, string>> = {
  skis: 'ski', skies: 'sky', dying: 'die', lying: 'lie', tying: 'tie', idly: 'idl', gently: 'gentl', ugly: 'ugli', early: 'earli',
  only: 'onli', singly: 'singl', sky: 'sky', news: 'news', howe: 'howe', atlas: 'atlas', cosmos: 'cosmos', bias: 'bias', andes: 'andes',
};
const afterStep1a = new Set(['inning', 'outing', 'canning', 'herring', 'earring', 'proceed', 'exceed', 'succeed']);

/** Where the region after the first non-vowel that follows a vowel starts, from `from` on. */
function regionAfter(word: string, from: number): number {
  for (let at = from + 1; at < word.length; at += 1) if (!isVowel(word, at) && isVowel(word, at - 1)) return at + 1;
  return word.length;
}

function regions(word: string): { r1: number; r2: number } {
  const prefix = ['gener', 'commun', 'arsen'].find((start) => word.startsWith(start));
  const r1 = prefix ? prefix.length : regionAfter(word, 0);
  return { r1, r2: regionAfter(word, r1) };
}

/** A short syllable ending at `end` (exclusive): non-vowel, vowel, non-vowel other than w, x, Y; or a vowel and a non-vowel at the start. */
function endsShortSyllable(word: string, end: number): boolean {
  if (end === 2) return isVowel(word, 0) && !isVowel(word, 1);
  return end >= 3 && !isVowel(word, end - 3) && isVowel(word, end - 2) && !isVowel(word, end - 1) && !'wxY'.includes(word[end - 1] ?? '');
}

const longest = (word: string, suffixes: readonly string[]): string | undefined =>
  suffixes.filter((suffix) => word.endsWith(suffix)).sort((a, b) => b.length - a.length)[0];

function step1a(word: string): string {
  const suffix = longest(word, ['sses', 'ied', 'ies', 'us', 'ss', 's']);
  if (suffix === 'sses') return word.slice(0, -2);
  if (suffix === 'ied' || suffix === 'ies') return word.length > 4 ? word.slice(0, -2) : word.slice(0, -1);
  if (suffix === 's' && /[aeiouy]/.test(word.slice(0, -2))) return word.slice(0, -1);
  return word;
}

function step1b(word: string, r1: number): string {
  const suffix = longest(word, ['eed', 'eedly', 'ed', 'edly', 'ing', 'ingly']);
  if (!suffix) return word;
  const stem = word.slice(0, -suffix.length);
  if (suffix === 'eed' || suffix === 'eedly') return stem.length >= r1 ? `${stem}ee` : word;
  if (!/[aeiouy]/.test(stem)) return word;
  if (['at', 'bl', 'iz'].some((end) => stem.endsWith(end))) return `${stem}e`;
  if (doubles.some((pair) => stem.endsWith(pair))) return stem.slice(0, -1);
  return endsShortSyllable(stem, stem.length) && r1 >= stem.length ? `${stem}e` : stem;
}

const step1c = (word: string): string => (word.length > 2 && /[yY]$/.test(word) && !isVowel(word, word.length - 2) ? `${word.slice(0, -1)}i` : word);

const step2Map: ReadonlyArray<readonly [string, string]> = [
  ['tional', 'tion'], ['enci', 'ence'], ['anci', 'ance'], ['abli', 'able'], ['entli', 'ent'], ['izer', 'ize'], ['ization', 'ize'],
  ['ational', 'ate'], ['ation', 'ate'], ['ator', 'ate'], ['alism', 'al'], ['aliti', 'al'], ['alli', 'al'], ['fulness', 'ful'],
  ['ousli', 'ous'], ['ousness', 'ous'], ['iveness', 'ive'], ['iviti', 'ive'], ['biliti', 'ble'], ['bli', 'ble'], ['ogi', 'og'],
  ['fulli', 'ful'], ['lessli', 'less'], ['li', ''],
];

function step2(word: string, r1: number): string {
  const suffix = longest(word, step2Map.map(([from]) => from));
  if (!suffix || word.length - suffix.length < r1) return word;
  const stem = word.slice(0, -suffix.length);
  if (suffix === 'ogi' && !stem.endsWith('l')) return word;
  if (suffix === 'li' && !liEndings.has(stem.at(-1) ?? '')) return word;
  return stem + (step2Map.find(([from]) => from === suffix)?.[1] ?? '');
}

const step3Map: ReadonlyArray<readonly [string, string]> = [
  ['tional', 'tion'], ['ational', 'ate'], ['alize', 'al'], ['icate', 'ic'], ['iciti', 'ic'], ['ical', 'ic'], ['ful', ''], ['ness', ''], ['ative', ''],
];

function step3(word: string, r1: number, r2: number): string {
  const suffix = longest(word, step3Map.map(([from]) => from));
  if (!suffix || word.length - suffix.length < r1) return word;
  if (suffix === 'ative' && word.length - suffix.length < r2) return word;
  return word.slice(0, -suffix.length) + (step3Map.find(([from]) => from === suffix)?.[1] ?? '');
}

const step4Suffixes = ['al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize', 'ion'];

function step4(word: string, r2: number): string {
  const suffix = longest(word, step4Suffixes);
  if (!suffix || word.length - suffix.length < r2) return word;
  const stem = word.slice(0, -suffix.length);
  if (suffix === 'ion' && !/[st]$/.test(stem)) return word;
  return stem;
}

function step5(word: string, r1: number, r2: number): string {
  const last = word.length - 1;
  if (word.endsWith('e') && (last >= r2 || (last >= r1 && !endsShortSyllable(word, last)))) return word.slice(0, -1);
  if (word.endsWith('ll') && last >= r2) return word.slice(0, -1);
  return word;
}

/** The Porter2 stem of a lower-case English word: "quotes", "quoted", "quoting" → "quot"; "sale" stays apart from "salt". */
export function stemEnglish(input: string): string {
  if (input.length <= 2) return input;
  const known = exceptions[input];
  if (known) return known;
  let word = input.replace(/^'/, '').replace(/^y/, 'Y').replace(/([aeiouy])y/g, '$1Y');
  word = word.replace(/'s'$|'s$|'$/, '');
  word = step1a(word);
  if (afterStep1a.has(word)) return word;
  const { r1, r2 } = regions(word);
  word = step1c(step1b(word, r1));
  word = step5(step4(step3(step2(word, r1), r1, r2), r2), r1, r2);
  return word.replace(/Y/g, 'y');
}
