import type { Locale } from '../core/locale';
import { learnerEntries, type CustomerMemory, type MeetingState } from './meeting-state';
import type { Meeting, Storyline } from './storyline';

const maxPromises = 5;
const maxPromiseChars = 300;

export const firstMemory = (storyline: Storyline): CustomerMemory => ({ trust: storyline.startTrust, promises: [], agreements: [] });

/** What the customer takes from a finished meeting into the next: the learner's promises, settled demands, trust. */
export function rememberMeeting(memory: CustomerMemory, meetingNumber: number, state: MeetingState): CustomerMemory {
  const promises = learnerEntries(state)
    .filter((entry) => entry.intents.includes('promises'))
    .map((entry) => ({ meeting: meetingNumber, text: clip(entry.text, maxPromiseChars) }));
  const agreements = state.demands.flatMap((demand) => (demand.outcome ? [{ meeting: meetingNumber, demandId: demand.id, outcome: demand.outcome }] : []));
  return {
    trust: state.trust,
    promises: [...memory.promises, ...promises].slice(-maxPromises),
    agreements: [...memory.agreements, ...agreements],
  };
}

/** The customer's first words in a meeting; from the second meeting on they start from what they remember. */
export function openingLine(meeting: Meeting, meetingNumber: number, memory: CustomerMemory, locale: Locale): string {
  const words = meeting[locale];
  if (meetingNumber <= 1) return words.opening;
  const promise = memory.promises.filter((item) => item.meeting === meetingNumber - 1).at(-1);
  const recall = promise && words.recallPromise ? words.recallPromise.replace('{promise}', clip(promise.text, 160)) : words.recall;
  return [recall, words.opening].filter(Boolean).join(' ');
}

/** Earlier settled demands in the customer's words, for the brief and for a model customer's system message. */
export function rememberedAgreements(storyline: Storyline, memory: CustomerMemory, locale: Locale): Array<{ readonly meeting: number; readonly outcome: string; readonly text: string }> {
  return memory.agreements.flatMap((agreement) => {
    const demand = storyline.meetings[agreement.meeting - 1]?.demands.find((item) => item.id === agreement.demandId);
    if (!demand) return [];
    const text = agreement.outcome === 'alternative' ? demand[locale].agreement : demand[locale].says;
    return [{ meeting: agreement.meeting, outcome: agreement.outcome, text }];
  });
}

const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);
