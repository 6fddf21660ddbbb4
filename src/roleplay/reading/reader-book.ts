import { intents, type Intent } from './intents';
import type { MoveRule, PhraseBook } from './phrase-book';
import { PhraseMatcher, type Matching } from './phrase-matcher';

export interface CompiledRule {
  readonly kind: Intent;
  readonly rule: MoveRule;
  readonly pattern: RegExp;
  readonly matcher: PhraseMatcher;
  /** The words the rule's phrases spell out, without marks: a word a trigger's wildcard took in ("your store staff") is the learner's own. */
  readonly spelled: ReadonlySet<string>;
}

/** One language's phrase book compiled into the patterns the reader runs. */
export interface CompiledBook extends TellingPatterns {
  readonly book: PhraseBook;
  readonly rules: readonly CompiledRule[];
  readonly question: RegExp;
  readonly statementStart: RegExp;
  readonly guess: RegExp;
  readonly questionWord: RegExp;
  /** Every question word in a text ("tell me", "what"), to set the words that ask apart from what is asked. */
  readonly questionWords: RegExp;
  /** A whole clause that only asks which or where the thing is. */
  readonly locating: RegExp;
  /** A promise to find a way with nothing named yet. */
  readonly seeksWay: RegExp;
  readonly relative: RegExp;
  readonly negation: RegExp;
  /** A negation right after a verb, as Swedish puts it ("jag skickar inte", "skickar jag inte"). */
  readonly negationAfter: RegExp;
  /** Any negation in a clause, and one that reports the past. */
  readonly negated: RegExp;
  readonly hedge: RegExp;
  readonly time: RegExp;
  /** Every by-when in a text, to set it apart from what is promised. */
  readonly times: RegExp;
  readonly breaks: RegExp;
  /** Where one question ends and another begins in a clause ("…, and how many …?"). */
  readonly questionJoin: RegExp;
  readonly noise: Noise;
  readonly spelling?: RegExp;
  readonly spelledByContext: ReadonlyArray<{ readonly pattern: RegExp; readonly as: string }>;
  /** Numbers in words, lower case and without marks. */
  readonly numbers: ReadonlySet<string>;
  readonly contrast: RegExp;
  /** A supposition still open where a clause's text ends: "if we skip the", "that would mean dropping". */
  readonly hypothetical: RegExp;
}

// A phrase is a regex fragment; a space matches any run of spaces, and letters may not touch its ends.
const fragment = (items: readonly string[]): string => items.map((item) => item.replace(/ /g, '\\s+')).join('|');
const bounded = (items: readonly string[], flags = 'iu'): RegExp => new RegExp(`(?<![\\p{L}\\d])(?:${fragment(items)})(?![\\p{L}])`, flags);

// Two-letter words stay marked: "sa" (said) is not "så", and a wrong credit is worse than a missed one.
const unmarkedWord = (word: string, letters: Readonly<Record<string, string>>): string => (word.length < 3 ? word : [...word].map((letter) => (letters[letter] ? `[${letter}${letters[letter]}]` : letter)).join(''));
const withoutMarks = (word: string, letters: Readonly<Record<string, string>>): string => [...word].map((letter) => letters[letter] ?? letter).join('');

/** The book with every phrase also matching its words typed without marks, and with a particle between two of its words. */
function loosened(book: PhraseBook): PhraseBook {
  const particles = book.particles.length > 0 ? `\\s+(?:(?:${book.particles.join('|')})\\s+)?` : ' ';
  const letters = (phrase: string): string => phrase.replace(/\p{L}+/gu, (word) => unmarkedWord(word, book.unmarked));
  const list = (items: readonly string[]): string[] => items.map(letters);
  const moves = Object.fromEntries(
    Object.entries(book.moves).map(([kind, rule]) => [kind, { ...rule, phrases: rule.phrases.map((phrase) => letters(phrase).replace(/ /g, particles)), askPhrases: rule.askPhrases.map((phrase) => letters(phrase).replace(/ /g, particles)) }]),
  );
  return {
    ...book,
    questionStart: list(book.questionStart),
    statementStarts: list(book.statementStarts),
    guesses: list(book.guesses),
    locating: list(book.locating),
    seeksWay: list(book.seeksWay).map((phrase) => phrase.replace(/ /g, particles)),
    questionWords: list(book.questionWords),
    relatives: list(book.relatives),
    negations: list(book.negations),
    hedges: list(book.hedges).map((phrase) => phrase.replace(/ /g, particles)),
    times: list(book.times),
    clauseBreaks: list(book.clauseBreaks),
    questionJoins: list(book.questionJoins),
    contrasts: list(book.contrasts),
    commaBreaks: list(book.commaBreaks),
    hypotheticals: list(book.hypotheticals),
    pastNegations: list(book.pastNegations),
    pastMarkers: list(book.pastMarkers),
    moves,
  };
}


