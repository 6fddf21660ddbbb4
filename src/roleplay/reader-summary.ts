import type { Intent, Move } from './intents';
import { substance, type CompiledBook } from './reader-book';

// A clause before the check that offers, commits, asks or pushes back is the learner's own plan or question, not the customer's words.
const ownLine: readonly Intent[] = ['proposes', 'promises', 'offers-alternative', 'agrees', 'refuses', 'follows-process', 'asks-situation', 'asks-need', 'asks-impact', 'asks-business', 'hedges', 'blames', 'deflects', 'hides-behind-contract', 'caves', 'drops-quality'];

/**
 * "Eight on Monday, the pick lists on Tuesday. Have I got that right?": a check of understanding says nothing itself; it
 * summarises the restatement just before it. The summary is the two together, so whatever weighs it sees what was restated.
 */
export function checkedSummary(book: CompiledBook, clauses: readonly string[], byClause: readonly (readonly Move[])[]): Move[] {
  const needed = book.book.moves.summarises?.substance ?? 0;
  return byClause.flatMap((moves, index) => {
    const before = clauses[index - 1];
    const checks = moves.some((move) => move.kind === 'summarises' && move.vague);
    if (!checks || before === undefined || before.includes('?')) return [];
    if ((byClause[index - 1] ?? []).some((move) => ownLine.includes(move.kind)) || substance(book, before) < needed) return [];
    return [{ kind: 'summarises', quote: `${before} ${clauses[index] ?? ''}`.trim() }];
  });
}
