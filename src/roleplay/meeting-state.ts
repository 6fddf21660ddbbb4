import type { Move } from './reading/intents';
import type { DemandOutcome, TrustCue } from './storyline';

/** One line of a meeting: the learner's words with the moves they confirmed, or the customer's answer and where it came from. */
export type TranscriptEntry =
  | { readonly speaker: 'learner'; readonly text: string; readonly moves: readonly Move[] }
  | { readonly speaker: 'customer'; readonly text: string; readonly source: 'script' | 'model' };

/** A demand the customer has raised, and how the learner answered it (by learner turn, counted from 1). */
export interface DemandProgress {
  readonly id: string;
  readonly raisedAtTurn: number;
  readonly outcome?: DemandOutcome;
  readonly handledAtTurn?: number;
  /** The learner's own words for the alternative they offered. */
  readonly offer?: string;
  /** The learner answered with an offer that had nothing concrete in it. */
  readonly vagueAtTurn?: number;
  /** The learner answered with something concrete, but hedged ("we'll probably manage the eight by Friday"): half an answer. */
  readonly hedgedAtTurn?: number;
  /** After offering an alternative, the learner gave in to the demand after all. */
  readonly cavedAtTurn?: number;
}

/** Why trust moved, for the debrief. */
export interface TrustEvent {
  readonly cue: TrustCue | `demand:${DemandOutcome}`;
  readonly change: number;
  readonly atTurn: number;
}

/** What the learner committed to, in their own words: who (the learner), what and by when. */
export interface Commitment {
  readonly meeting: number;
  readonly what: string;
  readonly when: string;
  readonly text: string;
}

/**
 * A later meeting asks about the last commitment; the learner's answer inside the fiction moves trust. The customer waits
 * one message before asking, so a learner can bring it up on their own (`unprompted`): that is following up.
 */
export interface CommitmentCheck {
  readonly commitment: Commitment;
  readonly answer?: 'kept' | 'partly' | 'not';
  readonly answeredAtTurn?: number;
  /** The learner message after which the customer asked. */
  readonly askedAtTurn?: number;
  /** Told in the first message, before the customer asked and not as a reply: the learner followed up on their own. */
  readonly unprompted?: boolean;
}

/** Everything the rules know about a meeting in progress; stored with the session, changed only by the director. */
export interface MeetingState {
  readonly transcript: readonly TranscriptEntry[];
  readonly learnerTurns: number;
  readonly revealed: ReadonlyArray<{ readonly needId: string; readonly atTurn: number }>;
  readonly demands: readonly DemandProgress[];
  readonly trustStart: number;
  readonly trust: number;
  readonly trustEvents: readonly TrustEvent[];
  readonly reactionsUsed: Readonly<Record<string, number>>;
  readonly commitmentCheck?: CommitmentCheck;
}

/** What the customer remembers from earlier meetings of a storyline. */
export interface CustomerMemory {
  readonly trust: number;
  /** Concrete commitments the learner confirmed (what and by when), newest last. */
  readonly promises: readonly Commitment[];
  /** Demands settled in earlier meetings; the words come from content, so they render in either language. */
  readonly agreements: ReadonlyArray<{ readonly meeting: number; readonly demandId: string; readonly outcome: DemandOutcome; readonly offer?: string }>;
}

export type LearnerEntry = Extract<TranscriptEntry, { speaker: 'learner' }>;

export const learnerEntries = (state: MeetingState): LearnerEntry[] =>
  state.transcript.filter((entry): entry is LearnerEntry => entry.speaker === 'learner');

export function newMeetingState(trust: number, opening: string, commitment?: Commitment): MeetingState {
  return {
    transcript: [{ speaker: 'customer', text: opening, source: 'script' }],
    learnerTurns: 0,
    revealed: [],
    demands: [],
    trustStart: trust,
    trust,
    trustEvents: [],
    reactionsUsed: {},
    ...(commitment ? { commitmentCheck: { commitment } } : {}),
  };
}
