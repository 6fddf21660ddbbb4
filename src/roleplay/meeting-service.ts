import { UserFacingError } from '../core/errors';
import { cardReply, textReply, type ActionOutcome, type Reply } from '../core/reply';
import type { Turn } from '../core/turn';
import { unlockTime } from './availability';
import { trackedBudget } from './customer/call-budget';
import type { CustomerScene, FallbackReason } from './customer/customer-engine';
import { debriefView } from './views/debrief-view';
import { directTurn } from './customer/director';
import { earlierMeetingsFor } from './judging/earlier-meetings';
import { rememberMeeting } from './customer/meeting-memory';
import type { MeetingState } from './meeting-state';
import type { LearnerRecord, SessionRecord, StorylineProgress, Versioned } from './roleplay-records';
import type { RoleplayDependencies, RoleplayService } from './roleplay-service';
import { customerLine, meetingView } from './views/roleplay-views';
import type { Storyline } from './storyline';
import { understoodView, UnderstoodWordsByLocale } from './views/understood-view';

interface Active {
  readonly learner: Versioned<LearnerRecord>;
  readonly session: Versioned<SessionRecord>;
  readonly storyline: Storyline;
}

/** Which notice a fallback earns, and whether it is shown every time or once per meeting. */
const noticeFor: Readonly<Partial<Record<FallbackReason, { key: string; once: boolean }>>> = {
  'budget-spent': { key: 'roleplay.notices.budget', once: true },
  'content-filtered': { key: 'roleplay.notices.filtered', once: false },
  timeout: { key: 'roleplay.notices.unavailable', once: true },
  'rate-limited': { key: 'roleplay.notices.unavailable', once: true },
  unavailable: { key: 'roleplay.notices.unavailable', once: true },
};

/** The meeting itself: the learner's messages, the customer's answers, the end and the debrief. */
export class MeetingService {
  private readonly understoodWords = new UnderstoodWordsByLocale();

  constructor(
    private readonly deps: RoleplayDependencies,
    private readonly sessions: RoleplayService,
  ) {}

  /** Free text in the personal chat; undefined when the learner is not in a meeting. */
  async say(turn: Turn, text: string): Promise<readonly Reply[] | undefined> {
    if (turn.conversation.kind !== 'personal') return undefined;
    const active = await this.active(turn);
    if (!active) return undefined;
    const { limits } = this.deps;
    if (text.length > limits.maxMessageChars) return [textReply(turn.t('roleplay.tooLong', { max: limits.maxMessageChars }))];

    const { storyline, session, learner } = active;
    const meeting = storyline.meetings[session.body.meetingNumber - 1];
    if (!meeting) throw new UserFacingError('roleplay.unknownStoryline');
    const locale = session.body.locale;
    const said = text.trim();
    const before = session.body.state;
    const read = this.deps.reader.read(said, locale);
    const earlier = await earlierMeetingsFor(this.deps.records, turn.actor.userKey, session.body, read);
    const grounded = this.deps.grounding.ground(read, { storyline, meeting, locale, state: before, text: said, earlier });
    const directed = directTurn(storyline, meeting, before, said, grounded, locale);
    const budget = trackedBudget(learner.body.modelCalls, turn.now, limits.modelCalls);
    const scene: CustomerScene = { storyline, meeting, meetingNumber: session.body.meetingNumber, locale, memory: this.progressOf(learner.body, storyline).memory, state: directed.state, budget };
    const reply = await this.deps.customer.reply(scene, directed);

    const notice = reply.fallback ? noticeFor[reply.fallback] : undefined;
    const showNotice = notice && !(notice.once && session.body.noticesShown.includes(notice.key));
    const state: MeetingState = { ...directed.state, transcript: [...directed.state.transcript, { speaker: 'customer', text: reply.text, source: reply.source }] };
    const spoken = [customerLine(storyline, reply.text), ...(showNotice ? [turn.t(notice.key, { name: storyline.customer.name })] : [])].join('\n\n');
    const updated: SessionRecord = { ...session.body, state, noticesShown: showNotice ? [...session.body.noticesShown, notice.key] : session.body.noticesShown };
    const learnerAfter = { body: { ...learner.body, modelCalls: budget.recent() }, version: learner.version };

    if (state.learnerTurns >= limits.turnsPerMeeting) {
      const finished = await this.finish(turn, { learner: learnerAfter, session: { body: updated, version: session.version }, storyline });
      return [textReply(spoken), textReply(turn.t('roleplay.end.limit', { turns: limits.turnsPerMeeting })), ...finished];
    }
    await this.deps.records.save(turn.actor.userKey, budget.taken.length > 0 ? learnerAfter : undefined, { body: updated, version: session.version });
    const moves = directed.state.transcript.at(-1);
    // One message: the customer's answer with what the bot understood under it, so a correction rewrites both in place.
    const understood = { sessionId: session.body.id, turn: state.learnerTurns, answer: spoken };
    return [cardReply(understoodView(this.understoodWords.of(turn), understood, moves?.speaker === 'learner' ? moves.moves : [], true))];
  }

