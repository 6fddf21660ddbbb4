import { UserFacingError } from '../core/errors';
import { textReply, type ActionOutcome } from '../core/reply';
import type { Turn } from '../core/turn';
import type { LearnerRecord, SessionRecord } from './roleplay-records';
import type { RoleplayDependencies, RoleplayService } from './roleplay-service';
import { customerLine } from './views/roleplay-views';
import { stateBefore } from './replay';

/** "Try this moment again": a new session from the state just before one learner message of an ended meeting. */
export class RetryService {
  constructor(
    private readonly deps: RoleplayDependencies,
    private readonly sessions: RoleplayService,
  ) {}

  async retry(turn: Turn, sessionId: string, learnerTurn: number): Promise<ActionOutcome> {
    const userKey = turn.actor.userKey;
    const learner = await this.deps.records.learner(userKey);
    if (await this.sessions.activeSession(turn, learner.body)) return { replies: [textReply(turn.t('roleplay.retry.busy'))] };
    const found = await this.deps.records.session(userKey, sessionId);
    const storyline = found && this.deps.catalog.find(found.body.storylineId);
    const meeting = found && storyline?.meetings[found.body.meetingNumber - 1];
    if (!found || !storyline || !meeting || found.body.status !== 'ended' || learnerTurn < 1 || learnerTurn > found.body.state.learnerTurns) throw new UserFacingError('errors.invalidAction');
    const said = found.body.state.transcript.filter((entry) => entry.speaker === 'learner')[learnerTurn - 1]?.text ?? '';
    const state = stateBefore(storyline, meeting, found.body.state, learnerTurn, found.body.locale);
    const session: SessionRecord = {
      // Counted, so a second try in the same millisecond as the first meeting still gets its own record.
      id: `${storyline.id}.${found.body.meetingNumber}.${turn.now.getTime().toString(36)}.${(await this.deps.records.sessions(userKey)).length}`,
      storylineId: storyline.id,
      meetingNumber: found.body.meetingNumber,
      locale: found.body.locale,
      status: 'active',
      startedAt: turn.now.toISOString(),
      state,
      noticesShown: [],
      retryOf: found.body.id,
    };
    const body: LearnerRecord = { ...learner.body, activeSessionId: session.id };
    await this.deps.records.save(userKey, { body, version: learner.version }, { body: session, version: 0 });
    const last = [...state.transcript].reverse().find((entry) => entry.speaker === 'customer')?.text ?? '';
    return { replies: [textReply(turn.t('roleplay.retry.back', { text: said })), textReply(customerLine(storyline, last))] };
  }
}
