import { DateTime } from 'luxon';
import type { ThemeId } from '../content/themes';
import type { ExerciseAttempt } from './attempts';

export const defaultTimeZone = 'Europe/Stockholm';

export interface ThemeProgress {
  readonly theme: ThemeId;
  readonly count: number;
  /** Mean self-rating (1–5) of the rated attempts, or undefined when none is rated. */
  readonly averageRating: number | undefined;
}

export interface Commitment {
  readonly text: string;
  /** yyyy-MM-dd in the learner's zone. */
  readonly date: string;
}

export interface ProgressSummary {
  readonly total: number;
  /** Days in a row with practice, ending today (or yesterday, while today is still open). */
  readonly streakDays: number;
  readonly practisedToday: boolean;
  readonly themes: readonly ThemeProgress[];
  /** The latest "one thing I will do", newest first, at most five. */
  readonly commitments: readonly Commitment[];
}

/** A learner's practice, summarised in their own time zone; a pure function of the attempts and now. */
export function summariseProgress(
  attempts: readonly ExerciseAttempt[],
  themes: readonly ThemeId[],
  now: Date,
  timeZone: string = defaultTimeZone,
): ProgressSummary {
  const localDate = (iso: string): string => DateTime.fromISO(iso, { zone: timeZone }).toISODate() ?? '';
  const days = new Set(attempts.map((attempt) => localDate(attempt.submittedAt)));
  const today = DateTime.fromJSDate(now, { zone: timeZone }).startOf('day');
  let cursor = days.has(today.toISODate() ?? '') ? today : today.minus({ days: 1 });
  let streakDays = 0;
  while (days.has(cursor.toISODate() ?? '')) {
    streakDays += 1;
    cursor = cursor.minus({ days: 1 });
  }
  return {
    total: attempts.length,
    streakDays,
    practisedToday: days.has(today.toISODate() ?? ''),
    themes: themes.map((theme) => {
      const inTheme = attempts.filter((attempt) => attempt.theme === theme);
      const ratings = inTheme.flatMap((attempt) => (attempt.rating === undefined ? [] : [attempt.rating]));
      const averageRating = ratings.length > 0 ? ratings.reduce((sum, value) => sum + value, 0) / ratings.length : undefined;
      return { theme, count: inTheme.length, averageRating };
    }),
    commitments: attempts
      .flatMap((attempt) => (attempt.commitment ? [{ text: attempt.commitment, at: attempt.ratedAt ?? attempt.submittedAt }] : []))
      .sort((a, b) => b.at.localeCompare(a.at))
      .slice(0, 5)
      .map(({ text, at }) => ({ text, date: localDate(at) })),
  };
}

