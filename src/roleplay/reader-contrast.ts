import type { Intent, Move } from './intents';
import { substance, type CompiledBook } from './reader-book';

// A clause that says no, hedges or hides is no offer, whatever follows its "but"; one with an offer's own trigger was weighed as one already.
const notOffering: readonly Intent[] = ['refuses', 'hedges', 'deflects', 'hides-behind-contract', 'caves', 'blames', 'drops-quality', 'asks-situation', 'asks-need', 'asks-impact', 'asks-business', 'offers-alternative', 'proposes'];

/** "We can't do all 85 this weekend. But ten pilot machines on Wednesday, the rest after Black Week": the concrete "but" after a no offers it. */
export function turnedOffer(book: CompiledBook, clauses: readonly string[], byClause: readonly (readonly Move[])[]): Move[] {
  const no = byClause.findIndex((moves) => moves.some((move) => move.kind === 'refuses'));
  if (no < 0 || byClause.flat().some((move) => (move.kind === 'offers-alternative' || move.kind === 'proposes') && move.what)) return [];
  const at = clauses.findIndex((clause, index) => index > no && book.contrast.test(clause) && !(byClause[index] ?? []).some((move) => notOffering.includes(move.kind)));
  const what = (clauses[at] ?? '').replace(book.contrast, '').replace(/^[\s,:;-]+|[\s.!?,;]+$/g, '');
  return at >= 0 && substance(book, what) >= 2 ? [{ kind: 'offers-alternative', quote: clauses[at] ?? '', what: what.slice(0, 160) }] : [];
}
