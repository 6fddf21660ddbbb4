import type { Locale } from '../../core/locale';
import type { Move } from './intents';
import type { PhraseBooks } from './phrase-book';

// Staff type without marks ("bestallning") and with curly quotes: both are folded away before words are taken.
const folded = (text: string): string => text.toLowerCase().replace(/[’‘´`]/g, "'").normalize('NFD').replace(/\p{M}/gu, '');
const wordsOf = (clause: string): string[] => clause.match(/[\p{L}\d]+(?:'\p{L}+)?/gu) ?? [];
// How many words after a negation are read as negated: "we won't skip the test" negates "skip the test".
const negationScope = 3;

/**
 * The features a learned reader weighs for one message: its words and word pairs, words in a negation's scope, whether it
 * asks, and the moves the rule reader found (so the model learns when a rule is right, not only what words mean).
 */
export class MoveFeatures {
  private readonly negation: Readonly<Record<Locale, RegExp>>;

  constructor(books: PhraseBooks) {
    // The phrase book's own negations, tested word by word: one list of what negates, in content.
    const of = (locale: Locale): RegExp => new RegExp(`^(?:${books[locale].negations.map((item) => item.replace(/ /g, '\\s+')).join('|')})$`, 'iu');
    this.negation = { en: of('en'), sv: of('sv') };
  }

  of(text: string, locale: Locale, ruleMoves: readonly Move[]): string[] {
    const features = new Set<string>();
    const negation = this.negation[locale];
    for (const clause of folded(text).split(/[.,;:!?\n]+/u)) {
      const words = wordsOf(clause);
      let negated = 0;
      words.forEach((word, index) => {
        features.add(`w:${word}`);
        if (index > 0) features.add(`b:${words[index - 1] ?? ''}_${word}`);
        if (negated > 0) {
          features.add(`n:${word}`);
          negated -= 1;
        }
        if (negation.test(word) || word.endsWith("n't")) negated = negationScope;
      });
    }
    if (text.includes('?')) features.add('q:?');
    for (const move of ruleMoves) features.add(move.vague ? `r:${move.kind}~` : `r:${move.kind}`);
    return [...features].sort();
  }
}
