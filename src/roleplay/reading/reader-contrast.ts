import type { Intent, Move } from './intents';
import { concreteWeight, substance, type CompiledBook } from './reader-book';

// A clause that says no, hedges, hides, or gives a reason or a risk is no offer, whatever follows its "but"; one with an offer's own trigger was weighed as one already.
const notOffering: readonly Intent[] = ['refuses', 'hedges', 'deflects', 'hides-behind-contract', 'caves', 'blames', 'drops-quality', 'asks-situation', 'asks-need', 'asks-impact', 'asks-business', 'offers-alternative', 'proposes', 'raises-risk', 'explains'];

// A negated clause that already does something else is not a no to the demand: "not your fault, but", "I'm not sure, but".
const notRefusing: readonly Intent[] = ['refuses', 'summarises', 'empathises', 'blames', 'deflects', 'hedges', 'follows-process', 'drops-quality', 'caves', 'agrees', 'hides-behind-contract', 'commitment-kept', 'commitment-not', 'asks-situation', 'asks-need', 'asks-impact', 'asks-business'];
// What comes after the "but" must be something on offer, not a feeling, a question or a hedge.
const notTurning: readonly Intent[] = ['empathises', 'hedges', 'deflects', 'hides-behind-contract', 'caves', 'blames', 'drops-quality', 'asks-situation', 'asks-need', 'asks-impact', 'asks-business', 'refuses'];
const contrastLead = (book: CompiledBook, clause: string): string => clause.replace(book.contrast, '').replace(/^[\s,:;-]+|[\s.!?,;]+$/g, '');

/**
 * "Not all fourteen on Monday, but four stores a fortnight": a negated statement turned by a concrete "but" refuses what it
 * negates, though it names no "can't". A no about the past ("it didn't arrive, but …") reports; it refuses nothing.
 */
export function contrastedNo(book: CompiledBook, clauses: readonly string[], byClause: readonly (readonly Move[])[]): Move[][] {
  return byClause.map((moves, index) => {
    const clause = clauses[index] ?? '';
    const next = clauses[index + 1] ?? '';
    // Without a "can't" the no is inferred, so the turn must carry more than a phrase: a number, a by-when or three words of substance.
    const lead = contrastLead(book, next);
    const concrete = substance(book, lead) >= 3 || /\d/.test(lead) || book.time.test(lead);
    const turned = book.contrast.test(next) && concrete && !(byClause[index + 1] ?? []).some((move) => notTurning.includes(move.kind));
    const saysNo = !clause.includes('?') && book.negated.test(clause) && !book.pastNegated.test(clause) && !moves.some((move) => notRefusing.includes(move.kind));
    // "Not all of them on Monday, but …" counters the demand; it is no report of a promise half kept.
    return turned && saysNo ? [...moves.filter((move) => move.kind !== 'commitment-partly'), { kind: 'refuses', quote: clause }] : [...moves];
  });
}

/** "We can't do all 85 this weekend. But ten pilot machines on Wednesday, the rest after Black Week": the concrete "but" after a no offers it. */
export function turnedOffer(book: CompiledBook, clauses: readonly string[], byClause: readonly (readonly Move[])[]): Move[] {
  const no = byClause.findIndex((moves) => moves.some((move) => move.kind === 'refuses'));
  if (no < 0 || byClause.flat().some((move) => (move.kind === 'offers-alternative' || move.kind === 'proposes') && move.what)) return [];
  const at = clauses.findIndex((clause, index) => index > no && book.contrast.test(clause) && !(byClause[index] ?? []).some((move) => notOffering.includes(move.kind)));
  const what = contrastLead(book, clauses[at] ?? '');
  return at >= 0 && substance(book, what) >= concreteWeight ? [{ kind: 'offers-alternative', quote: clauses[at] ?? '', what: what.slice(0, 160) }] : [];
}
