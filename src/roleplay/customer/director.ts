import type { Locale } from '../../core/locale';
import { askingIntents, commitmentIntents, counts, intents, slotIntents, type Intent, type Move } from '../reading/intents';
import { learnerEntries, type DemandProgress, type MeetingState, type TrustEvent } from '../meeting-state';
import { reactionLines } from './reactions';
import { commitmentQuestion } from './meeting-memory';
import { defaultTrust, firmLinesIn, maxTrust, type Demand, type Meeting, type Need, type ReactionKey, type Storyline, type TrustCue } from '../storyline';
import { settleDemand } from '../judging/settle-demand';

/** What a customer reply is made of, so an eval can count fillers, greetings and firm lines. */
export type ReplyPart = 'greeting' | 'filler' | 'reaction' | 'need' | 'demand' | 'settled' | 'firm' | 'commitment' | 'vague';

/** The rules' view of one learner message: the confirmed moves applied, the new state, the scripted answer and directions for a model. */
export interface DirectedTurn {
  readonly state: MeetingState;
  readonly cues: readonly TrustCue[];
  readonly scripted: string;
  readonly parts: readonly ReplyPart[];
  /** Stage directions in content words (and the learner's own offer), so a model customer follows the same story. */
  readonly directions: readonly string[];
}

// The first cue in this list that a message shows picks the scripted reaction.
const reactionOrder: ReadonlyArray<readonly [TrustCue | 'asks', ReactionKey]> = [
  ['repeats', 'repeats'],
  ['blames', 'blames'],
  ['drops-quality', 'drops-quality'],
  ['hides-behind-contract', 'hides-behind-contract'],
  ['deflects', 'deflects'],
  ['hedges', 'hedges'],
  ['vague', 'vague'],
  ['generic', 'generic'],
  ['proposes-early', 'proposes-early'],
  ['summarises', 'summarises'],
  ['refers-back', 'refers-back'],
  ['raises-risk', 'raises-risk'],
  ['proposes', 'proposes'],
  ['offers-alternative', 'proposes'],
  ['explains', 'explains'],
  ['asks', 'asks'],
  ['empathises', 'empathises'],
  ['promises', 'promises'],
  ['greets', 'greets'],
];

const answerWithin = 2;
// What may stand beside a late answer about last time's promise: a greeting, a reason, a question, a word of feeling, the routine kept.
const tellingIntents: readonly Intent[] = ['greets', 'explains', 'empathises', 'refers-back', 'summarises', 'follows-process', ...askingIntents];

// From the most specific question to the most general: the one a need answers first.
const revealOrder: readonly Intent[] = ['asks-impact', 'asks-business', 'asks-need', 'raises-risk', 'asks-situation', ...intents];

const normalised = (text: string): string => text.toLowerCase().replace(/[^\p{L}\d]+/gu, ' ').trim();

/**
 * Applies one learner message, with the moves the learner confirmed, to a meeting: trust, needs, demands, the commitment
 * asked about, and the scripted answer. Nothing here reads the words again: only confirmed moves count.
 */
