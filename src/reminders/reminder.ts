import type { Weekday } from '../schedules/recurrence';

/** A person's own practice reminder: on chosen days at a local time in their zone. */
export interface PracticeReminder {
  readonly userKey: string;
  readonly tenantId: string;
  readonly days: readonly Weekday[];
  readonly localTime: string;
  /** The zone when it was set; the person's latest zone from Teams wins when known. */
  readonly timeZone: string;
  readonly status: 'active' | 'stopped';
  readonly snoozedUntil: string | undefined;
  /** The planner's cursor: the last reminder instant planned. */
  readonly plannedThrough: string;
  readonly createdAt: string;
}

export const reminderKind = 'reminder.nudge';
export const reminderOccurrenceKey = (userKey: string, date: string, localTime: string): string => `reminder:${userKey}:${date}T${localTime}`;
