import { cardView, type CardView } from '../cards/card-view';
import { cardReply, textReply, type ActionOutcome, type Reply } from '../core/reply';
import type { Turn } from '../core/turn';
import type { ThemeCatalog, ThemeId } from '../content/themes';
import type { Translator } from '../core/translator';
import type { DeliveryQueue } from '../delivery/delivery';
import type { UserSettingsRepository } from '../home/user-settings';
import type { Logger } from '../logger';
import { isLocalTime, localDateOf } from '../schedules/calendar';
import { describeRule, formatDate, formatInstant } from '../schedules/describe';
import { nextOccurrence, weekdays, type ScheduleRule, type Weekday } from '../schedules/recurrence';
import { reminderKind, type PracticeReminder } from './reminder';
import { reminderSetupCard } from './reminder-cards';
import type { ReminderRepository } from './reminder-repository';
import { parseReminderWords } from './reminder-words';

const day = 24 * 3_600_000;
const week = 7 * day;
const laterToday = 3 * 3_600_000;

export interface ReminderDependencies {
  readonly repository: ReminderRepository;
  readonly queue: DeliveryQueue;
  readonly settings: UserSettingsRepository;
  readonly translator: Translator;
  readonly themes: ThemeCatalog;
  /** Card verbs the bot has, so a nudge links into exercises or role-play only when they exist. */
  readonly availableVerbs: () => ReadonlySet<string>;
  /** The theme the person most needs to practise, so a nudge suggests it. */
  readonly neededTheme: (userKey: string, now: Date) => Promise<ThemeId>;
  readonly fallbackTimeZone: string;
  readonly logger: Logger;
}

/** The rule a reminder follows, in the zone given (the person's latest). */
export function reminderRule(reminder: PracticeReminder, timeZone: string = reminder.timeZone): ScheduleRule {
  return { recurrence: { kind: 'weekly', days: reminder.days, everyWeeks: 1 }, startDate: reminder.createdAt.slice(0, 10), localTime: reminder.localTime, timeZone };
}

/** Setting, snoozing and stopping one's own practice reminder. */
export class ReminderService {
  constructor(private readonly deps: ReminderDependencies) {}

  /** "remind me to practise mon wed 08:30" saves at once; anything less shows the card to finish it. */
  async fromCommand(turn: Turn, argument: string): Promise<readonly Reply[]> {
    const { days, time } = parseReminderWords(argument);
    if (days.length > 0 && time) return [textReply(await this.save(turn, days, time))];
    const current = (await this.deps.repository.get(turn.actor.userKey))?.reminder;
    const active = current?.status === 'active' ? current : undefined;
    return [cardReply(this.setupView(turn, days.length > 0 ? days : (active?.days ?? ['mon', 'wed', 'fri']), time ?? active?.localTime ?? '08:30', '', Boolean(active)))];
  }

  async saveFromCard(turn: Turn, data: Readonly<Record<string, unknown>>): Promise<ActionOutcome> {
    const days = (typeof data.days === 'string' ? data.days.split(',') : []).filter((day): day is Weekday => (weekdays as readonly string[]).includes(day));
    const time = typeof data.time === 'string' ? data.time.slice(0, 5) : '';
    if (days.length === 0 || !isLocalTime(time)) {
      return { update: this.setupView(turn, days, time, turn.t('reminders.setup.problem'), false) };
    }
    const notice = await this.save(turn, days, time);
    return { update: this.setupView(turn, days, time, notice, true) };
  }

  /** "Later today" and "tomorrow" send one more nudge then; "a week" pauses the schedule for seven days. */
  async snooze(turn: Turn, data: Readonly<Record<string, unknown>>): Promise<ActionOutcome> {
    const again = data.for === 'later' ? laterToday : data.for === 'tomorrow' ? day : undefined;
    if (again !== undefined) return this.nudgeAgain(turn, new Date(turn.now.getTime() + again));
    const until = new Date(turn.now.getTime() + week);
    const reminder = await this.deps.repository.change(turn.actor.userKey, (current) => ({ ...current, snoozedUntil: until.toISOString() }));
    if (!reminder) return { replies: [textReply(turn.t('reminders.none'))] };
    return { replies: [textReply(turn.t('reminders.snoozed', { date: formatDate(localDateOf(until, this.zoneOf(turn)), turn.locale) }))] };
  }

  private async nudgeAgain(turn: Turn, at: Date): Promise<ActionOutcome> {
    const current = await this.deps.repository.get(turn.actor.userKey);
    if (current?.reminder.status !== 'active') return { replies: [textReply(turn.t('reminders.none'))] };
    const { userKey, tenantId } = current.reminder;
    await this.deps.queue.enqueue([
      { occurrenceKey: `reminder:${userKey}:again:${at.toISOString()}`, recipientKey: userKey, kind: reminderKind, tenantId, destination: { userKey }, payload: { again: true }, dueAt: at },
    ]);
    return { replies: [textReply(turn.t('reminders.again', { time: formatInstant(at, this.zoneOf(turn), turn.locale) }))] };
  }

  async stop(turn: Turn): Promise<readonly Reply[]> {
    const reminder = await this.deps.repository.change(turn.actor.userKey, (current) => ({ ...current, status: 'stopped' }));
    return [textReply(turn.t(reminder ? 'reminders.stopped' : 'reminders.none'))];
  }

  private async save(turn: Turn, days: readonly Weekday[], localTime: string): Promise<string> {
    const { repository } = this.deps;
    const current = await repository.get(turn.actor.userKey);
    const reminder: PracticeReminder = {
      userKey: turn.actor.userKey,
      tenantId: turn.actor.tenantId,
      days,
      localTime,
      timeZone: this.zoneOf(turn),
      status: 'active',
      snoozedUntil: undefined,
      plannedThrough: turn.now.toISOString(),
      createdAt: current?.reminder.createdAt ?? turn.now.toISOString(),
    };
    // Reminders already planned for an old time see the change when they come up, and cancel themselves.
    await repository.save(reminder, current?.version ?? 0);
    const next = nextOccurrence(reminderRule(reminder), turn.now);
    return turn.t('reminders.saved', {
      rule: describeRule(reminderRule(reminder), turn.t, turn.locale),
      next: next ? formatInstant(next.at, reminder.timeZone, turn.locale) : '-',
    });
  }

  private setupView(turn: Turn, days: readonly Weekday[], time: string, notice: string, canStop: boolean): CardView {
    const { t } = turn;
    return cardView(reminderSetupCard, {
      title: t('reminders.setup.title'),
      intro: t('reminders.setup.intro', { zone: this.zoneOf(turn) }),
      notice,
      daysLabel: t('reminders.setup.days'),
      days: days.join(','),
      dayChoices: weekdays.map((day) => ({ title: t(`checkins.rule.days.${day}`), value: day })),
      timeLabel: t('reminders.setup.time'),
      time,
      saveTitle: t('reminders.setup.save'),
      canStop,
      stopTitle: t('reminders.setup.stop'),
    });
  }

  private zoneOf(turn: Turn): string {
    return turn.timeZone ?? this.deps.fallbackTimeZone;
  }
}
