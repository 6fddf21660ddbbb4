import type { Intent, Move } from './intents';
import { substance, type CompiledBook } from './reader-book';

// A clause before the check that offers, commits, asks or pushes back is the learner's own plan or question, not the customer's words.
const ownLine: readonly Intent[] = ['proposes', 'promises', 'offers-alternative', 'agrees', 'refuses', 'follows-process', 'asks-situation', 'asks-need', 'asks-impact', 'asks-business', 'hedges', 'blames', 'deflects', 'hides-behind-contract', 'caves', 'drops-quality'];

const maxRestated = 3;

/**
 * "Eight on Monday, the pick lists on Tuesday. Have I got that right?": a check of understanding says nothing itself; it
 * summarises the restatement just before it. The summary is the two together, so whatever weighs it sees what was restated.
 */
export function checkedSummary(book: CompiledBook, clauses: readonly string[], byClause: readonly (readonly Move[])[]): Move[] {
  const needed = book.book.moves.summarises?.substance ?? 0;
  return byClause.flatMap((moves, index) => {
    if (!moves.some((move) => move.kind === 'summarises' && move.vague)) return [];
    // The restatement runs back over the clauses before the check ("… sedan i morse."), up to a question or a line of the learner's own.
    let start = index;
    while (start > 0 && start > index - maxRestated && !(clauses[start - 1] ?? '?').includes('?') && !(byClause[start - 1] ?? []).some((move) => ownLine.includes(move.kind))) start -= 1;
    const restated = clauses.slice(start, index).join(' ');
    if (start === index || substance(book, restated) < needed) return [];
    return [{ kind: 'summarises', quote: `${restated} ${clauses[index] ?? ''}`.trim() }];
  });
}
