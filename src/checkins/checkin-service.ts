import type { CardView } from '../cards/card-view';
import { userKeyOf } from '../core/keys';
import { UserFacingError } from '../core/errors';
import { cardReply, textReply, type ActionOutcome, type Reply } from '../core/reply';
import type { ConversationMember, Turn } from '../core/turn';
import type { FileExport } from '../exports/file-export';
import { formatInstant } from '../schedules/describe';
import { nextOccurrence } from '../schedules/recurrence';
import type { CheckinSchedule } from './checkin';
import { questionSetOf, type CheckinDependencies } from './checkin-context';
import { CheckinExports } from './checkin-exports';
import { newScheduleId } from './checkin-repository';
import { listView, setTitle, type Reader } from './checkin-views';
import { setupView } from './setup-view';
import { defaultValues, parseSetup, readValues, valuesOf } from './setup-form';

type Data = Readonly<Record<string, unknown>>;
const scheduleIdIn = (data: Data): string => (typeof data.schedule === 'string' ? data.schedule : '');

/** Scheduling, listing, pausing, editing, exporting and deleting a manager's check-ins. */
export class CheckinService {
  private readonly exports: CheckinExports;

  constructor(private readonly deps: CheckinDependencies) {
    this.exports = new CheckinExports(deps);
  }

  async openSetup(turn: Turn): Promise<readonly Reply[]> {
    this.assertMaySchedule(turn);
    const values = defaultValues(this.deps.catalog, this.zoneOf(turn), turn.now);
    return [cardReply(setupView(values, '', '', this.deps.catalog, this.deps.themes, this.reader(turn)))];
  }

  async create(turn: Turn, data: Data): Promise<ActionOutcome> {
    this.assertMaySchedule(turn);
    const defaults = defaultValues(this.deps.catalog, this.zoneOf(turn), turn.now);
    const parsed = parseSetup(data, this.deps.catalog, defaults);
    if ('problemKey' in parsed) return { update: setupView(parsed.values, '', parsed.problemKey, this.deps.catalog, this.deps.themes, this.reader(turn)) };
    const members = await this.membersFor(turn, parsed.settings.audience);
    const schedule: CheckinSchedule = {
      ...parsed.settings,
      id: newScheduleId(),
      ownerKey: turn.actor.userKey,
      ownerName: turn.actor.displayName,
      tenantId: turn.actor.tenantId,
      conversationKey: turn.conversation.key,
      conversationKind: turn.conversation.kind,
      locale: turn.locale,
      members,
      status: 'active',
      plannedThrough: turn.now.toISOString(),
      occurrenceIds: [],
      createdAt: turn.now.toISOString(),
    };
    await this.deps.repository.createSchedule(schedule);
    return { update: await this.listCard(turn, this.scheduledNotice(turn, schedule)) };
  }

  async list(turn: Turn): Promise<readonly Reply[]> {
    return [cardReply(await this.listCard(turn, ''))];
  }

  async setStatus(turn: Turn, data: Data, status: CheckinSchedule['status']): Promise<ActionOutcome> {
    const schedule = await this.deps.repository.changeSchedule(scheduleIdIn(data), turn.actor.userKey, (current) => ({
      ...current,
      status,
      // Resuming starts from now: occurrences that fell in the pause are not sent late.
      plannedThrough: status === 'active' && current.status === 'paused' ? turn.now.toISOString() : current.plannedThrough,
    }));
    const notice = turn.t(status === 'paused' ? 'checkins.list.paused' : 'checkins.list.resumed', { title: this.titleOf(schedule, turn) });
    return { update: await this.listCard(turn, notice) };
  }

  async edit(turn: Turn, data: Data): Promise<ActionOutcome> {
    const current = await this.deps.repository.schedule(scheduleIdIn(data));
    if (!current || current.schedule.ownerKey !== turn.actor.userKey) throw new UserFacingError('checkins.errors.notYours');
    const view = setupView(valuesOf(current.schedule), current.schedule.id, '', this.deps.catalog, this.deps.themes, this.reader(turn));
    return { update: view };
  }

  /** "Show these questions": the same form, as filled in so far, with the chosen set's questions. Nothing is saved. */
  async preview(turn: Turn, data: Data): Promise<ActionOutcome> {
    const scheduleId = scheduleIdIn(data);
    const current = scheduleId ? await this.deps.repository.schedule(scheduleId) : undefined;
    if (scheduleId && current?.schedule.ownerKey !== turn.actor.userKey) throw new UserFacingError('checkins.errors.notYours');
    if (!current) this.assertMaySchedule(turn);
    const defaults = current ? valuesOf(current.schedule) : defaultValues(this.deps.catalog, this.zoneOf(turn), turn.now);
    return { update: setupView(readValues(data, defaults), current?.schedule.id ?? '', '', this.deps.catalog, this.deps.themes, this.reader(turn)) };
  }

