import type { Locale } from '../core/locale';
import type { Move } from './reading/intents';
import { directTurn, type DirectedTurn } from './customer/director';
import { newMeetingState, type MeetingState } from './meeting-state';
import type { Meeting, Storyline } from './storyline';

/**
 * The state of a meeting just before one learner message (counted from 1), rebuilt from the transcript with the
 * confirmed moves, so a correction or a second try applies trust, needs, demands and commitments exactly once.
 */
export function stateBefore(storyline: Storyline, meeting: Meeting, state: MeetingState, learnerTurn: number, locale: Locale): MeetingState {
  const opening = state.transcript[0];
  let rebuilt = newMeetingState(state.trustStart, opening?.text ?? '', state.commitmentCheck?.commitment);
  let turn = 0;
  for (const entry of state.transcript.slice(1)) {
    if (entry.speaker === 'learner') {
      turn += 1;
      if (turn >= learnerTurn) break;
      rebuilt = directTurn(storyline, meeting, rebuilt, entry.text, entry.moves, locale).state;
    } else {
      rebuilt = { ...rebuilt, transcript: [...rebuilt.transcript, entry] };
    }
  }
  return rebuilt;
}

/** The learner's latest message again, with the moves they say they meant. */
export function redirectLast(storyline: Storyline, meeting: Meeting, state: MeetingState, moves: readonly Move[], locale: Locale): DirectedTurn | undefined {
  const last = [...state.transcript].reverse().find((entry) => entry.speaker === 'learner');
  if (!last) return undefined;
  const before = stateBefore(storyline, meeting, state, state.learnerTurns, locale);
  return directTurn(storyline, meeting, before, last.text, moves, locale);
}
