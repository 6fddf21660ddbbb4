import type { AnswerSubmission, Collection } from '../collect/collection';
import { UserFacingError } from '../core/errors';
import type { ActionOutcome } from '../core/reply';
import type { Turn } from '../core/turn';
import { formatDate, formatInstant } from '../schedules/describe';
import { localDateOf } from '../schedules/calendar';
import { deliveryKeys, deliveryKinds, refreshUserIdsOf, scheduleIdOf, type CheckinOccurrence, type CheckinSchedule } from './checkin';
import { questionSetOf, type CheckinDependencies } from './checkin-context';
import { questionView, type Reader } from './checkin-views';
import type { QuestionSet } from './question-sets';

type Data = Readonly<Record<string, unknown>>;
const week = 7 * 24 * 3_600_000;

interface Loaded {
  readonly schedule: CheckinSchedule;
  readonly occurrence: CheckinOccurrence;
  readonly set: QuestionSet;
  readonly collection: Collection;
}

/** Answering a check-in card (and changing the answer until it closes), snoozing and stopping a schedule. */
export class CheckinAnswers {
  constructor(private readonly deps: CheckinDependencies) {}

  async answer(turn: Turn, data: Data): Promise<ActionOutcome> {
    const loaded = await this.load(turn, data);
    const { schedule, occurrence, set, collection } = loaded;
    if (schedule.audience === 'members' && !schedule.members.some((member) => member.userKey === turn.actor.userKey)) {
      throw new UserFacingError('checkins.errors.notInvited');
    }
    const personal = turn.conversation.kind === 'personal';
    const own = await this.deps.collections.ownAnswers(collection, turn.actor.userKey);
    const submissions = set.questions.flatMap((question): AnswerSubmission[] => {
      const raw = data[`q_${question.id}`];
      if (raw === undefined) return [];
      const value = typeof raw === 'string' ? raw.trim() : typeof raw === 'number' ? String(raw) : '';
      if (question.form === 'scale') return value === '' ? [] : [{ questionId: question.id, form: 'scale', value: Number(value) }];
      const earlier = own.find((answer) => answer.questionId === question.id);
      // The card posted in a shared chat has empty boxes (only each person's own view is filled), so empty means "no change" there.
      if (value === '' && (!personal || !earlier)) return [];
      return [{ questionId: question.id, form: 'free-text', texts: [{ answerId: earlier?.answerId, text: value }] }];
    });
    if (submissions.length === 0) throw new UserFacingError('collect.errors.empty');
    // Planned before the answer is stored, so the anonymous write is the turn's last and nothing follows it in the log.
    await this.requestRefresh(schedule, occurrence, turn.now);
    const saved = await this.deps.collections.answer(collection.id, { userKey: turn.actor.userKey, displayName: turn.actor.displayName }, submissions, turn.now);
    const reader = this.reader(turn);
    const closes = formatInstant(new Date(occurrence.closesAt), reader.timeZone, turn.locale);
    const notice = turn.t(personal ? 'checkins.question.saved' : 'checkins.question.savedShared', { closes });
    const refreshUserIds = refreshUserIdsOf(schedule, turn.actor.userKey);
    return { update: questionView(schedule, occurrence, set, reader, { open: true, notice, own: saved, personal, refreshUserIds }), onlyForActor: true };
  }

  /** The card as this person sees it: Teams asks for it on its own (refresh) or through "Show my answers". */
  async view(turn: Turn, data: Data): Promise<ActionOutcome> {
    const loaded = await this.load(turn, data, { allowClosed: true });
    const optOut = turn.conversation.kind === 'personal' ? await this.deps.repository.optOut(loaded.schedule.id, turn.actor.userKey) : undefined;
    return { update: await this.ownView(turn, loaded, '', optOut !== undefined && optOut.until === undefined), onlyForActor: true };
  }

  async snooze(turn: Turn, data: Data): Promise<ActionOutcome> {
    const weeks = Number(data.weeks) === 2 ? 2 : 1;
    const loaded = await this.load(turn, data, { allowClosed: true });
    const until = new Date(turn.now.getTime() + weeks * week);
    await this.deps.repository.setOptOut(turn.actor.userKey, { scheduleId: loaded.schedule.id, until: until.toISOString() });
    const notice = turn.t('checkins.question.snoozed', { date: formatDate(localDateOf(until, this.reader(turn).timeZone), turn.locale) });
    return { update: await this.ownView(turn, loaded, notice, false), onlyForActor: true };
  }

