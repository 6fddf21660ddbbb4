import type { Locale } from '../../core/locale';
import type { ThemeId } from '../../content/themes';
import { counts, harmfulIntents, hedgeableIntents, slotIntents, type Intent } from '../reading/intents';
import { learnerEntries, type LearnerEntry, type MeetingState } from '../meeting-state';
import type { Meeting, RubricCheck } from '../storyline';

export const verdicts = ['met', 'partly', 'not'] as const;
export type Verdict = (typeof verdicts)[number];

/** One rubric check as judged: met, partly or not, with the learner's words that show it and one reason. */
export interface JudgedCheck {
  readonly id: string;
  readonly theme: ThemeId;
  readonly verdict: Verdict;
  readonly met: boolean;
  readonly quote?: string;
  /** A locale key under roleplay.reasons (rules), or the model's own sentence. */
  readonly reasonKey?: string;
  readonly reason?: string;
}

/** Something a coach warns about, in the learner's own words. */
export interface AvoidItem {
  readonly kind: Intent;
  readonly quote: string;
}

/** The outcome of a meeting: checks, strengths, better wording, what to avoid, and trust. */
export interface Debrief {
  readonly judgedBy: 'rules' | 'model';
  readonly checks: readonly JudgedCheck[];
  readonly strengths: readonly string[];
  readonly improvements: ReadonlyArray<{ readonly point: string; readonly better: string; readonly yours?: string }>;
  readonly avoid?: readonly AvoidItem[];
  /** The model judge's reading of each learner message (turn from 1), in the same shape as the rules' moves. */
  readonly moves?: ReadonlyArray<{ readonly turn: number; readonly kind: Intent; readonly quote: string }>;
  readonly trustBefore: number;
  readonly trustAfter: number;
}

export const maxDebriefItems = 3;

// A harmful move spoils the check it pretends to meet: skipping the test is not keeping the quality steps.
const spoilers: Partial<Record<Intent, readonly Intent[]>> = {
  'follows-process': ['drops-quality', 'caves'],
  explains: ['blames', 'deflects'],
  empathises: ['blames'],
  'offers-alternative': ['caves'],
  'refers-back': ['deflects', 'blames'],
};
// Spoils only the message it is in: "not my fault" is no way of keeping the routine, but a blame later does not undo a change request.
const spoilersInTheMessage: Partial<Record<Intent, readonly Intent[]>> = {
  'follows-process': ['blames', 'deflects'],
};

/** Judges the rubric with the explicit rules from content, on the moves the learner confirmed. */
export function judgeByRules(meeting: Meeting, state: MeetingState, locale: Locale): Debrief {
  const gaveIn = state.demands.some((progress) => progress.outcome === 'accepted' && meeting.demands.find((demand) => demand.id === progress.id)?.kind === 'unreasonable');
  const checks = meeting.rubric.map((check) => judgeCheck(check, state, gaveIn));
  const byId = new Map(meeting.rubric.map((check) => [check.id, check]));
  const label = (id: string): RubricCheck[Locale] | undefined => byId.get(id)?.[locale];
  return {
    judgedBy: 'rules',
    checks,
    strengths: checks.filter((check) => check.met).slice(0, maxDebriefItems).map((check) => label(check.id)?.check ?? ''),
    improvements: checks
      .filter((check) => !check.met)
      .slice(0, maxDebriefItems)
      .map((check) => ({ point: label(check.id)?.check ?? '', better: label(check.id)?.better ?? '', ...(check.quote ? { yours: check.quote } : {}) })),
    avoid: avoided(state),
    trustBefore: state.trustStart,
    trustAfter: state.trust,
  };
}

/** The harmful moves of a meeting, once each, with the learner's words. */
export function avoided(state: MeetingState): AvoidItem[] {
  return avoidedMoves(learnerEntries(state).flatMap((entry) => entry.moves.map((move) => ({ kind: move.kind, quote: entry.text }))));
}