/** How a report of what happened is told: a verb in the past, a negation of the past, and the opening of a reply. */
export interface TellingPatterns {
  /** A verb in the past: what it tells has happened. */
  readonly past: RegExp;
  readonly pastNegated: RegExp;
  /** A text that opens as a reply to a question ("yes, …", "jo, …"), after any leading punctuation. */
  readonly reply: RegExp;
}

export function tellingPatterns(book: PhraseBook): TellingPatterns {
  const or = (items: readonly string[]): readonly string[] => (items.length > 0 ? items : ['(?!)']);
  return {
    past: bounded(or(book.pastMarkers)),
    pastNegated: bounded(or(book.pastNegations)),
    reply: new RegExp(`^[\\s,!.:-]*(?:${fragment(or(book.replyWords))})(?![\\p{L}])`, 'iu'),
  };
}

/** Compiles a phrase book; the other language's filler words count as filler too. */
export function compile(given: PhraseBook, other: PhraseBook, matching: Matching): CompiledBook {
  const book = loosened(given);
  const rules = intents.flatMap((kind) => {
    const rule = book.moves[kind];
    if (!rule) return [];
    const source = (items: readonly string[]): RegExp => new RegExp(`${rule.leading ? '^\\s*' : '(?<![\\p{L}\\d])'}(?:${fragment(items)})(?![\\p{L}])`, 'giu');
    const written = given.moves[kind];
    const spelled = new Set([...(written?.phrases ?? []), ...(written?.askPhrases ?? [])].flatMap((phrase) => plainWords(phrase.replace(/\\[pP]\{\w+\}|\\./g, ' '))));
    const compiled = (shown: MoveRule, pattern: RegExp): CompiledRule => ({ kind, rule: shown, pattern, matcher: new PhraseMatcher(pattern, matching), spelled });
    const asked = rule.askPhrases.length > 0 ? [compiled({ ...rule, question: true, statement: false }, source(rule.askPhrases))] : [];
    return [compiled(rule, source(rule.phrases)), ...asked];
  });
  const commaBreaks = book.commaBreaks.length > 0 ? `|\\s*,\\s*(?=(?:${fragment(book.commaBreaks)})(?![\\p{L}]))` : '';
  const spellings = Object.keys(book.spellings);
  const time = new RegExp(`(?<![\\p{L}\\d])(?:${fragment(book.times)})[\\p{L}\\d:.]*`, 'iu');
  return {
    book,
    rules,
    question: new RegExp(`^\\s*(?:${fragment(book.questionStart)})(?![\\p{L}])`, 'iu'),
    statementStart: new RegExp(`^\\s*(?:${fragment(book.statementStarts.length > 0 ? book.statementStarts : ['(?!)'])})(?![\\p{L}])`, 'iu'),
    guess: new RegExp(`^\\s*(?:${fragment(book.guesses.length > 0 ? book.guesses : ['(?!)'])})(?![\\p{L}])`, 'iu'),
    locating: new RegExp(`^\\s*(?:${fragment(book.locating.length > 0 ? book.locating : ['(?!)'])})[\\s?.!]*$`, 'iu'),
    seeksWay: bounded(book.seeksWay.length > 0 ? book.seeksWay : ['(?!)']),
    questionWord: bounded(book.questionWords.length > 0 ? book.questionWords : ['(?!)']),
    questionWords: bounded(book.questionWords.length > 0 ? book.questionWords : ['(?!)'], 'giu'),
    relative: new RegExp(`^\\s*(?:${fragment(book.relatives.length > 0 ? book.relatives : ['(?!)'])})(?![\\p{L}])`, 'iu'),
    ...tellingPatterns(book),
    negated: bounded(book.negations),
    negationAfter: new RegExp(`^\\s+(?:(?:jag|vi|du|ni|det|den|dom|de|i|we|it)\\s+)?(?:${fragment(book.negations)})(?![\\p{L}])`, 'iu'),
    negation: new RegExp(`(?:${fragment(book.negations)})(?![\\p{L}])[^.,;:!?]{0,24}$`, 'iu'),
    hedge: bounded(book.hedges),
    time,
    times: new RegExp(time.source, 'giu'),
    breaks: new RegExp(`(?<=[.!?;\\n])\\s+|(?<=[\\p{L}']\\s+[–—-])\\s+(?=[\\p{L}])|\\s*[,:–-]?\\s+(?=(?:${fragment(book.clauseBreaks)})(?![\\p{L}]))${commaBreaks}`, 'iu'),
    questionJoin: new RegExp(`[\\s,]+(?:${fragment(book.questionJoins.length > 0 ? book.questionJoins : ['(?!)'])})\\s+(?=(?:${fragment(book.questionWords.length > 0 ? book.questionWords : ['(?!)'])})(?![\\p{L}]))`, 'iu'),
    noise: noiseOf(given, other),
    numbers: new Set(given.numbers.flatMap(plainWords)),
    ...(spellings.length > 0 ? { spelling: bounded(spellings, 'giu') } : {}),
    spelledByContext: book.spelledByContext.map(({ pattern, as }) => ({ pattern: new RegExp(pattern, 'giu'), as })),
    hypothetical: new RegExp(`(?<![\\p{L}'])(?:${fragment(book.hypotheticals.length > 0 ? book.hypotheticals : ['(?!)'])})(?![\\p{L}])[^,;:.!?]*$`, 'iu'),
    contrast: new RegExp(`^(?:${fragment(book.contrasts.length > 0 ? book.contrasts : ['(?!)'])})(?![\\p{L}])`, 'iu'),
  };
}

