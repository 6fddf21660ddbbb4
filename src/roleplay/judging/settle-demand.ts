import type { Locale } from '../../core/locale';
import { harmfulIntents, slotIntents, type Intent, type Move } from '../reading/intents';
import { restates, speaksTo } from './demand-topic';
import { learnerEntries, type DemandProgress, type MeetingState, type TrustEvent } from '../meeting-state';
import type { Demand, DemandOutcome, Meeting } from '../storyline';

/** How a learner message settled the pending demand, or why it did not. */
export interface Settlement {
  readonly state: MeetingState;
  readonly events: readonly TrustEvent[];
  /** Absent when the demand stays open. */
  readonly line?: string;
  readonly direction?: string;
  /** Said yes to an unreasonable demand. */
  readonly caved: boolean;
}

const refusing: readonly Intent[] = ['refuses', 'hides-behind-contract', 'deflects'];
const accepting: readonly Intent[] = ['agrees', 'promises', 'caves'];
const outcomeWords: Readonly<Record<DemandOutcome, string>> = {
  accepted: 'said yes to',
  refused: 'said no, without an alternative, to',
  alternative: 'offered an alternative to',
};

/**
 * Settles the demand the customer is waiting on from the learner's confirmed moves: a concrete offer is an alternative
 * (the customer repeats the learner's own words), a no without one is a refusal, a clear yes is accepting (for an
 * unreasonable demand a yes or giving in, not a promise of something else). An offer with nothing concrete, a hedge or a
 * question leaves the demand open.
 */
export function settleDemand(meeting: Meeting, state: MeetingState, counting: readonly Move[], moves: readonly Move[], turn: number, locale: Locale): Settlement | undefined {
  const has = (kinds: readonly Intent[]): boolean => counting.some((move) => kinds.includes(move.kind));
  // "Not in the contract." then "Here's what I can do: …" in a later message is one no with an alternative, as long as
  // nothing harmful came in between: after "not our problem, wait" a later quip is no longer the answer to the demand.
  const refusedEarlier = state.demands.filter((progress) => progress.outcome === 'refused' && standsClean(state, progress.handledAtTurn ?? turn, turn)).at(-1);
  const pending = state.demands.find((progress) => progress.outcome === undefined) ?? refusedEarlier;
  const demand = pending && meeting.demands.find((item) => item.id === pending.id);
  if (!pending || !demand) return cavedAfterAll(state, has(['caves']), turn);
  // A concrete promise after a no is an alternative too ("not your own laptop, but I'll send you tips tonight").
  const offer = counting.find((move) => (move.kind === 'offers-alternative' || move.kind === 'proposes' || (move.kind === 'promises' && has(refusing) && !has(['deflects']))) && move.what);
  // "We can do everything for all thirty by tomorrow", with no no beside it, offers the unreasonable demand itself: it gives in.
  const offersTheDemand = demand.kind === 'unreasonable' && !has(refusing) && counting.some((move) => slotIntents.includes(move.kind) && move.what !== undefined && restates(demand, move.what, locale));
  // "We'll probably manage the accounts for the eight": something concrete, softened; for a reasonable demand a hedged yes.
  // A hedged promise to a reasonable demand is half a yes only if it names what was asked, as a plain one must; a hedged yes is one.
  const hedgedTo = hedgedAnswer(counting, demand.kind === 'reasonable' || has(refusing) || pending === refusedEarlier, (move) => demand.kind !== 'reasonable' || has(refusing) || move.hedging === 'agrees' || speaksTo(demand, move.quote, locale));
  if (pending === refusedEarlier) {
    // A second no beside the offer ("halving it I can't, but we can split the work: …") is the same no, now with an alternative.
    const clean = !has(['caves', 'hedges', 'drops-quality', 'hides-behind-contract', 'deflects']);
    // Coming round to a reasonable demand: "yes, all 20 tested by Friday 3pm" after a no is a yes, with what and by when.
    const comesRound = clean && demand.kind === 'reasonable' && has(['agrees']) && counting.some((move) => move.kind === 'promises' && move.what && move.when !== undefined);
    if (comesRound) return settle(demand, state, pending, 'accepted', '', turn, locale, demand.trust.accepted - demand.trust.refused);
    // "No, private laptops aren't covered." … "Sure, give it here, I'll have a look after": giving in after all, by a cave, or
    // right after the customer took the no, by a yes with a promise of nothing of its own ("no worries" promises nothing; a yes
    // with something concrete of its own answers something else).
    const ownContent = counting.some((move) => slotIntents.includes(move.kind) && move.what !== undefined);
    const yesToIt = has(['agrees']) && moves.some((move) => move.kind === 'promises' && move.vague) && !ownContent && pending.handledAtTurn === turn - 1;
    const givesIn = demand.kind === 'unreasonable' && !has(refusing) && (has(['caves']) || yesToIt || offersTheDemand);
    if (givesIn) return settle(demand, state, pending, 'accepted', '', turn, locale, demand.trust.accepted - demand.trust.refused);
    const turnedTo = offer && offer.kind !== 'promises' && clean;
    if (turnedTo) return settle(demand, state, pending, 'alternative', offer.what ?? '', turn, locale, demand.trust.alternative - demand.trust.refused);
    return hedgedTo && !has(['caves', 'drops-quality', ...refusing]) ? remember(state, pending, { hedgedAtTurn: pending.hedgedAtTurn ?? turn }) : undefined;
  }
  // "Yes, we'll make sure they're all validated" says yes to a reasonable demand with a promise of nothing by no time: it stays open.
  const vagueYes = demand.kind === 'reasonable' && has(['agrees']) && moves.some((move) => move.kind === 'promises' && move.vague);
  const vague = (!offer && moves.some((move) => move.vague && !move.empty && (move.kind === 'offers-alternative' || move.kind === 'proposes'))) || vagueYes;
  const empty = !offer && moves.some((move) => move.empty && (move.kind === 'offers-alternative' || move.kind === 'proposes'));
  // Dropping a quality step refuses a demand for quality and gives in to a demand to rush.
  const dropped: DemandOutcome | undefined = has(['drops-quality']) ? (demand.kind === 'reasonable' ? 'refused' : 'accepted') : undefined;
  // A promise alone does not say yes to an unreasonable demand: "we'll do ten this week" is not "all 85 this weekend"; to a
  // reasonable one only if it names what was asked ("the temp laptops get a test call by Friday"), not "a revised proposal by Thursday".
  const promisedIt = demand.kind === 'reasonable' && counting.some((move) => move.kind === 'promises' && speaksTo(demand, move.quote, locale));
  // "Ok, I'll send the final version Friday" to "guarantee it or we pay nothing": the ok goes with a promise of its own, not to the demand.
  const ownAnswer = demand.kind === 'unreasonable' && !offersTheDemand && counting.some((move) => slotIntents.includes(move.kind) && move.what !== undefined);
  const yes = (has(accepting.filter((kind) => kind !== 'promises' && !(kind === 'agrees' && ownAnswer))) || promisedIt || offersTheDemand) && !has(refusing);
  // "Yes, all 20 tested by Friday 4pm" says yes to a reasonable demand; the concrete part is how, not something else.
  const plainYes = demand.kind === 'reasonable' && has(['agrees']) && !has(refusing) && !dropped && !vagueYes;
  const outcome: DemandOutcome | undefined = plainYes
    ? 'accepted'
    : offer && !has(['caves']) && !offersTheDemand
      ? 'alternative'
      : (dropped ?? (yes && !vagueYes ? 'accepted' : vague || empty ? undefined : has(refusing) ? 'refused' : undefined));
  if (!outcome) {
    // Remembered so the debrief can say "partly": an alternative was named with nothing in it, or hedged; the demand stays open.
    if (!vague && !hedgedTo) return undefined;
    return remember(state, pending, vague ? { vagueAtTurn: turn } : { hedgedAtTurn: turn });
  }
  const settled = settle(demand, state, pending, outcome, offer?.what ?? '', turn, locale, demand.trust[outcome]);
  // "Not all 30 by tomorrow; we'll probably get the eight done": a no with a hedged alternative is half an answer.
  return outcome === 'refused' && hedgedTo ? { ...settled, state: remember(settled.state, settledOf(settled.state, pending), { hedgedAtTurn: turn }).state } : settled;
}