/** Harmful moves from any reader, once per kind, first occurrence. */
export function avoidedMoves(moves: ReadonlyArray<{ readonly kind: Intent; readonly quote: string }>): AvoidItem[] {
  const seen = new Map<Intent, string>();
  for (const move of moves) if (harmfulIntents.includes(move.kind) && !seen.has(move.kind)) seen.set(move.kind, move.quote);
  return [...seen].map(([kind, quote]) => ({ kind, quote }));
}

const hasMove = (entry: LearnerEntry, kind: Intent): boolean => entry.moves.some((move) => move.kind === kind && counts(move));
const hedged = (entry: LearnerEntry | undefined): boolean => entry?.moves.some((move) => move.kind === 'hedges') ?? false;


// A no that puts the answer on the contract or someone else.
const coverIntents: readonly Intent[] = ['hides-behind-contract', 'deflects'];

// Half an offer beside a no: a vague promise with some substance ("I'll log a ticket for the shared folder"), or a way round
// softened ("perhaps we could look at some kind of review point"), not buzzwords only, and not said while hiding behind the
// contract, blaming or deflecting.
const softOffer: readonly Intent[] = ['offers-alternative', 'proposes'];
const answersVaguely = (entry: LearnerEntry): boolean =>
  entry.moves.some((move) => (move.kind === 'promises' && move.vague && !move.empty) || (move.kind === 'hedges' && !move.empty && move.hedging !== undefined && softOffer.includes(move.hedging))) &&
  !entry.moves.some((move) => move.kind !== 'hedges' && harmfulIntents.includes(move.kind));

// What turns a yes to an unreasonable demand round: a no, or the reason it would go wrong, beside something concrete of one's own.
const turningIntents: readonly Intent[] = ['refuses', 'raises-risk', 'explains'];
const turnsRound = (entry: LearnerEntry): boolean =>
  entry.moves.some((move) => softOffer.includes(move.kind) && move.what !== undefined && counts(move)) &&
  entry.moves.some((move) => turningIntents.includes(move.kind) && counts(move)) &&
  !entry.moves.some((move) => move.kind === 'caves' || move.kind === 'agrees');

/** The refusing message and those after it, up to the first that blames, deflects, hides, hedges, drops a step or gives in. */
function standingAfter(entries: readonly LearnerEntry[], refusedAt: number): LearnerEntry[] {
  const later = entries.slice(refusedAt + 1);
  const spoilt = later.findIndex((entry) => entry.moves.some((move) => harmfulIntents.includes(move.kind)));
  return [...entries.slice(refusedAt, refusedAt + 1), ...(spoilt < 0 ? later : later.slice(0, spoilt))];
}

// "What I can do: two return stations with scanners, quote on Thursday": an alternative with something concrete in it is a
// plan the learner put forward, as much as a proposal nobody asked for.
const alsoDoes: Partial<Record<Intent, readonly Intent[]>> = { proposes: ['offers-alternative'] };

const firstWith = (entries: readonly LearnerEntry[], kind: Intent): number =>
  entries.findIndex((entry) => entry.moves.some((move) => move.kind === kind && counts(move)) && !(spoilersInTheMessage[kind] ?? []).some((spoiler) => hasMove(entry, spoiler)));

// "I'll restart it first, usually helps": a proposal without its content, or softened, is still made before asking;
// "let's get this sorted" has nothing in it to propose.
const firstMade = (entries: readonly LearnerEntry[], kind: Intent): number =>
  entries.findIndex((entry) => entry.moves.some((move) => (move.kind === kind && !move.empty) || (move.kind === 'hedges' && move.hedging === kind)));

/** The second half of a check; helping another way shows in an alternative, a concrete proposal or a demand met with one. */
function alsoDid(entries: readonly LearnerEntry[], state: MeetingState, kind: Intent): boolean {
  // An alternative answers a demand: the plan put forward before anything led the customer to one ("40 machines next week", then
  // a question, then "all 85 this weekend") is no alternative yet; the message the demand came after may already answer it.
  const firstRaised = Math.min(...state.demands.map((demand) => demand.raisedAtTurn));
  const answering = kind === 'offers-alternative' && Number.isFinite(firstRaised) ? entries.slice(firstRaised - 1) : entries;
  if (firstWith(answering, kind) >= 0) return true;
  return kind === 'offers-alternative' && (firstWith(answering, 'proposes') >= 0 || state.demands.some((demand) => demand.outcome === 'alternative'));
}

