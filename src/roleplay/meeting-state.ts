import type { Intent } from './intents';
import type { DemandOutcome, TrustCue } from './storyline';

/** One line of a meeting: the learner's words with what they did, or the customer's answer and where it came from. */
export type TranscriptEntry =
  | { readonly speaker: 'learner'; readonly text: string; readonly intents: readonly Intent[] }
  | { readonly speaker: 'customer'; readonly text: string; readonly source: 'script' | 'model' };

/** A demand the customer has raised, and how the learner answered it (by learner turn, counted from 1). */
export interface DemandProgress {
  readonly id: string;
  readonly raisedAtTurn: number;
  readonly outcome?: DemandOutcome;
  readonly handledAtTurn?: number;
}

/** Why trust moved, for the debrief. */
export interface TrustEvent {
  readonly cue: TrustCue | `demand:${DemandOutcome}`;
  readonly change: number;
  readonly atTurn: number;
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
}

/** What the customer remembers from earlier meetings of a storyline. */
export interface CustomerMemory {
  readonly trust: number;
  /** The learner's own words when they promised something, newest last. */
  readonly promises: ReadonlyArray<{ readonly meeting: number; readonly text: string }>;
  /** Demands settled in earlier meetings; the words come from content, so they render in either language. */
  readonly agreements: ReadonlyArray<{ readonly meeting: number; readonly demandId: string; readonly outcome: DemandOutcome }>;
}

export const learnerEntries = (state: MeetingState): Array<Extract<TranscriptEntry, { speaker: 'learner' }>> =>
  state.transcript.filter((entry): entry is Extract<TranscriptEntry, { speaker: 'learner' }> => entry.speaker === 'learner');

export function newMeetingState(trust: number, opening: string): MeetingState {
  return {
    transcript: [{ speaker: 'customer', text: opening, source: 'script' }],
    learnerTurns: 0,
    revealed: [],
    demands: [],
    trustStart: trust,
    trust,
    trustEvents: [],
    reactionsUsed: {},
  };
}
