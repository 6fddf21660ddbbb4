import { DateTime } from 'luxon';
import type { ThemeId } from '../content/themes';
import type { ExerciseAttempt } from './attempts';

export const defaultTimeZone = 'Europe/Stockholm';

export interface ThemeProgress {
  readonly theme: ThemeId;
  /** Completed attempts in the theme, repeats included. */
  readonly count: number;
  /** Different exercises of the theme completed at least once; never more than `target`. */
  readonly distinct: number;
  /** The fixed target every bar is drawn against: the theme's exercises, each completed once. */
  readonly target: number;
  /** Mean self-rating (1–5) of the rated attempts, or undefined when none is rated. */
  readonly averageRating: number | undefined;
}

export interface Commitment {
  readonly text: string;
  /** yyyy-MM-dd in the learner's zone. */
  readonly date: string;
}

export interface ProgressSummary {
  /** Completed exercises: answered and saved. */
  readonly total: number;
  /** Answered, but the result card was never saved, so they do not count yet. */
  readonly unfinished: number;
  /** Days in a row with practice, ending today (or yesterday, while today is still open). */
  readonly streakDays: number;
  /** The most days in a row the learner has ever practised. */
  readonly longestStreakDays: number;
  readonly practisedToday: boolean;
  readonly themes: readonly ThemeProgress[];
  /** The latest "one thing I will do", newest first, at most five. */
  readonly commitments: readonly Commitment[];
}

/** How many exercises each theme has: the fixed target of its bar. */
export type ThemeTargets = ReadonlyMap<ThemeId, number>;

/**
 * A learner's practice, summarised in their own time zone; a pure function of the attempts and now. An attempt counts
 * once it is completed (saved on the result card), on the day it was saved; `otherPractice` (instants of role-play
 * meetings and meeting reflections) counts towards the streaks too.
 */
export function summariseProgress(
  attempts: readonly ExerciseAttempt[],
  themes: readonly ThemeId[],
  targets: ThemeTargets,
  now: Date,
  timeZone: string = defaultTimeZone,
  otherPractice: readonly string[] = [],
): ProgressSummary {
  const localDate = (iso: string): string => DateTime.fromISO(iso, { zone: timeZone }).toISODate() ?? '';
  const completed = attempts.filter((attempt) => attempt.ratedAt !== undefined);
  const days = new Set([...completed.map((attempt) => localDate(attempt.ratedAt ?? attempt.submittedAt)), ...otherPractice.map(localDate)]);
  const today = DateTime.fromJSDate(now, { zone: timeZone }).startOf('day');
  const start = days.has(today.toISODate() ?? '') ? today : today.minus({ days: 1 });
  return {
    total: completed.length,
    unfinished: attempts.length - completed.length,
    streakDays: runEndingAt(days, start),
    longestStreakDays: longestRun(days),
    practisedToday: days.has(today.toISODate() ?? ''),
    themes: themes.map((theme) => {
      const inTheme = completed.filter((attempt) => attempt.theme === theme);
      const ratings = inTheme.flatMap((attempt) => (attempt.rating === undefined ? [] : [attempt.rating]));
      const averageRating = ratings.length > 0 ? ratings.reduce((sum, value) => sum + value, 0) / ratings.length : undefined;
      const target = targets.get(theme) ?? 0;
      const distinct = Math.min(target, new Set(inTheme.map((attempt) => attempt.exerciseId)).size);
      return { theme, count: inTheme.length, distinct, target, averageRating };
    }),
    commitments: completed
      .flatMap((attempt) => (attempt.commitment ? [{ text: attempt.commitment, at: attempt.ratedAt ?? attempt.submittedAt }] : []))
      .sort((a, b) => b.at.localeCompare(a.at))
      .slice(0, 5)
      .map(({ text, at }) => ({ text, date: localDate(at) })),
  };
}

function runEndingAt(days: ReadonlySet<string>, last: DateTime): number {
  let run = 0;
  for (let cursor = last; days.has(cursor.toISODate() ?? ''); cursor = cursor.minus({ days: 1 })) run += 1;
  return run;
}

/** Days are yyyy-MM-dd, so each run is counted from its first day: a day whose day before is not in the set. */
function longestRun(days: ReadonlySet<string>): number {
  let longest = 0;
  for (const day of days) {
    const date = DateTime.fromISO(day);
    if (days.has(date.minus({ days: 1 }).toISODate() ?? '')) continue;
    let run = 0;
    for (let cursor = date; days.has(cursor.toISODate() ?? ''); cursor = cursor.plus({ days: 1 })) run += 1;
    longest = Math.max(longest, run);
  }
  return longest;
}
