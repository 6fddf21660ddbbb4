import { DateTime } from 'luxon';

/** Local calendar dates as yyyy-MM-dd strings: date arithmetic without time zones or clocks. */
const day = (date: string): DateTime => DateTime.fromISO(date, { zone: 'utc' });

export function addDays(date: string, days: number): string {
  return day(date).plus({ days }).toISODate() ?? date;
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  return day(date).weekday;
}

export function mondayOf(date: string): string {
  return day(date).startOf('week').toISODate() ?? date;
}

/** The local date of an instant in a zone. */
export function localDateOf(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toISODate() ?? '';
}

export function isCalendarDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && day(value).isValid;
}

export function isLocalTime(value: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
}

export function isTimeZone(value: string): boolean {
  return value.length > 0 && DateTime.local({ zone: value }).isValid;
}
