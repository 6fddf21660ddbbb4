/** How a rule's phrases are looked for: `quick` (the default) or `plain`, the straightforward way, to check the quick one against. */
export type Matching = 'quick' | 'plain';

/**
 * A rule's phrases, compiled once: where they occur in a clause. `text.matchAll(pattern)` copies the pattern (hundreds
 * of phrases) on every call, which costs more than scanning for them, and most rules are absent from most clauses; so
 * the quick way scans with the pattern itself, and stops at the first match where only that one is needed.
 */
export class PhraseMatcher {
  constructor(
    /** Global ('g'), as callers that replace every trigger need it. */
    readonly pattern: RegExp,
    private readonly matching: Matching = 'quick',
  ) {
    if (!pattern.global) throw new Error(`a phrase pattern must be global: /${pattern.source.slice(0, 40)}…/`);
  }

  /** The first match, as `[...text.matchAll(pattern)][0]` gives it. */
  first(text: string): RegExpExecArray | undefined {
    if (this.matching === 'plain') return this.all(text)[0];
    this.pattern.lastIndex = 0;
    const match = this.pattern.exec(text) ?? undefined;
    this.pattern.lastIndex = 0;
    return match;
  }

  /** Every match in order, as `[...text.matchAll(pattern)]` gives them. */
  all(text: string): RegExpExecArray[] {
    if (this.matching === 'plain') return [...text.matchAll(this.pattern)];
    const matches: RegExpExecArray[] = [];
    this.pattern.lastIndex = 0;
    for (let match = this.pattern.exec(text); match; match = this.pattern.exec(text)) {
      matches.push(match);
      // An empty match moves on by one code point, as matchAll does with the 'u' flag.
      if (match[0] === '') this.pattern.lastIndex = nextIndex(text, this.pattern.lastIndex, this.pattern.unicode);
    }
    this.pattern.lastIndex = 0;
    return matches;
  }
}

function nextIndex(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const code = text.charCodeAt(index);
  return code >= 0xd800 && code <= 0xdbff ? index + 2 : index + 1;
}
