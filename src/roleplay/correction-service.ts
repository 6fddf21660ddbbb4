import { UserFacingError } from '../core/errors';
import type { ActionOutcome } from '../core/reply';
import type { Turn } from '../core/turn';
import { intents, type Intent, type Move } from './reading/intents';
import type { MeetingState } from './meeting-state';
import { redirectLast, stateBefore } from './replay';
import type { RoleplayDependencies, RoleplayService } from './roleplay-service';
import { customerLine } from './views/roleplay-views';
import { understoodView, UnderstoodWordsByLocale } from './views/understood-view';
import { trackedBudget } from './customer/call-budget';
import { earlierMeetingsFor } from './judging/earlier-meetings';

const isIntent = (value: string): value is Intent => (intents as readonly string[]).includes(value);

/** One tap on "what I understood": the learner removes a move or names the one they meant, and the turn is replayed. */
export class CorrectionService {
  private readonly understoodWords = new UnderstoodWordsByLocale();

  constructor(
    private readonly deps: RoleplayDependencies,
    private readonly sessions: RoleplayService,
  ) {}

  async correct(turn: Turn, sessionId: string, learnerTurn: number, remove: string, meant: string): Promise<ActionOutcome> {
    const learner = await this.deps.records.learner(turn.actor.userKey);
    const active = await this.sessions.activeSession(turn, learner.body);
    if (!active || active.session.id !== sessionId) throw new UserFacingError('roleplay.understood.closed');
    const { session, storyline, version } = active;
    const state = session.state;
    const last = [...state.transcript].reverse().find((entry) => entry.speaker === 'learner');
    if (!last) throw new UserFacingError('errors.invalidAction');
    // Only the latest message can be corrected: the customer has already answered everything after an older one.
    if (learnerTurn !== state.learnerTurns) {
      const answered = customerAnswerTo(state, learnerTurn);
      const understood = { sessionId: session.id, turn: learnerTurn, answer: answered === undefined ? '' : customerLine(storyline, answered) };
      return { update: understoodView(this.understoodWords.of(turn), understood, [], false, turn.t('roleplay.understood.passed')) };
    }
    const meeting = storyline.meetings[session.meetingNumber - 1];
    if (!meeting) throw new UserFacingError('roleplay.unknownStoryline');
    const kept = last.moves.filter((move) => move.kind !== remove);
    const named: Move[] = isIntent(meant) && !kept.some((move) => move.kind === meant) ? [{ kind: meant, quote: last.text, ...(meant === 'offers-alternative' || meant === 'proposes' || meant === 'promises' ? { what: last.text, ...(meant === 'promises' ? { when: '' } : {}) } : {}) }] : [];
    // A move named in one tap is weighed like one read: naming "asked about the impact" does not make "your business going forward" concrete.
    const before = stateBefore(storyline, meeting, state, state.learnerTurns, session.locale);
    const earlier = await earlierMeetingsFor(this.deps.records, turn.actor.userKey, session, named);
    const added = this.deps.grounding.ground(named, { storyline, meeting, locale: session.locale, state: before, text: last.text, earlier });
    const moves = [...kept, ...added];
    const directed = redirectLast(storyline, meeting, state, moves, session.locale);
    if (!directed) throw new UserFacingError('errors.invalidAction');
    const budget = trackedBudget(learner.body.modelCalls, turn.now, this.deps.limits.modelCalls);
    const memory = learner.body.progress[storyline.id]?.memory ?? { trust: storyline.startTrust, promises: [], agreements: [] };
    const scene = { storyline, meeting, meetingNumber: session.meetingNumber, locale: session.locale, memory, state: directed.state, budget };
    const reply = await this.deps.customer.reply(scene, directed);
    const corrected: MeetingState = { ...directed.state, transcript: [...directed.state.transcript, { speaker: 'customer', text: reply.text, source: reply.source }] };
    const learnerAfter = budget.taken.length > 0 ? { body: { ...learner.body, modelCalls: budget.recent() }, version: learner.version } : undefined;
    await this.deps.records.save(turn.actor.userKey, learnerAfter, { body: { ...session, state: corrected }, version });
    // The card pressed holds the customer's answer: the new answer replaces it there, so the old one is gone.
    const understood = { sessionId: session.id, turn: learnerTurn, answer: customerLine(storyline, reply.text) };
    return { update: understoodView(this.understoodWords.of(turn), understood, moves, true, turn.t('roleplay.understood.corrected')) };
  }
}

/** The customer's answer to one learner message (counted from 1): what the card of that message shows above the moves. */
function customerAnswerTo(state: MeetingState, learnerTurn: number): string | undefined {
  let seen = 0;
  let answer: string | undefined;
  for (const entry of state.transcript) {
    if (entry.speaker === 'learner') seen += 1;
    else if (seen === learnerTurn) answer = entry.text;
    if (seen > learnerTurn) break;
  }
  return answer;
}
