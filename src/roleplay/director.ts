import type { Locale } from '../core/locale';
import { askingIntents, classify, type Intent } from './intents';
import { learnerEntries, type DemandProgress, type MeetingState, type TrustEvent } from './meeting-state';
import { maxTrust, type Demand, type DemandOutcome, type Meeting, type ReactionKey, type Storyline, type TrustCue } from './storyline';

/** The rules' view of one learner message: what it did, the new state, the scripted answer and directions for a model. */
export interface DirectedTurn {
  readonly state: MeetingState;
  readonly cues: readonly TrustCue[];
  readonly scripted: string;
  /** Stage directions in content words (never learner text), so a model customer follows the same story. */
  readonly directions: readonly string[];
}

// The first cue in this list that a message shows picks the scripted reaction.
const reactionOrder: ReadonlyArray<readonly [TrustCue | 'asks', ReactionKey]> = [
  ['proposes-early', 'proposes-early'],
  ['summarises', 'summarises'],
  ['refers-back', 'refers-back'],
  ['raises-risk', 'raises-risk'],
  ['proposes', 'proposes'],
  ['explains', 'explains'],
  ['asks', 'asks'],
  ['empathises', 'empathises'],
  ['promises', 'promises'],
  ['greets', 'greets'],
];

/**
 * Applies a learner message to a meeting: classifies it, moves trust, reveals needs, raises and settles demands.
 * The stages follow from the state: exploring (hidden needs come out when asked), a demand raised after its
 * `afterTurns`, settled by the learner's answer (yes, no, or an alternative), then the next demand or free talk.
 */
export function directTurn(storyline: Storyline, meeting: Meeting, state: MeetingState, text: string, locale: Locale): DirectedTurn {
  const intents = classify(text, locale);
  const turn = state.learnerTurns + 1;
  const askedBefore = learnerEntries(state).some((entry) => entry.intents.some((intent) => askingIntents.includes(intent)));
  const asksNow = intents.some((intent) => askingIntents.includes(intent));
  const cues: TrustCue[] = [...intents, ...(intents.includes('proposes') && !askedBefore && !asksNow ? (['proposes-early'] as const) : [])];

  let next: MeetingState = {
    ...state,
    transcript: [...state.transcript, { speaker: 'learner', text, intents }],
    learnerTurns: turn,
  };
  const events: TrustEvent[] = storyline.trust
    .filter((rule) => cues.includes(rule.on) && !state.trustEvents.some((event) => event.cue === rule.on))
    .map((rule) => ({ cue: rule.on, change: rule.change, atTurn: turn }));
  const parts: string[] = [];
  const directions: string[] = [];

  const pending = next.demands.find((progress) => progress.outcome === undefined);
  const pendingDemand = pending && meeting.demands.find((demand) => demand.id === pending.id);
  // A plain question ("what would help in the meantime?") does not settle a demand; an offer put as a question does.
  const onlyAsking = asksNow && !intents.some((intent) => settlingIntents.includes(intent));
  const outcome = pendingDemand && !onlyAsking ? demandOutcomeOf(intents) : undefined;
  if (pending && pendingDemand && outcome) {
    next = { ...next, demands: next.demands.map((progress) => (progress === pending ? { ...progress, outcome, handledAtTurn: turn } : progress)) };
    events.push({ cue: `demand:${outcome}`, change: pendingDemand.trust[outcome], atTurn: turn });
    const line = pendingDemand[locale][outcomeLine[outcome]];
    parts.push(line);
    directions.push(`The learner ${outcomeWords[outcome]} your demand ("${pendingDemand[locale].says}"). React in character, along these lines: ${line}`);
  } else {
    const need = meeting.needs.find((candidate) => !next.revealed.some((item) => item.needId === candidate.id) && candidate.revealOn.some((on) => intents.includes(on)));
    if (need) {
      next = { ...next, revealed: [...next.revealed, { needId: need.id, atTurn: turn }] };
      parts.push(need[locale].says);
      directions.push(`The learner asked the right question: reveal this now, in your own words: ${need[locale].need}`);
    } else {
      const key = reactionOrder.find(([cue]) => (cue === 'asks' ? asksNow : cues.includes(cue)))?.[1] ?? 'default';
      const options = storyline.reactions[locale][key];
      const used = next.reactionsUsed[key] ?? 0;
      parts.push(options[used % options.length] ?? '');
      next = { ...next, reactionsUsed: { ...next.reactionsUsed, [key]: used + 1 } };
    }
  }

  const raise = outcome ? undefined : demandToRaise(meeting.demands, next.demands, turn);
  if (raise) {
    next = { ...next, demands: [...next.demands, { id: raise.id, raisedAtTurn: turn }] };
    parts.push(raise[locale].says);
    directions.push(`Now raise this demand, firmly and in your own words: ${raise[locale].says}`);
  }

  const change = events.reduce((sum, event) => sum + event.change, 0);
  next = { ...next, trust: Math.min(maxTrust, Math.max(0, state.trust + change)), trustEvents: [...state.trustEvents, ...events] };
  return { state: next, cues, scripted: parts.join(' '), directions };
}

const settlingIntents: readonly Intent[] = ['refuses', 'agrees', 'promises', 'proposes'];
const outcomeLine = { accepted: 'onAccepted', refused: 'onRefused', alternative: 'onAlternative' } as const;
const outcomeWords: Readonly<Record<DemandOutcome, string>> = {
  accepted: 'said yes to',
  refused: 'said no, without an alternative, to',
  alternative: 'offered an alternative to',
};

/** An alternative wins over a plain no; a yes or a promise counts as accepting. */
function demandOutcomeOf(intents: readonly Intent[]): DemandOutcome | undefined {
  if (intents.includes('offers-alternative')) return 'alternative';
  if (intents.includes('refuses')) return 'refused';
  if (intents.includes('agrees') || intents.includes('promises')) return 'accepted';
  return undefined;
}

function demandToRaise(demands: readonly Demand[], progress: readonly DemandProgress[], turn: number): Demand | undefined {
  if (progress.some((item) => item.outcome === undefined)) return undefined;
  return demands.find((demand) => demand.afterTurns <= turn && !progress.some((item) => item.id === demand.id));
}
