import type { ThemeCatalog } from '../content/themes';
import { UserFacingError } from '../core/errors';
import type { CardView } from '../cards/card-view';
import { cardReply, textReply, type ActionOutcome, type Reply } from '../core/reply';
import type { Turn } from '../core/turn';
import type { Logger } from '../logger';
import { availabilityOf } from './availability';
import type { ModelCallLimit } from './customer/call-budget';
import type { CustomerEngine } from './customer/customer-engine';
import { debriefView } from './views/debrief-view';
import type { Grounding } from './judging/grounding';
import type { MoveReading } from './reading/learned-reader';
import { commitmentToAsk, firstMemory, openingLine } from './customer/meeting-memory';
import { newMeetingState } from './meeting-state';
import { debriefedSessions, pastDebriefEntries } from './roleplay-history';
import type { LearnerRecord, RoleplayRecords, SessionRecord, StorylineProgress, Versioned } from './roleplay-records';
import { briefView, customerLine, formatWhen, meetingView, pickerView } from './views/roleplay-views';
import type { Storyline } from './storyline';
import type { StorylineCatalog } from './storyline-catalog';

/** The limits that keep a meeting short, a message readable and model use fair. */
export interface RoleplayLimits {
  readonly turnsPerMeeting: number;
  readonly maxMessageChars: number;
  readonly modelCalls: ModelCallLimit;
}

export const defaultRoleplayLimits: RoleplayLimits = { turnsPerMeeting: 20, maxMessageChars: 800, modelCalls: { calls: 20, windowMinutes: 10 } };

export interface RoleplayDependencies {
  readonly catalog: StorylineCatalog;
  readonly themes: ThemeCatalog;
  readonly records: RoleplayRecords;
  readonly customer: CustomerEngine;
  readonly reader: MoveReading;
  /** Sets apart what the reader found in generic words only, so buzzwords earn nothing. */
  readonly grounding: Grounding;
  readonly limits: RoleplayLimits;
  readonly logger: Logger;
}

/** Choosing a storyline, reading the brief and starting a meeting; the meeting itself is in MeetingService. */
export class RoleplayService {
  constructor(private readonly deps: RoleplayDependencies) {}

  private get viewLimits(): { turns: number; chars: number } {
    return { turns: this.deps.limits.turnsPerMeeting, chars: this.deps.limits.maxMessageChars };
  }

  /** `roleplay`: back into the meeting in progress, or the opening card with every storyline and the past debriefs. */
  async open(turn: Turn): Promise<readonly Reply[]> {
    const learner = (await this.deps.records.learner(turn.actor.userKey)).body;
    const active = await this.activeSession(turn, learner);
    if (active) return this.resume(turn, active);
    return [cardReply(await this.openingCard(turn, learner))];
  }

  /** The opening card from a button (welcome, reminder, debrief): a new message, so the card pressed stays as it was. */
  async picker(turn: Turn): Promise<ActionOutcome> {
    const learner = (await this.deps.records.learner(turn.actor.userKey)).body;
    return { replies: [cardReply(await this.openingCard(turn, learner))] };
  }

  /** A storyline's brief, as a new message: the card it was chosen from (the opening card, a debrief) stays readable. */
  async brief(turn: Turn, storylineId: string): Promise<ActionOutcome> {
    const storyline = this.storyline(storylineId);
    const learner = (await this.deps.records.learner(turn.actor.userKey)).body;
    const progress = learner.progress[storyline.id];
    const availability = availabilityOf(progress, turn.now);
    if (availability.kind === 'locked') return { replies: [textReply(turn.t('roleplay.picker.locked', { when: formatWhen(turn, availability.until) }))] };
    const fresh = { nextMeeting: 1, completed: false, memory: firstMemory(storyline) };
    const shown = availability.kind === 'ready' && progress ? progress : fresh;
    return { replies: [cardReply(briefView(turn, this.deps.themes, storyline, shown.nextMeeting, shown, this.viewLimits))] };
  }

  /** A past debrief, re-rendered from the stored record as a new message; only the learner's own sessions can be reached. */
  async reopenDebrief(turn: Turn, sessionId: string): Promise<ActionOutcome> {
    const found = sessionId ? await this.deps.records.session(turn.actor.userKey, sessionId) : undefined;
    const [session] = debriefedSessions(found ? [found.body] : []);
    const storyline = session && this.deps.catalog.find(session.storylineId);
    if (!session || !storyline) throw new UserFacingError('errors.invalidAction');
    const learner = (await this.deps.records.learner(turn.actor.userKey)).body;
    return { replies: [cardReply(debriefView(turn, this.deps.themes, storyline, session, learner.progress[storyline.id]))] };
  }

