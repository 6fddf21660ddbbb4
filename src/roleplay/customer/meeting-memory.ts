import type { Locale } from '../../core/locale';
import { learnerEntries, type Commitment, type CustomerMemory, type MeetingState } from '../meeting-state';
import type { Meeting, Storyline } from '../storyline';

const maxPromises = 5;
const maxPromiseChars = 300;

export const firstMemory = (storyline: Storyline): CustomerMemory => ({ trust: storyline.startTrust, promises: [], agreements: [] });

/**
 * The commitments of a meeting: only confirmed promise moves with a what and a by-when, in the learner's words. A promise
 * said with a hedge ("I'll probably have it by Friday") is not one the customer can hold the learner to next time.
 */
export function commitmentsOf(state: MeetingState, meetingNumber: number): Commitment[] {
  return learnerEntries(state)
    .filter((entry) => !entry.moves.some((move) => move.kind === 'hedges'))
    .flatMap((entry) =>
      entry.moves
        .filter((move) => move.kind === 'promises' && !move.vague && move.what && move.when !== undefined)
        .map((move) => ({ meeting: meetingNumber, what: clip(move.what ?? '', 160), when: move.when ?? '', text: clip(move.quote, maxPromiseChars) })),
    );
}

/** What the customer takes from a finished meeting into the next: the learner's commitments, settled demands, trust. */
export function rememberMeeting(memory: CustomerMemory, meetingNumber: number, state: MeetingState): CustomerMemory {
  const agreements = state.demands.flatMap((demand) =>
    demand.outcome ? [{ meeting: meetingNumber, demandId: demand.id, outcome: demand.outcome, ...(demand.offer ? { offer: demand.offer } : {}) }] : [],
  );
  return {
    trust: state.trust,
    promises: [...memory.promises, ...commitmentsOf(state, meetingNumber)].slice(-maxPromises),
    agreements: [...memory.agreements, ...agreements],
  };
}

/** The commitment the next meeting asks about: the last one made in the meeting before it. */
export function commitmentToAsk(memory: CustomerMemory, meetingNumber: number): Commitment | undefined {
  return memory.promises.filter((item) => item.meeting === meetingNumber - 1).at(-1);
}

/**
 * The customer's first words in a meeting; from the second meeting on they recall the last one. Whether the last commitment
 * was kept they ask only after the learner's first message (`commitmentQuestion`), so the learner can bring it up first.
 */
export function openingLine(meeting: Meeting, meetingNumber: number, locale: Locale): string {
  const words = meeting[locale];
  if (meetingNumber <= 1) return words.opening;
  return [words.recall, words.opening].filter(Boolean).join(' ');
}

/** "Last time you said: “…” Did that happen?", in the learner's own words of the promise. */
export function commitmentQuestion(meeting: Meeting, commitment: Commitment, locale: Locale): string | undefined {
  return meeting[locale].recallPromise?.replace('{promise}', clip(commitment.what, 160));
}

/**
 * Earlier settled demands, for the brief (an alternative in the learner's own words) and for a model customer's
 * system message (`ownWords` false: content words only, because learner text never goes into a system message).
 */
export function rememberedAgreements(
  storyline: Storyline,
  memory: CustomerMemory,
  locale: Locale,
  ownWords = true,
): Array<{ readonly meeting: number; readonly outcome: string; readonly text: string }> {
  return memory.agreements.flatMap((agreement) => {
    const demand = storyline.meetings[agreement.meeting - 1]?.demands.find((item) => item.id === agreement.demandId);
    if (!demand) return [];
    const offer = ownWords && agreement.offer ? `“${agreement.offer}”` : demand[locale].agreement;
    const text = agreement.outcome === 'alternative' ? offer : demand[locale].says;
    return [{ meeting: agreement.meeting, outcome: agreement.outcome, text }];
  });
}

const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);
