import { DateTime } from 'luxon';
import type { Attendance } from './meeting';

/** A little after the end, so the person is back at their desk and late participant events have arrived. */
export const afterEndMs = 2 * 60_000;
/** At most this many reflection cards for one person on one local day. */
export const maxReflectionsPerDay = 3;
const nightStartsHour = 21;
const morning = { hour: 7, minute: 30 };
const nightEndsHour = 7;

/** When the reflection card goes out: shortly after the end, or the next morning if that falls in the person's night. */
export function reflectionDueAt(endedAt: Date, timeZone: string): Date {
  const due = DateTime.fromMillis(endedAt.getTime() + afterEndMs, { zone: timeZone });
  if (due.hour >= nightEndsHour && due.hour < nightStartsHour) return due.toJSDate();
  const day = due.hour >= nightStartsHour ? due.plus({ days: 1 }) : due;
  return day.set({ ...morning, second: 0, millisecond: 0 }).toJSDate();
}

/** True when the person already has the day's share of reflection cards on that local day. */
export function dayIsFull(queued: readonly Attendance[], dueAt: Date, timeZone: string): boolean {
  const day = DateTime.fromJSDate(dueAt, { zone: timeZone }).toISODate();
  const sameDay = queued.filter((attendance) => attendance.reflectionDueAt && DateTime.fromISO(attendance.reflectionDueAt, { zone: timeZone }).toISODate() === day);
  return sameDay.length >= maxReflectionsPerDay;
}
