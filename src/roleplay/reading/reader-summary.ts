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
    if (start < index && substance(book, restated) >= needed) return [{ kind: 'summarises', quote: `${restated} ${clauses[index] ?? ''}`.trim() }];
    // "So lemme check I've got it. All twelve stopped since this morning, three builders by Friday noon. Right?": the check
    // announced first, the restatement after it, up to its question or a line of the learner's own.
    let end = index;
    while (end + 1 < clauses.length && end < index + maxRestated && !(byClause[end + 1] ?? []).some((move) => ownLine.includes(move.kind)) && !(clauses[end] ?? '').includes('?')) end += 1;
    const ahead = clauses.slice(index + 1, end + 1).join(' ');
    if (end === index || substance(book, ahead) < needed) return [];
    return [{ kind: 'summarises', quote: `${clauses[index] ?? ''} ${ahead}`.trim() }];
  });
}