export function directTurn(storyline: Storyline, meeting: Meeting, state: MeetingState, text: string, read: readonly Move[], locale: Locale): DirectedTurn {
  const turn = state.learnerTurns + 1;
  // "It worked" answers the customer's question about a commitment only right after they ask it, or, said in the first
  // message before they ask, is the learner following up on their own; later the same words mean something else.
  const open = state.commitmentCheck !== undefined && !state.commitmentCheck.answer;
  const askedAt = state.commitmentCheck?.askedAtTurn;
  const unprompted = open && askedAt === undefined && turn === 1;
  // Later, only a message that tells how the promise went, naming it ("monday went fine, all 8 up"), still answers the
  // question; beside a no, an offer or a dropped step the same words are about the demand.
  const namesThePromise = read.some((move) => commitmentIntents.includes(move.kind) && !move.vague) && read.every((move) => commitmentIntents.includes(move.kind) || tellingIntents.includes(move.kind));
  const asked = open && askedAt !== undefined && (turn <= askedAt + answerWithin || namesThePromise);
  const moves = asked || unprompted ? read : read.filter((move) => !commitmentIntents.includes(move.kind));
  const earlier = learnerEntries(state);
  // The message is normalised once, not once per earlier message.
  const said = normalised(text);
  const repeated = earlier.some((entry) => normalised(entry.text) === said);
  const counting = repeated ? [] : moves.filter(counts);
  const kinds = new Set<Intent>(counting.map((move) => move.kind));
  const askedBefore = earlier.some((entry) => entry.moves.some((move) => counts(move) && askingIntents.includes(move.kind)));
  const asksNow = askingIntents.some((kind) => kinds.has(kind));
  const offersNow = kinds.has('proposes') || kinds.has('offers-alternative');
  const cues: TrustCue[] = [
    ...[...kinds].filter((kind) => !commitmentIntents.includes(kind)),
    ...(offersNow && !askedBefore && !asksNow ? (['proposes-early'] as const) : []),
    ...(!repeated && moves.some((move) => move.vague && slotIntents.includes(move.kind)) ? (['vague'] as const) : []),
    ...(repeated ? (['repeats'] as const) : []),
    // Generic words only ("how will this impact your business?"): asked what is meant, unless something else counted.
    ...(!repeated && moves.some((move) => move.generic) && counting.every((move) => move.kind === 'greets') ? (['generic'] as const) : []),
  ];
  let next: MeetingState = { ...state, transcript: [...state.transcript, { speaker: 'learner', text, moves }], learnerTurns: turn };
  const parts: ReplyPart[] = [];
  const lines: string[] = [];
  const directions: string[] = [];
  const say = (part: ReplyPart, line: string | undefined): void => {
    if (line) {
      parts.push(part);
      lines.push(line);
    }
  };
  const pick = (key: ReactionKey): string | undefined => {
    const options = reactionLines(storyline, meeting, locale, key);
    if (options.length === 0) return undefined;
    const used = next.reactionsUsed[key] ?? 0;
    next = { ...next, reactionsUsed: { ...next.reactionsUsed, [key]: used + 1 } };
    return options[used % options.length];
  };
  const events: TrustEvent[] = [];

  const lower = text.toLowerCase();
  const firm = repeated ? undefined : firmLinesIn(storyline, meeting).find((line) => line[locale].patterns.some((pattern) => lower.includes(pattern.toLowerCase())));
  const settlement = repeated ? undefined : settleDemand(meeting, next, counting, moves, turn, locale);
  if (settlement) {
    next = settlement.state;
    events.push(...settlement.events);
    if (settlement.caved) cues.push('caves');
    say('settled', settlement.line);
    if (settlement.direction) directions.push(settlement.direction);
  }
  const settled = settlement?.line !== undefined;
  if (firm) {
    say('firm', firm[locale].answer);
    directions.push(`The learner's words go against something you refuse: ${firm[locale].refuses}. Refuse it, in character.`);
  }
  const check = next.commitmentCheck;
  // The answer comes at the start, right after the customer asks; later the same words mean something else. "It was ready,
  // but late" reads as kept and as partly: the least the learner claims is what the customer takes, never the most.
  const answer = check && (asked || unprompted) ? [...commitmentIntents].reverse().find((kind) => kinds.has(kind)) : undefined;
  if (check && answer) {
    const kept = answer.replace('commitment-', '') as 'kept' | 'partly' | 'not';
    const told = unprompted && !read.some((move) => move.kind === answer && move.replying);
    next = { ...next, commitmentCheck: { ...check, answer: kept, answeredAtTurn: turn, ...(told ? { unprompted: true } : {}) } };
    cues.push(answer);
    if (!settled) say('commitment', pick(answer as ReactionKey));
  }
  // One need per question; the most specific reading of a question decides which ("what happened to the customers?" is
  // about customers). "What happened to the chat customers? And what worries you about Monday?" asks two, and both are
  // answered; one question read two ways is still one question. A right question is answered even when the same message
  // also answers the demand or the question about last time.
  const needs = firm ? [] : needsAnswered(meeting, next, counting);
  for (const need of needs) {
    next = { ...next, revealed: [...next.revealed, { needId: need.id, atTurn: turn }] };
    say('need', need[locale].says);
    directions.push(`The learner asked the right question: reveal this now, in your own words: ${need[locale].need}`);
  }
  const need = needs.length > 0;
  if (!settled && !firm && !answer && !need) {
    const keys = reactionOrder.filter(([cue]) => (cue === 'asks' ? asksNow : cues.includes(cue))).map(([, key]) => key).filter((key) => key !== 'greets' || turn === 1);
    const key = keys.find((candidate) => reactionLines(storyline, meeting, locale, candidate).length > 0);
    const pending = next.demands.some((progress) => progress.outcome === undefined);
    const chosen: ReactionKey = key ?? (pending ? 'presses' : 'filler');
    const line = pick(chosen) ?? pick('filler');
    if (chosen === 'generic') directions.push('The learner spoke only in general words, nothing about you or this situation. Ask what they mean, in character; reveal nothing yet.');
    say(chosen === 'filler' ? 'filler' : chosen === 'greets' ? 'greeting' : chosen === 'vague' || chosen === 'generic' ? 'vague' : 'reaction', line);
  }

  // Not brought up in the first message, nor followed up another way: the customer asks, after answering that message.
  const question = check && unprompted && !answer && !kinds.has('refers-back') ? commitmentQuestion(meeting, check.commitment, locale) : undefined;
  if (check && question) {
    next = { ...next, commitmentCheck: { ...check, askedAtTurn: turn } };
    // The promise is the learner's words: a model reads it in the conversation, never in a direction.
    directions.push('After answering, ask whether the learner did what they promised last meeting (their words are in the conversation above).');
  }

  const raise = settled ? undefined : demandToRaise(meeting.demands, next.demands, turn);
  if (raise) {
    next = { ...next, demands: [...next.demands, { id: raise.id, raisedAtTurn: turn }] };
    say('demand', raise[locale].says);
    directions.push(`Now raise this demand, firmly and in your own words: ${raise[locale].says}`);
  }

  say('commitment', question);

  const rules = [...storyline.trust, ...defaultTrust.filter((rule) => !storyline.trust.some((own) => own.on === rule.on))];
  const fresh = rules
    .filter((rule) => cues.includes(rule.on) && !state.trustEvents.some((event) => event.cue === rule.on))
    .map((rule) => ({ cue: rule.on, change: rule.change, atTurn: turn }));
  const all = [...fresh, ...events];
  const change = all.reduce((sum, event) => sum + event.change, 0);
  next = { ...next, trust: Math.min(maxTrust, Math.max(0, state.trust + change)), trustEvents: [...state.trustEvents, ...all] };
  return { state: next, cues, scripted: lines.join(' '), parts, directions };
}

/** The hidden needs this message's questions reveal: per question (its own words), the need its most specific reading answers. */
function needsAnswered(meeting: Meeting, state: MeetingState, counting: readonly Move[]): Need[] {
  const revealing = counting.filter((move) => revealOrder.includes(move.kind));
  const questions = [...new Set(revealing.map((move) => move.quote))];
  const found: Need[] = [];
  for (const question of questions) {
    const readings = new Set(revealing.filter((move) => move.quote === question).map((move) => move.kind));
    const hidden = meeting.needs.filter((candidate) => !state.revealed.some((item) => item.needId === candidate.id) && !found.includes(candidate));
    const need = revealOrder.filter((kind) => readings.has(kind)).map((kind) => hidden.find((candidate) => candidate.revealOn.includes(kind))).find(Boolean);
    if (need) found.push(need);
  }
  return found;
}

function demandToRaise(demands: readonly Demand[], progress: readonly DemandProgress[], turn: number): Demand | undefined {
  if (progress.some((item) => item.outcome === undefined)) return undefined;
  return demands.find((demand) => demand.afterTurns <= turn && !progress.some((item) => item.id === demand.id));
}
