import { DateTime } from 'luxon';
import { isCalendarDate, isLocalTime } from '../schedules/calendar';
import { answerRatings, reflectionQuestions, type FollowUp, type ReflectionAnswer, type ReflectionQuestionId } from './meeting';
import type { ReflectionInput } from './meeting-views';

const maxFollowUpChars = 300;
const defaultTime = '09:00';

export type CheckedReflection =
  | { readonly ok: true; readonly answers: Record<ReflectionQuestionId, ReflectionAnswer>; readonly followUp: FollowUp | undefined }
  | { readonly ok: false; readonly problemKey: string };

const stringOf = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
const isAnswer = (value: string): value is ReflectionAnswer => Object.hasOwn(answerRatings, value);

/** What the card sent, as text, for showing the form again. */
export function inputOf(data: Readonly<Record<string, unknown>>): ReflectionInput {
  return {
    answers: Object.fromEntries(reflectionQuestions.map((question) => [question.id, stringOf(data[question.id])])),
    followUp: stringOf(data.followUpText),
    date: stringOf(data.followUpDate),
    time: stringOf(data.followUpTime).slice(0, 5),
  };
}

/** Every question needs its tap; a date or time needs the follow-up's words and must lie ahead, in the person's zone. */
export function checkReflection(input: ReflectionInput, now: Date, timeZone: string): CheckedReflection {
  const answers: Partial<Record<ReflectionQuestionId, ReflectionAnswer>> = {};
  for (const question of reflectionQuestions) {
    const answer = input.answers[question.id] ?? '';
    if (!isAnswer(answer)) return { ok: false, problemKey: 'meetings.problems.unanswered' };
    answers[question.id] = answer;
  }
  const complete = answers as Record<ReflectionQuestionId, ReflectionAnswer>;
  if (input.followUp.length > maxFollowUpChars) return { ok: false, problemKey: 'meetings.problems.tooLong' };
  if (!input.followUp) return input.date || input.time ? { ok: false, problemKey: 'meetings.problems.whatToFollowUp' } : { ok: true, answers: complete, followUp: undefined };
  if (!input.date) return input.time ? { ok: false, problemKey: 'meetings.problems.badTime' } : { ok: true, answers: complete, followUp: { text: input.followUp, timeZone } };
  const time = input.time || defaultTime;
  if (!isCalendarDate(input.date) || !isLocalTime(time)) return { ok: false, problemKey: 'meetings.problems.badTime' };
  const remindAt = DateTime.fromISO(`${input.date}T${time}`, { zone: timeZone });
  if (!remindAt.isValid || remindAt.toMillis() <= now.getTime()) return { ok: false, problemKey: 'meetings.problems.pastTime' };
  return { ok: true, answers: complete, followUp: { text: input.followUp, remindAt: remindAt.toUTC().toISO() ?? '', timeZone } };
}

/** Self-ratings per theme for the spaced pick: yes 5, partly 3, not really 1. */
export function ratingsOf(answers: Readonly<Record<ReflectionQuestionId, ReflectionAnswer>>): Record<string, number> {
  return Object.fromEntries(reflectionQuestions.map((question) => [question.theme, answerRatings[answers[question.id]]]));
}
