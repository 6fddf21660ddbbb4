import { DateTime } from 'luxon';
import { addDays, isoWeekday, mondayOf, isCalendarDate, isLocalTime, isTimeZone } from './calendar';

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

/** How often something repeats; a one-off happens on the rule's start date only. */
export type Recurrence =
  | { readonly kind: 'once' }
  | { readonly kind: 'daily' }
  | { readonly kind: 'weekdays' }
  | { readonly kind: 'weekly'; readonly days: readonly Weekday[]; readonly everyWeeks: number };

/** When something happens: local dates from a start (to an optional last date), at a local time in an IANA zone. */
export interface ScheduleRule {
  readonly recurrence: Recurrence;
  /** yyyy-MM-dd in the rule's zone; weeks of "every N weeks" count from this date's week. */
  readonly startDate: string;
  /** yyyy-MM-dd, inclusive. */
  readonly endDate?: string | undefined;
  /** HH:mm on a 24-hour clock. */
  readonly localTime: string;
  readonly timeZone: string;
  readonly skipWeekends?: boolean | undefined;
}

/** One occurrence: the local calendar date it belongs to, and the instant it is due in the zone asked for. */
export interface Occurrence {
  readonly date: string;
  readonly at: Date;
}

export const maxEveryWeeks = 52;

/** What is wrong with a rule, in field: problem form; empty when it is usable. */
export function ruleProblems(rule: ScheduleRule): string[] {
  const problems: string[] = [];
  if (!isCalendarDate(rule.startDate)) problems.push(`startDate: "${rule.startDate}" is not a yyyy-MM-dd date`);
  if (rule.endDate !== undefined && !isCalendarDate(rule.endDate)) problems.push(`endDate: "${rule.endDate}" is not a yyyy-MM-dd date`);
  if (rule.endDate !== undefined && rule.endDate < rule.startDate) problems.push('endDate: is before startDate');
  if (!isLocalTime(rule.localTime)) problems.push(`localTime: "${rule.localTime}" is not HH:mm`);
  if (!isTimeZone(rule.timeZone)) problems.push(`timeZone: "${rule.timeZone}" is not an IANA time zone`);
  const { recurrence } = rule;
  if (recurrence.kind === 'weekly') {
    if (recurrence.days.length === 0) problems.push('recurrence.days: choose at least one day');
    if (!Number.isInteger(recurrence.everyWeeks) || recurrence.everyWeeks < 1 || recurrence.everyWeeks > maxEveryWeeks) {
      problems.push(`recurrence.everyWeeks: must be a whole number from 1 to ${maxEveryWeeks}`);
    }
  }
  return problems;
}

/** Whether the rule has an occurrence on this local date (ignoring the time of day). */
export function occursOn(rule: ScheduleRule, date: string): boolean {
  if (date < rule.startDate || (rule.endDate !== undefined && date > rule.endDate)) return false;
  const weekday = isoWeekday(date);
  if (rule.skipWeekends && weekday >= 6) return false;
  const { recurrence } = rule;
  switch (recurrence.kind) {
    case 'once':
      return date === rule.startDate;
    case 'daily':
      return true;
    case 'weekdays':
      return weekday <= 5;
    case 'weekly': {
      const dayName = weekdays[weekday - 1];
      if (dayName === undefined || !recurrence.days.includes(dayName)) return false;
      const weeksSinceStart = Math.round(DateTime.fromISO(mondayOf(date), { zone: 'utc' }).diff(DateTime.fromISO(mondayOf(rule.startDate), { zone: 'utc' }), 'weeks').weeks);
      return weeksSinceStart % recurrence.everyWeeks === 0;
    }
  }
}

/**
 * The instant a local date and time happen in a zone. A time the clocks skip (spring forward) moves forward by the
 * gap; a time that happens twice (fall back) is the first of the two, when the person's clock first shows it.
 */
export function localInstant(date: string, localTime: string, timeZone: string): Date {
  const [hour = 0, minute = 0] = localTime.split(':').map(Number);
  const [year, month, day] = date.split('-').map(Number);
  const wall = { year, month, day, hour, minute };
  const resolved = DateTime.fromObject(wall, { zone: timeZone });
  // luxon resolves an ambiguous time to the later instant; the earlier one has the offset from before the change.
  const earlierOffset = resolved.minus({ hours: 3 }).offset;
  if (earlierOffset !== resolved.offset) {
    const earlier = DateTime.fromObject(wall, { zone: `UTC${formatOffset(earlierOffset)}` });
    const back = earlier.setZone(timeZone);
    if (earlier < resolved && back.hour === hour && back.minute === minute && back.day === day) return earlier.toJSDate();
  }
  return resolved.toJSDate();
}

/**
 * The first occurrence strictly after `after`, with its instant in `zone` (the rule's zone unless a recipient has
 * their own), or undefined when the rule has ended. Pure: the same arguments always give the same answer.
 */
export function nextOccurrence(rule: ScheduleRule, after: Date, zone: string = rule.timeZone): Occurrence | undefined {
  const localToday = DateTime.fromJSDate(after, { zone }).toISODate() ?? rule.startDate;
  let date = maxDate(rule.startDate, localToday);
  const horizon = 7 * (rule.recurrence.kind === 'weekly' ? rule.recurrence.everyWeeks : 1) + 9;
  for (let step = 0; step < horizon; step += 1, date = addDays(date, 1)) {
    if (rule.endDate !== undefined && date > rule.endDate) return undefined;
    if (!occursOn(rule, date)) continue;
    const at = localInstant(date, rule.localTime, zone);
    if (at.getTime() > after.getTime()) return { date, at };
  }
  return undefined;
}

/** Occurrences from `after` (exclusive) up to `until` (inclusive), at most `limit` of them. */
export function occurrencesBetween(rule: ScheduleRule, after: Date, until: Date, limit: number): Occurrence[] {
  const found: Occurrence[] = [];
  let cursor = after;
  while (found.length < limit) {
    const next = nextOccurrence(rule, cursor);
    if (!next || next.at.getTime() > until.getTime()) break;
    found.push(next);
    cursor = next.at;
  }
  return found;
}

function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const absolute = Math.abs(minutes);
  return `${sign}${Math.floor(absolute / 60)}${absolute % 60 === 0 ? '' : `:${String(absolute % 60).padStart(2, '0')}`}`;
}
