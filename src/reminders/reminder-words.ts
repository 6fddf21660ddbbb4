import { isLocalTime } from '../schedules/calendar';
import { weekdays, type Weekday } from '../schedules/recurrence';

const dayWords: Readonly<Record<string, readonly Weekday[]>> = {
  ...Object.fromEntries(weekdays.map((day) => [day, [day]])),
  monday: ['mon'], tuesday: ['tue'], wednesday: ['wed'], thursday: ['thu'], friday: ['fri'], saturday: ['sat'], sunday: ['sun'],
  mån: ['mon'], tis: ['tue'], ons: ['wed'], tor: ['thu'], fre: ['fri'], lör: ['sat'], sön: ['sun'],
  måndag: ['mon'], tisdag: ['tue'], onsdag: ['wed'], torsdag: ['thu'], fredag: ['fri'], lördag: ['sat'], söndag: ['sun'],
  weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'], vardagar: ['mon', 'tue', 'wed', 'thu', 'fri'],
  daily: [...weekdays], everyday: [...weekdays], dagligen: [...weekdays],
};

/** Days and a time read from "remind me to practise mon wed 08:30" or "påminn mig vardagar 7.45"; parts may be missing. */
export function parseReminderWords(argument: string): { readonly days: Weekday[]; readonly time: string | undefined } {
  const words = argument.toLowerCase().replace(/every day|varje dag/g, 'daily').split(/[\s,]+/).filter(Boolean);
  const days = new Set<Weekday>();
  let time: string | undefined;
  for (const word of words) {
    const clock = /^(\d{1,2})[:.](\d{2})$/.exec(word);
    if (clock) {
      const candidate = `${(clock[1] ?? '').padStart(2, '0')}:${clock[2] ?? ''}`;
      if (isLocalTime(candidate)) time = candidate;
      continue;
    }
    for (const day of dayWords[word.replace(/s$/, '')] ?? dayWords[word] ?? []) days.add(day);
  }
  return { days: weekdays.filter((day) => days.has(day)), time };
}