  /** Respected at once: anything already planned for this person is cancelled, and checked again when it comes up. */
  async stop(turn: Turn, data: Data): Promise<ActionOutcome> {
    const loaded = await this.load(turn, data, { allowClosed: true });
    await this.deps.repository.setOptOut(turn.actor.userKey, { scheduleId: loaded.schedule.id, until: undefined });
    for (const occurrenceId of loaded.schedule.occurrenceIds) {
      await this.deps.queue.cancelPending(deliveryKeys.ask(occurrenceId), turn.actor.userKey);
      await this.deps.queue.cancelPending(deliveryKeys.nudge(occurrenceId), turn.actor.userKey);
    }
    return { update: await this.ownView(turn, loaded, turn.t('checkins.question.stopped'), true), onlyForActor: true };
  }

  async optIn(turn: Turn, data: Data): Promise<ActionOutcome> {
    const loaded = await this.load(turn, data, { allowClosed: true });
    await this.deps.repository.clearOptOut(loaded.schedule.id, turn.actor.userKey);
    return { update: await this.ownView(turn, loaded, turn.t('checkins.question.startedAgain'), false), onlyForActor: true };
  }

  /** Answers within one refresh window update the owner's summary card once, at the end of the window. */
  private async requestRefresh(schedule: CheckinSchedule, occurrence: CheckinOccurrence, now: Date): Promise<void> {
    const every = this.deps.refreshEveryMs ?? 5_000;
    const bucket = Math.floor(now.getTime() / every);
    await this.deps.queue.enqueue([
      {
        occurrenceKey: deliveryKeys.refresh(occurrence.id, bucket),
        recipientKey: schedule.ownerKey,
        kind: deliveryKinds.refresh,
        tenantId: schedule.tenantId,
        destination: { userKey: schedule.ownerKey },
        payload: { occurrenceId: occurrence.id },
        dueAt: new Date((bucket + 1) * every),
      },
    ]);
  }

  private async ownView(turn: Turn, loaded: Loaded, notice: string, stopped: boolean): Promise<NonNullable<ActionOutcome['update']>> {
    const { schedule, occurrence, set, collection } = loaded;
    const open = this.isOpen(collection, occurrence, turn.now);
    const own = await this.deps.collections.ownAnswers(collection, turn.actor.userKey);
    const refreshUserIds = refreshUserIdsOf(schedule, turn.actor.userKey);
    return questionView(schedule, occurrence, set, this.reader(turn), { open, notice, own, personal: turn.conversation.kind === 'personal', stopped, refreshUserIds });
  }

  private isOpen(collection: Collection, occurrence: CheckinOccurrence, now: Date): boolean {
    return collection.status === 'open' && !occurrence.closed && now.getTime() < Date.parse(occurrence.closesAt);
  }

  private async load(turn: Turn, data: Data, options: { readonly allowClosed?: boolean } = {}): Promise<Loaded> {
    const occurrenceId = typeof data.occurrence === 'string' ? data.occurrence : '';
    const occurrence = await this.deps.repository.occurrence(occurrenceId);
    const schedule = (await this.deps.repository.schedule(scheduleIdOf(occurrenceId)))?.schedule;
    if (!occurrence?.collectionId || !schedule) throw new UserFacingError('checkins.errors.gone');
    // Card data says nothing trustworthy about where it came from: a channel card is answered in its channel, a 1:1 card 1:1.
    const rightPlace = schedule.audience === 'channel' ? turn.conversation.key === schedule.conversationKey : turn.conversation.kind === 'personal';
    if (turn.actor.tenantId !== schedule.tenantId || !rightPlace) throw new UserFacingError('checkins.errors.wrongPlace');
    const collection = await this.deps.collections.get(occurrence.collectionId);
    if (!options.allowClosed && collection.status !== 'open') throw new UserFacingError('collect.errors.closed');
    return { schedule, occurrence, set: questionSetOf(this.deps, schedule), collection };
  }

  private reader(turn: Turn): Reader {
    return { t: turn.t, locale: turn.locale, timeZone: turn.timeZone ?? this.deps.fallbackTimeZone ?? 'UTC', now: turn.now };
  }
}
