/** What a learner's message does: the moves a reader can find, each one shown to the learner to confirm. */
export const intents = [
  'greets',
  'empathises',
  'asks-situation',
  'asks-need',
  'asks-impact',
  'asks-business',
  'summarises',
  'proposes',
  'raises-risk',
  'promises',
  'agrees',
  'refuses',
  'offers-alternative',
  'follows-process',
  'refers-back',
  'explains',
  'blames',
  'deflects',
  'hides-behind-contract',
  'hedges',
  'drops-quality',
  'caves',
  'commitment-kept',
  'commitment-partly',
  'commitment-not',
] as const;
export type Intent = (typeof intents)[number];

/** Moves that count as asking before proposing. */
export const askingIntents: readonly Intent[] = ['asks-situation', 'asks-need', 'asks-impact', 'asks-business'];

/** Moves that need something concrete from the learner's own words (what; for a promise also by when). */
export const slotIntents: readonly Intent[] = ['offers-alternative', 'promises', 'proposes'];

/** Commitments a hedge softens: said with "probably", they are not made ("as many as we can", "we'll probably do the eight"). */
export const hedgeableIntents: readonly Intent[] = [...slotIntents, 'follows-process', 'agrees'];

/** Moves a coach warns about; they never earn credit. */
export const harmfulIntents: readonly Intent[] = ['blames', 'deflects', 'hides-behind-contract', 'hedges', 'drops-quality', 'caves'];

/** The learner's answer, inside the fiction, to "did you keep your word?". */
export const commitmentIntents: readonly Intent[] = ['commitment-kept', 'commitment-partly', 'commitment-not'];

/** One move found in a message: its kind, the learner's words that show it, and for offers and promises the concrete part. */
export interface Move {
  readonly kind: Intent;
  readonly quote: string;
  /** What is offered or promised, in the learner's own words; absent when nothing concrete was said. */
  readonly what?: string;
  /** By when, in the learner's own words (promises). */
  readonly when?: string;
  /** For a hedge: the commitment it softens ("we'll probably do the eight by Friday" hedges a promise); its what, if concrete, is the half-kept content. */
  readonly hedging?: Intent;
  /** An offer or promise with nothing concrete: it earns nothing, and the customer asks what exactly is meant. */
  readonly vague?: boolean;
  /** Vague with no word of substance at all, buzzwords only; on a hedge, nothing softened ("maybe we could explore some synergies"). */
  readonly empty?: boolean;
  /** A question, empathy, risk, process or "done" in generic words only, nothing of this meeting: the customer asks what is meant. */
  readonly generic?: boolean;
  /** How a promise went, told as a reply ("yes, it came in the end"): it answers being asked, it does not bring the matter up. */
  readonly replying?: boolean;
}

/** A move that counts: not vague. */
export const counts = (move: Move): boolean => !move.vague;