/** A hedge with something concrete in it, over an offer, or over a promise or yes where those would answer the demand. */
function hedgedAnswer(counting: readonly Move[], promiseAnswers: boolean, yesAbout: (move: Move) => boolean): boolean {
  const answers: readonly Intent[] = promiseAnswers ? ['offers-alternative', 'proposes', 'promises', 'agrees'] : ['offers-alternative', 'proposes'];
  const yes: readonly Intent[] = ['promises', 'agrees'];
  return counting.some((move) => move.kind === 'hedges' && move.what !== undefined && move.hedging !== undefined && answers.includes(move.hedging) && (!yes.includes(move.hedging) || yesAbout(move)));
}

/** The demand's progress with something remembered for the debrief; nothing settles and trust does not move. */
function remember(state: MeetingState, pending: DemandProgress, noted: Pick<DemandProgress, 'vagueAtTurn' | 'hedgedAtTurn'>): Settlement {
  return { state: { ...state, demands: state.demands.map((progress) => (progress === pending ? { ...pending, ...noted } : progress)) }, events: [], caved: false };
}

const settledOf = (state: MeetingState, pending: DemandProgress): DemandProgress => state.demands.find((progress) => progress.id === pending.id) ?? pending;

/** "Fine, we'll do all of them this weekend" after an alternative: remembered, so the debrief can say the alternative did not hold. */
function cavedAfterAll(state: MeetingState, caves: boolean, turn: number): Settlement | undefined {
  const held = state.demands.filter((progress) => progress.outcome === 'alternative' && progress.cavedAtTurn === undefined).at(-1);
  if (!caves || !held) return undefined;
  return { state: { ...state, demands: state.demands.map((progress) => (progress === held ? { ...held, cavedAtTurn: turn } : progress)) }, events: [], caved: false };
}

/** Whether the learner messages between the refusal and this one were free of harmful moves. */
function standsClean(state: MeetingState, refusedAt: number, turn: number): boolean {
  return learnerEntries(state)
    .slice(refusedAt, turn - 1)
    .every((entry) => !entry.moves.some((move) => harmfulIntents.includes(move.kind)));
}

/** The demand settled at this turn, with the customer's line and the trust it moves. */
function settle(demand: Demand, state: MeetingState, pending: DemandProgress, outcome: DemandOutcome, offered: string, turn: number, locale: Locale, change: number): Settlement {
  const words = demand[locale];
  const line = outcome === 'alternative' ? words.onAlternative.replace('{offer}', `“${offered}”`) : outcome === 'accepted' ? words.onAccepted : words.onRefused;
  const settled = { ...pending, outcome, handledAtTurn: turn, ...(outcome === 'alternative' && offered ? { offer: offered } : {}) };
  return {
    state: { ...state, demands: state.demands.map((progress) => (progress === pending ? settled : progress)) },
    events: [{ cue: `demand:${outcome}`, change, atTurn: turn }],
    line,
    direction: `The learner ${outcomeWords[outcome]} your demand ("${words.says}")${outcome === 'alternative' ? `, offering: "${offered}"` : ''}. React in character, along these lines: ${line}`,
    caved: outcome === 'accepted' && demand.kind === 'unreasonable',
  };
}
