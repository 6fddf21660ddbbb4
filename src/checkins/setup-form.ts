import { isThemeId } from '../content/themes';
import { localDateOf, isCalendarDate, isLocalTime, isoWeekday } from '../schedules/calendar';
import { isKnownZone } from '../schedules/time-zones';
import { ruleProblems, weekdays, type Recurrence, type Weekday } from '../schedules/recurrence';
import { maxMinResponses, maxOpenHours, type Audience, type CheckinSettings } from './checkin';
import { customSetId, type QuestionSetCatalog } from './question-sets';

export const recurrenceChoices = ['once', 'daily', 'weekdays', 'weekly', 'biweekly'] as const;
export type RecurrenceChoice = (typeof recurrenceChoices)[number];

/** The form as the card shows it: every value as the input holds it. */
export interface SetupValues {
  readonly questionSet: string;
  readonly customTheme: string;
  readonly customScale: string;
  readonly customOpen: string;
  readonly audience: string;
  readonly recurrence: string;
  readonly days: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly time: string;
  readonly timeZone: string;
  readonly perRecipient: string;
  readonly skipWeekends: string;
  readonly anonymous: string;
  readonly minResponses: number;
  readonly openHours: number;
  readonly remind: string;
}

/** A parsed form, or the locale key of the first thing to fix (the card is shown again with it). */
export type SetupResult = { readonly settings: CheckinSettings } | { readonly problemKey: string; readonly values: SetupValues };

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '');
const flag = (value: unknown, fallback: boolean): boolean => (text(value) === '' ? fallback : text(value) === 'true');

/** The values a new schedule starts from: this week's set, weekly on today's weekday at 09:00 in the manager's zone. */
export function defaultValues(catalog: QuestionSetCatalog, timeZone: string, now: Date): SetupValues {
  const today = localDateOf(now, timeZone);
  return {
    questionSet: catalog.all[0]?.id ?? customSetId,
    customTheme: 'perspective',
    customScale: '',
    customOpen: '',
    audience: 'channel',
    recurrence: 'weekly',
    days: weekdays[isoWeekday(today) - 1] ?? 'mon',
    startDate: today,
    endDate: '',
    time: '09:00',
    timeZone,
    perRecipient: 'false',
    skipWeekends: 'false',
    anonymous: 'true',
    minResponses: 3,
    openHours: 24,
    remind: 'true',
  };
}

/** The form values as a schedule holds them, to edit it. */
export function valuesOf(settings: CheckinSettings): SetupValues {
  const { rule, recurrence } = { rule: settings.rule, recurrence: settings.rule.recurrence };
  return {
    questionSet: settings.questionSetId,
    customTheme: settings.custom?.theme ?? 'perspective',
    customScale: settings.custom?.scale ?? '',
    customOpen: settings.custom?.open ?? '',
    audience: settings.audience,
    recurrence: recurrence.kind === 'weekly' ? (recurrence.everyWeeks === 2 ? 'biweekly' : 'weekly') : recurrence.kind,
    days: recurrence.kind === 'weekly' ? recurrence.days.join(',') : '',
    startDate: rule.startDate,
    endDate: rule.endDate ?? '',
    time: rule.localTime,
    timeZone: rule.timeZone,
    perRecipient: String(settings.perRecipientTime),
    skipWeekends: String(rule.skipWeekends ?? false),
    anonymous: String(settings.anonymous),
    minResponses: settings.minResponses,
    openHours: settings.openHours,
    remind: String(settings.remind),
  };
}

/** The setup card's inputs (from the action data) as the form holds them, unchecked; what is missing keeps its default. */
export function readValues(data: Readonly<Record<string, unknown>>, defaults: SetupValues): SetupValues {
  return {
    ...defaults,
    ...Object.fromEntries(Object.keys(defaults).filter((key) => data[key] !== undefined).map((key) => [key, text(data[key])])),
    minResponses: Number(text(data.minResponses) || defaults.minResponses),
    openHours: Number(text(data.openHours) || defaults.openHours),
  };
}

/** Reads the setup card's inputs (from the action data) into settings. */
export function parseSetup(data: Readonly<Record<string, unknown>>, catalog: QuestionSetCatalog, defaults: SetupValues): SetupResult {
  const values = readValues(data, defaults);
  const problem = (problemKey: string): SetupResult => ({ problemKey: `checkins.setup.problems.${problemKey}`, values });

  const custom = values.questionSet === customSetId;
  if (!custom && !catalog.find(values.questionSet)) return problem('questionSet');
  if (custom && !values.customScale && !values.customOpen) return problem('custom');
  if (custom && !isThemeId(values.customTheme)) return problem('custom');
  if (values.audience !== 'channel' && values.audience !== 'members') return problem('audience');
  if (!isCalendarDate(values.startDate) || (values.endDate !== '' && !isCalendarDate(values.endDate))) return problem('date');
  if (!isLocalTime(values.time)) return problem('time');
  if (!isKnownZone(values.timeZone)) return problem('timeZone');
  if (!Number.isInteger(values.minResponses) || values.minResponses < 1 || values.minResponses > maxMinResponses) return problem('minResponses');
  if (!Number.isInteger(values.openHours) || values.openHours < 1 || values.openHours > maxOpenHours) return problem('openHours');
  const recurrence = recurrenceOf(values);
  if (!recurrence) return problem('days');

  const rule = {
    recurrence,
    startDate: values.startDate,
    endDate: values.endDate || undefined,
    localTime: values.time,
    timeZone: values.timeZone,
    skipWeekends: flag(values.skipWeekends, false),
  };
  if (ruleProblems(rule).length > 0) return problem('date');
  const audience: Audience = values.audience;
  return {
    settings: {
      questionSetId: values.questionSet,
      custom: custom && isThemeId(values.customTheme)
        ? { theme: values.customTheme, scale: values.customScale || undefined, open: values.customOpen || undefined }
        : undefined,
      audience,
      rule,
      perRecipientTime: audience === 'members' && flag(values.perRecipient, false),
      anonymous: flag(values.anonymous, true),
      minResponses: values.minResponses,
      openHours: values.openHours,
      remind: flag(values.remind, true),
    },
  };
}

function recurrenceOf(values: SetupValues): Recurrence | undefined {
  switch (values.recurrence as RecurrenceChoice) {
    case 'once':
      return { kind: 'once' };
    case 'daily':
      return { kind: 'daily' };
    case 'weekdays':
      return { kind: 'weekdays' };
    case 'weekly':
    case 'biweekly': {
      const chosen = values.days.split(',').map((day) => day.trim()).filter((day): day is Weekday => (weekdays as readonly string[]).includes(day));
      const days = chosen.length > 0 ? chosen : [weekdays[isoWeekday(values.startDate) - 1] ?? 'mon'];
      return { kind: 'weekly', days: [...new Set(days)], everyWeeks: values.recurrence === 'biweekly' ? 2 : 1 };
    }
    default:
      return undefined;
  }
}
