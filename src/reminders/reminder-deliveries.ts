import { cardView } from '../cards/card-view';
import { cardReply } from '../core/reply';
import type { Delivery } from '../delivery/delivery';
import type { DeliveryHandler } from '../delivery/delivery-handler';
import type { Planner } from '../delivery/delivery-service';
import { isoWeekday } from '../schedules/calendar';
import { nextOccurrence, weekdays } from '../schedules/recurrence';
import { VersionConflictError } from '../storage/store';
import { reminderKind, reminderOccurrenceKey, type PracticeReminder } from './reminder';
import { reminderNudgeCard } from './reminder-cards';
import { reminderRule, type ReminderDependencies } from './reminder-service';

// Planned a little ahead, so the delivery is waiting in the queue when its minute comes.
const leadMs = 5 * 60_000;
const linkedVerbs = ['exercises.start', 'roleplay.picker'] as const;

/** Plans each active reminder's next nudge at the person's local time in their latest zone. */
export class ReminderPlanner implements Planner {
  readonly name = 'practice reminders';

  constructor(private readonly deps: ReminderDependencies) {}

  async plan(now: Date): Promise<number> {
    let added = 0;
    for (const { reminder, version } of await this.deps.repository.all()) {
      if (reminder.status !== 'active') continue;
      try {
        added += await this.planOne(reminder, version, now);
      } catch (error) {
        this.deps.logger.error({ err: error, userKey: reminder.userKey }, 'could not plan a practice reminder');
      }
    }
    return added;
  }

  private async planOne(reminder: PracticeReminder, version: number, now: Date): Promise<number> {
    const zone = (await this.deps.settings.get(reminder.userKey)).timeZone ?? reminder.timeZone;
    const next = nextOccurrence(reminderRule(reminder, zone), new Date(reminder.plannedThrough), zone);
    if (!next || next.at.getTime() - leadMs > now.getTime()) return 0;
    try {
      await this.deps.repository.save({ ...reminder, plannedThrough: next.at.toISOString() }, version);
    } catch (error) {
      if (error instanceof VersionConflictError) return 0;
      throw error;
    }
    return this.deps.queue.enqueue([
      {
        occurrenceKey: reminderOccurrenceKey(reminder.userKey, next.date, reminder.localTime),
        recipientKey: reminder.userKey,
        kind: reminderKind,
        tenantId: reminder.tenantId,
        destination: { userKey: reminder.userKey },
        payload: { date: next.date, localTime: reminder.localTime },
        dueAt: next.at,
      },
    ]);
  }
}

/** Renders the nudge at send time: cancelled if the person stopped, snoozed or changed the reminder since. */
export function reminderDeliveryHandler(deps: ReminderDependencies, clock: () => Date): DeliveryHandler {
  return {
    kind: reminderKind,
    prepare: async (delivery: Delivery) => {
      const reminder = (await deps.repository.get(delivery.recipientKey))?.reminder;
      const now = clock();
      if (!reminder || reminder.status !== 'active') return { kind: 'cancel', reason: 'stopped' };
      if (reminder.snoozedUntil && now.getTime() < Date.parse(reminder.snoozedUntil)) return { kind: 'cancel', reason: 'snoozed' };
      const date = typeof delivery.payload.date === 'string' ? delivery.payload.date : '';
      const weekday = weekdays[isoWeekday(date) - 1];
      const asked = delivery.payload.again === true;
      const changed = delivery.payload.localTime !== reminder.localTime || weekday === undefined || !reminder.days.includes(weekday);
      // A nudge the person asked for (later today, tomorrow) is not tied to the weekly days.
      if (!asked && changed) {
        return { kind: 'cancel', reason: 'reminder changed' };
      }
      const settings = await deps.settings.get(reminder.userKey);
      const locale = settings.locale ?? 'en';
      const t = deps.translator.forLocale(locale);
      const theme = await deps.neededTheme(reminder.userKey, now);
      const verbs = deps.availableVerbs();
      return {
        kind: 'send',
        replies: [
          cardReply(
            cardView(reminderNudgeCard, {
              title: t('reminders.nudge.title'),
              theme: deps.themes.text(theme, locale).name,
              suggestion: t(`reminders.suggestions.${theme}`),
              notice: '',
              buttons: linkedVerbs.filter((verb) => verbs.has(verb)).map((verb) => ({ title: t(`reminders.nudge.links.${verb.replace('.', '-')}`), verb })),
              laterTitle: t('reminders.nudge.later'),
              tomorrowTitle: t('reminders.nudge.tomorrow'),
              snoozeTitle: t('reminders.nudge.snooze'),
              stopTitle: t('reminders.nudge.stop'),
              active: true,
            }),
          ),
        ],
      };
    },
  };
}