  /** `end` / `avsluta`: the customer's closing words and the debrief. */
  async end(turn: Turn): Promise<readonly Reply[]> {
    const active = await this.active(turn);
    if (!active) return [textReply(turn.t('roleplay.end.none'))];
    return this.finish(turn, active);
  }

  /** The meeting card's End button: the card loses its button, and the debrief follows as a new message. */
  async endFromCard(turn: Turn): Promise<ActionOutcome> {
    const active = await this.active(turn);
    if (!active) return { replies: [textReply(turn.t('roleplay.end.none'))] };
    const replies = await this.finish(turn, active);
    const ended: SessionRecord = { ...active.session.body, status: 'ended' };
    return { update: meetingView(turn, active.storyline, ended, { turns: 0, chars: 0 }), replies };
  }

  /** The learner's own ticks on the debrief, compared with the verdicts; only their own session can be reached. */
  async selfCheck(turn: Turn, sessionId: string, ticked: string): Promise<ActionOutcome> {
    const found = await this.deps.records.session(turn.actor.userKey, sessionId);
    const storyline = found && this.deps.catalog.find(found.body.storylineId);
    if (!found || !storyline || found.body.status !== 'ended') throw new UserFacingError('errors.invalidAction');
    const rubricIds = new Set(found.body.debrief?.checks.map((check) => check.id) ?? []);
    const selfCheck = ticked.split(',').map((id) => id.trim()).filter((id) => rubricIds.has(id));
    const session: SessionRecord = { ...found.body, selfCheck };
    await this.deps.records.save(turn.actor.userKey, undefined, { body: session, version: found.version });
    const learner = (await this.deps.records.learner(turn.actor.userKey)).body;
    return { update: debriefView(turn, this.deps.themes, storyline, session, learner.progress[storyline.id]) };
  }

  private async finish(turn: Turn, { learner, session, storyline }: Active): Promise<Reply[]> {
    const userKey = turn.actor.userKey;
    const { state, meetingNumber, locale } = session.body;
    const withoutSession: LearnerRecord = { ...learner.body, activeSessionId: undefined };
    if (state.learnerTurns === 0) {
      await this.deps.records.cancel(userKey, { body: withoutSession, version: learner.version }, session.body.id, session.version);
      return [textReply(turn.t('roleplay.end.cancelled'))];
    }
    const meeting = storyline.meetings[meetingNumber - 1];
    if (!meeting) throw new UserFacingError('roleplay.unknownStoryline');
    const previous = this.progressOf(learner.body, storyline);
    const budget = trackedBudget(learner.body.modelCalls, turn.now, this.deps.limits.modelCalls);
    const debrief = await this.deps.customer.judge({ storyline, meeting, meetingNumber, locale, memory: previous.memory, state, budget });
    const next = storyline.meetings[meetingNumber];
    const unlocksAt = next ? unlockTime(next.unlockAfterHours, turn.now) : undefined;
    const played: StorylineProgress = {
      nextMeeting: next ? meetingNumber + 1 : meetingNumber,
      completed: !next,
      ...(unlocksAt ? { unlocksAt } : {}),
      lastPlayedAt: turn.now.toISOString(),
      memory: rememberMeeting(previous.memory, meetingNumber, state),
    };
    const progress = session.body.retryOf ? previous : played;
    const ended: SessionRecord = { ...session.body, status: 'ended', endedAt: turn.now.toISOString(), debrief };
    const body: LearnerRecord = { ...withoutSession, progress: { ...learner.body.progress, [storyline.id]: progress }, modelCalls: budget.recent() };
    await this.deps.records.save(userKey, { body, version: learner.version }, { body: ended, version: session.version });
    this.deps.logger.info({ userKey, storyline: storyline.id, meeting: meetingNumber, judgedBy: debrief.judgedBy }, 'role-play meeting ended');
    return [textReply(customerLine(storyline, meeting[locale].closing)), { kind: 'card', view: debriefView(turn, this.deps.themes, storyline, ended, progress) }];
  }

  private progressOf(learner: LearnerRecord, storyline: Storyline): StorylineProgress {
    return learner.progress[storyline.id] ?? { nextMeeting: 1, completed: false, memory: { trust: storyline.startTrust, promises: [], agreements: [] } };
  }

  private async active(turn: Turn): Promise<Active | undefined> {
    const learner = await this.deps.records.learner(turn.actor.userKey);
    const active = await this.sessions.activeSession(turn, learner.body);
    return active && { learner, session: { body: active.session, version: active.version }, storyline: active.storyline };
  }
}