/** `gaveIn`: the learner said yes to an unreasonable demand, which drops the routine the customer asked them to break. */
function judgeCheck(check: RubricCheck, state: MeetingState, gaveIn: boolean): JudgedCheck {
  const entries = learnerEntries(state);
  const atTurn = (turn: number | undefined): string | undefined => (turn === undefined ? undefined : entries[turn - 1]?.text);
  const verdict = (value: Verdict, quote: string | undefined, reasonKey: string): JudgedCheck => ({
    id: check.id,
    theme: check.theme,
    verdict: value,
    met: value === 'met',
    reasonKey,
    ...(quote ? { quote } : {}),
  });
  const { rule } = check;
  if ('did' in rule) {
    // "From Monday the partners' tickets go before everyone else's": an alternative said while giving in is no plan of one's own.
    const unspoiled = (kind: Intent): number => entries.findIndex((entry) => hasMove(entry, kind) && ![...(spoilers[kind] ?? []), ...(spoilersInTheMessage[kind] ?? [])].some((spoiler) => hasMove(entry, spoiler)));
    const did = [rule.did, ...(rule.or ? [rule.or] : [])].map((kind) => firstWith(entries, kind)).concat((alsoDoes[rule.did] ?? []).map(unspoiled)).filter((index) => index >= 0).sort((a, b) => a - b)[0] ?? -1;
    const spoiler = (spoilers[rule.did] ?? []).map((kind) => firstWith(entries, kind)).find((index) => index >= 0);
    if (spoiler !== undefined) return verdict('not', entries[spoiler]?.text, 'spoiled');
    // Answering "did that happen?" is a follow-up the customer had to ask for: half of following up yourself.
    // Telling how last time's promise went before being asked ("all 20 got their test call on Friday") is following up.
    if (did < 0 && rule.did === 'refers-back' && state.commitmentCheck?.answer) {
      const { unprompted, answeredAtTurn } = state.commitmentCheck;
      return unprompted ? verdict('met', atTurn(answeredAtTurn), 'toldUnasked') : verdict('partly', atTurn(answeredAtTurn), 'askedFirst');
    }
    if (did < 0) {
      // "We could maybe flag partner tickets": the move was made with something concrete, but softened.
      const softened = entries.find((entry) => entry.moves.some((move) => move.kind === 'hedges' && move.what !== undefined && (move.hedging === rule.did || (rule.or !== undefined && move.hedging === rule.or))));
      if (softened && !(spoilersInTheMessage[rule.did] ?? []).some((kind) => hasMove(softened, kind))) return verdict('partly', softened.text, 'hedged');
      // "Maybe we could look at some kind of setup for the busy days": a proposal, hedged and in general words, is still half of one.
      const hedgedIdea = rule.did === 'proposes' ? entries.find((entry) => entry.moves.some((move) => move.kind === 'hedges' && move.hedging === 'proposes' && !move.empty)) : undefined;
      if (hedgedIdea) return verdict('partly', hedgedIdea.text, 'hedged');
      // "Card terminal on its own cable now", the ticket never written: helping now without keeping the routine is one half of two.
      // Not when the meeting also blamed, deflected, hid behind the contract, gave in or dropped a step: that is dropping the routine.
      const dropped = entries.some((entry) => entry.moves.some((move) => move.kind !== 'hedges' && harmfulIntents.includes(move.kind)));
      if (rule.and && !dropped && !gaveIn && alsoDid(entries, state, rule.and)) return verdict('partly', undefined, 'helpedOnly');
      const vague = entries.find((entry) => entry.moves.some((move) => move.kind === rule.did && move.vague && !move.empty));
      // Naming an offer without its content is half an offer; a question or an explanation in general words is nothing.
      return vague && slotIntents.includes(rule.did) ? verdict('partly', vague.text, 'vague') : verdict('not', undefined, 'missing');
    }
    // "We'll probably keep the change request" cannot be counted on: a hedged commitment is half of one, unless said plainly too.
    // Only commitments are weakened by a hedge; a question or an explanation is no less asked or explained for a "maybe" beside it.
    if (hedgeableIntents.includes(rule.did) && hedged(entries[did]) && !entries.some((entry) => hasMove(entry, rule.did) && !hedged(entry))) return verdict('partly', entries[did]?.text, 'hedged');
    const before = rule.before ? firstMade(entries, rule.before) : -1;
    if (before >= 0 && before < did) return verdict('partly', entries[did]?.text, 'late');
    if (rule.and && !alsoDid(entries, state, rule.and)) return verdict('partly', entries[did]?.text, 'half');
    return verdict('met', entries[did]?.text, 'did');
  }
  if ('demand' in rule) {
    const progress = state.demands.find((item) => item.id === rule.demand);
    if (!progress) return verdict('not', undefined, 'notRaised');
    if (progress.outcome && rule.handled.includes(progress.outcome)) {
      if (progress.cavedAtTurn !== undefined) return verdict('partly', atTurn(progress.cavedAtTurn), 'cavedLater');
      const answer = progress.handledAtTurn === undefined ? undefined : entries[progress.handledAtTurn - 1];
      return verdict(hedged(answer) ? 'partly' : 'met', answer?.text, hedged(answer) ? 'hedged' : `demand.${progress.outcome}`);
    }
    // "Ja, det bör vi kunna ordna" and later "om delägarna alltid går först får övriga vänta … mitt förslag är i stället …":
    // giving in first and then turning it round, with a no and something concrete, is half an answer.
    const turnedRound = progress.outcome === 'accepted' && progress.handledAtTurn !== undefined && rule.handled.includes('alternative') ? entries.slice(progress.handledAtTurn).find(turnsRound) : undefined;
    if (turnedRound) return verdict('partly', turnedRound.text, 'turnedRound');
    if (progress.outcome === undefined && progress.vagueAtTurn !== undefined) return verdict('partly', atTurn(progress.vagueAtTurn), 'vague');
    // Something concrete, softened ("we'll probably manage the eight by Friday"), open or beside a no: half an answer.
    if ((progress.outcome === undefined || progress.outcome === 'refused') && progress.hedgedAtTurn !== undefined) return verdict('partly', atTurn(progress.hedgedAtTurn), 'hedged');
    // "I can't guarantee it, but we'll work something out" is a no with a vague promise, as half an offer as a vague alternative.
    // So is a no followed by such a promise ("… and I'll log a ticket for the shared folder"), until something harmful is said.
    // Not a no that hides behind the contract or points elsewhere ("private stuff isn't covered", then "I'll close the ticket"):
    // it meant no help, and a vague "I'll …" after it is about something else; only a concrete offer turns it round.
    const coverNo = (entry: LearnerEntry | undefined): boolean => entry?.moves.some((move) => coverIntents.includes(move.kind)) ?? false;
    const refusedWith = progress.handledAtTurn === undefined ? undefined : entries[progress.handledAtTurn - 1];
    const afterNo = progress.outcome === 'refused' && progress.handledAtTurn !== undefined && !coverNo(refusedWith) ? standingAfter(entries, progress.handledAtTurn - 1) : [];
    const vaguely = afterNo.find(answersVaguely);
    if (vaguely) return verdict('partly', vaguely.text, 'vague');
    return verdict('not', atTurn(progress.handledAtTurn), progress.outcome ? `demand.${progress.outcome}` : 'unanswered');
  }
  const counted = state.revealed.filter((item) => !rule.needs || rule.needs.includes(item.needId));
  const found = counted.length;
  const quote = atTurn(counted[Math.min(rule.uncovered, found) - 1]?.atTurn);
  if (found >= rule.uncovered) return verdict('met', quote, 'uncovered');
  return found > 0 ? verdict('partly', quote, 'someUncovered') : verdict('not', undefined, 'missing');
}