  async save(turn: Turn, data: Data): Promise<ActionOutcome> {
    const current = await this.deps.repository.schedule(scheduleIdIn(data));
    if (!current || current.schedule.ownerKey !== turn.actor.userKey) throw new UserFacingError('checkins.errors.notYours');
    const parsed = parseSetup(data, this.deps.catalog, valuesOf(current.schedule));
    if ('problemKey' in parsed) {
      return { update: setupView(parsed.values, current.schedule.id, parsed.problemKey, this.deps.catalog, this.deps.themes, this.reader(turn)) };
    }
    const members = turn.conversation.key === current.schedule.conversationKey ? await this.membersFor(turn, parsed.settings.audience) : current.schedule.members;
    const schedule = await this.deps.repository.changeSchedule(current.schedule.id, turn.actor.userKey, (latest) => ({ ...latest, ...parsed.settings, members }));
    return { update: await this.listCard(turn, this.scheduledNotice(turn, schedule)) };
  }

  async remove(turn: Turn, data: Data): Promise<ActionOutcome> {
    const current = await this.deps.repository.schedule(scheduleIdIn(data));
    if (!current || current.schedule.ownerKey !== turn.actor.userKey) throw new UserFacingError('checkins.errors.notYours');
    await this.deps.repository.removeSchedule(current.schedule.id);
    // Messages already planned are cancelled when they come up (the schedule is gone); these go at once.
    for (const occurrenceId of current.schedule.occurrenceIds) {
      await this.deps.queue.cancelPending(`checkin:${occurrenceId}`);
      await this.deps.queue.cancelPending(`checkin-nudge:${occurrenceId}`);
    }
    return { update: await this.listCard(turn, turn.t('checkins.list.deleted', { title: this.titleOf(current.schedule, turn) })) };
  }

  /** The CSV as a file offered in the owner's 1:1 chat; from a channel or group chat only a line saying so stays there. */
  async exportFromCard(turn: Turn, data: Data): Promise<ActionOutcome> {
    const current = await this.deps.repository.schedule(scheduleIdIn(data));
    if (!current || current.schedule.ownerKey !== turn.actor.userKey) throw new UserFacingError('checkins.errors.notYours');
    return { replies: await this.deps.exports.offer(turn, [await this.exports.exportFile(current.schedule, this.reader(turn))]) };
  }

  async exportAll(turn: Turn): Promise<readonly Reply[]> {
    const schedules = await this.deps.repository.schedulesOwnedBy(turn.actor.userKey);
    if (schedules.length === 0) return [textReply(turn.t('checkins.list.empty'))];
    const reader = this.reader(turn);
    const files: FileExport[] = [];
    for (const schedule of schedules) files.push(await this.exports.exportFile(schedule, reader));
    return this.deps.exports.offer(turn, files);
  }

  private async listCard(turn: Turn, notice: string): Promise<CardView> {
    const schedules = await this.deps.repository.schedulesOwnedBy(turn.actor.userKey);
    return listView(schedules, (schedule) => this.titleOf(schedule, turn), this.reader(turn), turn.now, notice, turn.conversation.kind);
  }

  /** The roster: needed to ask members 1:1; for a channel post it only gives the response rate, so a failed call costs just that. */
  private async membersFor(turn: Turn, audience: CheckinSchedule['audience']): Promise<readonly ConversationMember[]> {
    if (audience === 'members') return turn.members();
    try {
      return await turn.members();
    } catch (error) {
      this.deps.logger.warn({ err: error, conversationKey: turn.conversation.key }, 'could not read the roster; the response rate will be missing');
      return [];
    }
  }

  private scheduledNotice(turn: Turn, schedule: CheckinSchedule): string {
    const next = nextOccurrence(schedule.rule, turn.now);
    const title = this.titleOf(schedule, turn);
    if (!next) return turn.t('checkins.list.savedNoNext', { title });
    return turn.t('checkins.list.saved', { title, next: formatInstant(next.at, this.zoneOf(turn), turn.locale) });
  }

  private titleOf(schedule: CheckinSchedule, turn: Turn): string {
    try {
      return setTitle(questionSetOf(this.deps, schedule), this.reader(turn));
    } catch {
      return turn.t('checkins.errors.setGone');
    }
  }

  private assertMaySchedule(turn: Turn): void {
    const { schedulers } = this.deps;
    if (schedulers.length === 0) return;
    if (!schedulers.some((objectId) => userKeyOf(turn.actor.tenantId, objectId) === turn.actor.userKey)) throw new UserFacingError('checkins.errors.notAllowed');
  }

  private zoneOf(turn: Turn): string {
    return turn.timeZone ?? this.deps.fallbackTimeZone ?? 'UTC';
  }

  private reader(turn: Turn): Reader {
    return { t: turn.t, locale: turn.locale, timeZone: this.zoneOf(turn), now: turn.now };
  }
}
