import type { Locale } from '../core/locale';
import type { Translate } from '../core/translator';
import type { ScheduleRule } from './recurrence';

const intlLocale = (locale: Locale): string => (locale === 'sv' ? 'sv-SE' : 'en-GB');

/** "Fri 13 Mar, 15:00" in the reader's zone and language. */
export function formatInstant(instant: Date, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone }).format(instant);
}

/** "13 Mar 2026" for a local calendar date. */
export function formatDate(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

/** A rule in words, e.g. "every 2 weeks on Tue, Thu at 09:00 (Europe/Stockholm), from 2 Mar 2026"; keys in checkins.rule.* (shared with reminders). */
export function describeRule(rule: ScheduleRule, t: Translate, locale: Locale): string {
  const { recurrence } = rule;
  const days = recurrence.kind === 'weekly' ? recurrence.days.map((day) => t(`checkins.rule.days.${day}`)).join(', ') : '';
  const pattern =
    recurrence.kind === 'once'
      ? t('checkins.rule.pattern.once', { date: formatDate(rule.startDate, locale) })
      : recurrence.kind === 'weekly'
        ? recurrence.everyWeeks === 1
          ? t('checkins.rule.pattern.weekly', { days })
          : t('checkins.rule.pattern.everyWeeks', { weeks: recurrence.everyWeeks, days })
        : t(`checkins.rule.pattern.${recurrence.kind}`);
  const parts = [t('checkins.rule.at', { pattern, time: rule.localTime, zone: rule.timeZone })];
  if (recurrence.kind !== 'once') parts.push(t('checkins.rule.from', { date: formatDate(rule.startDate, locale) }));
  if (rule.endDate) parts.push(t('checkins.rule.until', { date: formatDate(rule.endDate, locale) }));
  if (rule.skipWeekends && recurrence.kind !== 'weekdays') parts.push(t('checkins.rule.skipWeekends'));
  return parts.join(', ');
}