  /** The brief's Start button: opens a session and lets the customer speak first. Pressing it twice starts nothing new. */
  async start(turn: Turn, storylineId: string, meetingNumber: number): Promise<ActionOutcome> {
    const { records } = this.deps;
    const userKey = turn.actor.userKey;
    const learner = await records.learner(userKey);
    const active = await this.activeSession(turn, learner.body);
    if (active) return { replies: this.resume(turn, active) };

    const storyline = this.storyline(storylineId);
    const saved = learner.body.progress[storyline.id];
    const availability = availabilityOf(saved, turn.now);
    if (availability.kind === 'locked') throw new UserFacingError('roleplay.picker.locked', { when: formatWhen(turn, availability.until) });
    const progress: StorylineProgress = availability.kind === 'ready' && saved ? saved : { nextMeeting: 1, completed: false, memory: firstMemory(storyline) };
    // An old brief's button must not start a different meeting from the one it describes.
    if (meetingNumber !== progress.nextMeeting) return { replies: [cardReply(briefView(turn, this.deps.themes, storyline, progress.nextMeeting, progress, this.viewLimits))] };

    const meeting = storyline.meetings[progress.nextMeeting - 1];
    if (!meeting) throw new UserFacingError('roleplay.unknownStoryline');
    const opening = openingLine(meeting, progress.nextMeeting, turn.locale);
    const session: SessionRecord = {
      id: `${storyline.id}.${progress.nextMeeting}.${turn.now.getTime().toString(36)}`,
      storylineId: storyline.id,
      meetingNumber: progress.nextMeeting,
      locale: turn.locale,
      status: 'active',
      startedAt: turn.now.toISOString(),
      state: newMeetingState(progress.memory.trust, opening, commitmentToAsk(progress.memory, progress.nextMeeting)),
      noticesShown: [],
    };
    const body: LearnerRecord = {
      ...learner.body,
      activeSessionId: session.id,
      progress: { ...learner.body.progress, [storyline.id]: { ...progress, lastPlayedAt: turn.now.toISOString() } },
    };
    await records.save(userKey, { body, version: learner.version }, { body: session, version: 0 });
    this.deps.logger.info({ userKey, storyline: storyline.id, meeting: session.meetingNumber, customer: this.deps.customer.kind }, 'role-play meeting started');
    // The meeting runs in new messages, so the brief above stays readable with its rubric.
    return { replies: [cardReply(meetingView(turn, storyline, session, this.viewLimits)), textReply(customerLine(storyline, opening))] };
  }

  private resume(turn: Turn, active: { session: SessionRecord; storyline: Storyline }): Reply[] {
    const lastLine = active.session.state.transcript.filter((entry) => entry.speaker === 'customer').at(-1)?.text ?? '';
    return [
      cardReply(meetingView(turn, active.storyline, active.session, this.viewLimits)),
      textReply(`${turn.t('roleplay.meeting.resume', { name: active.storyline.customer.name })}\n\n${customerLine(active.storyline, lastLine)}`),
    ];
  }

  private async openingCard(turn: Turn, learner: LearnerRecord): Promise<CardView> {
    const past = debriefedSessions(await this.deps.records.sessions(turn.actor.userKey));
    return pickerView(turn, this.deps.catalog, learner, pastDebriefEntries(turn, this.deps.catalog, past), past.length);
  }

  /** The session in progress and its storyline, if the learner is in a meeting. */
  async activeSession(turn: Turn, learner: LearnerRecord): Promise<{ session: SessionRecord; version: number; storyline: Storyline } | undefined> {
    if (!learner.activeSessionId) return undefined;
    const found: Versioned<SessionRecord> | undefined = await this.deps.records.session(turn.actor.userKey, learner.activeSessionId);
    const storyline = found && this.deps.catalog.find(found.body.storylineId);
    if (!found || found.body.status !== 'active' || !storyline) return undefined;
    return { session: found.body, version: found.version, storyline };
  }

  private storyline(id: string): Storyline {
    const storyline = this.deps.catalog.find(id);
    if (!storyline) throw new UserFacingError('roleplay.unknownStoryline');
    return storyline;
  }
}
