import type { Intent, Move } from './intents';
import type { CompiledBook } from './reader-book';

/**
 * The moves of a clause without those another move there overrides. Two questions joined in one clause ("when did it start,
 * and how many patients are waiting?") are two questions: a move overrides another only in the question where both are found.
 */
export function withoutOverridden(book: CompiledBook, body: string, moves: readonly Move[]): Move[] {
  const overrides = moves.flatMap((move) => (book.book.moves[move.kind]?.overrides ?? []).map((kind) => ({ by: move.kind, kind })));
  if (overrides.length === 0) return [...moves];
  const questions = body.split(book.questionJoin).filter((part) => part.trim() !== '');
  const found = (kind: Intent, text: string): boolean => book.rules.some((rule) => rule.kind === kind && rule.matcher.first(text) !== undefined);
  const overridden = (kind: Intent): boolean =>
    overrides.some((item) => {
      if (item.kind !== kind) return false;
      if (questions.length < 2) return true;
      const own = questions.filter((question) => found(kind, question));
      const by = questions.filter((question) => found(item.by, question));
      // A move found across the join, or one not found by its phrases alone, is the whole clause's: the override holds.
      return own.length === 0 || by.length === 0 || own.every((question) => by.includes(question));
    });
  return moves.filter((move) => !overridden(move.kind));
}