/** A text's words in lower case and without marks. */
export const plainWords = (text: string): string[] => text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').match(/\p{L}+/gu) ?? [];

/** Two words of substance, or a number, make an offer, or a question the meeting does not ground, concrete ("a loan laptop", "30 minutes"). */
export const concreteWeight = 2;

/** Stop words and buzzwords: a language's own, and the other language's as they are written. */
export interface Noise {
  readonly own: ReadonlySet<string>;
  readonly other: ReadonlySet<string>;
  /** A plan's count of its steps ("step 1 we align, step 2 we deliver"), cut before words are weighed. */
  readonly stepCounts: RegExp;
  /** Set phrases of no substance ("picking up where we left off"), cut before words are weighed. */
  readonly emptyPhrases: RegExp;
}

/** A language's stop words and buzzwords, typed with or without marks, and the other language's. */
export function noiseOf(given: PhraseBook, other: PhraseBook): Noise {
  const words = (book: PhraseBook): string[] => [...book.stopwords, ...book.buzzwords].flatMap((word) => word.toLowerCase().split(/\s+/)).flatMap((word) => [word, withoutMarks(word, given.unmarked)]);
  // Staff mix languages ("en lösning going forward"): the other language's filler is no substance either.
  return { own: new Set(words(given)), other: new Set(words(other)), stepCounts: bounded(given.stepCounts.length > 0 ? given.stepCounts : ['(?!)'], 'giu'), emptyPhrases: bounded(given.emptyPhrases.length > 0 ? given.emptyPhrases : ['(?!)'], 'giu') };
}

/**
 * A stop word or buzzword, or one of the language's own with an ending (proaktiva, kunderna, customers, handled): stems of four
 * letters or more. Not the other language's with an ending: "store" is no Swedish "stor" with an e.
 */
export function isNoise(noise: Noise, word: string): boolean {
  if (noise.own.has(word) || noise.other.has(word)) return true;
  return [1, 2, 3].some((cut) => word.length - cut >= 4 && noise.own.has(word.slice(0, -cut)));
}

/** A text's words, lower-cased and each once (saying it again adds nothing): three letters or more, or a number ("10:45"). */
export function wordsOf(text: string): string[] {
  // A negation is no substance: "don't", "won't" read as "do", "wo", not as a word "don".
  // "I hear you 100%", "110 % committed": a share of a hundred or more is emphasis, not a figure ("8 %", "5%" are figures).
  const words = (text.toLowerCase().replace(/n't(?![\p{L}])/gu, '').replace(/(?<![\d.,])[1-9]\d{2,}\s?%/gu, ' ').match(/[\p{L}\d:.]+/gu) ?? []).map((word) => word.replace(/[.:]+$/, ''));
  return [...new Set(words)].filter((word) => word.length >= 3 || /\d/.test(word));
}

/** How much substance words carry: a number counts double. */
export const weightOf = (words: readonly string[]): number => words.reduce((sum, word) => sum + (/\d/.test(word) ? 2 : 1), 0);

/** A text without what carries no substance whatever its words: a plan's count of its steps, set phrases of no content. */
export const withoutFiller = (noise: Noise, text: string): string => text.replace(noise.stepCounts, ' ').replace(noise.emptyPhrases, ' ');

/** The weight of a text's words of substance. */
export const substance = (book: CompiledBook, text: string): number => weightOf(wordsOf(withoutFiller(book.noise, text)).filter((word) => !isNoise(book.noise, word)));

/** Whether a text counts a plan's steps: "what works: two phases." says its steps in the next sentence. */
export const countsSteps = (book: CompiledBook, text: string): boolean => text.replace(book.noise.stepCounts, '') !== text;
