import type { ThemeId } from '../content/themes';
import type { ThemeChecks } from './roleplay-practice';

/** What the rules need to know about one past attempt. */
export interface PracticeEvent {
  readonly exerciseId: string;
  readonly theme: ThemeId;
  readonly at: Date;
  readonly rating?: number | undefined;
  /** A self-rating from outside the exercises (after a meeting): it weighs by its rating, not as practice done. */
  readonly ratingOnly?: boolean;
}

/** An exercise as the rotation sees it. */
export interface RotationCandidate {
  readonly id: string;
  readonly difficulty: number;
}

const dayMs = 24 * 60 * 60 * 1000;
/** Days since last practice stop counting after this, so a never-practised theme is simply "long ago". */
export const recencyCapDays = 30;
/** How many days one point of self-rating below 5 is worth. */
export const ratingWeightDays = 2;
/** Only the latest ratings count, so a theme stops being "weak" once the learner improves. */
export const recentRatings = 3;
const neutralRating = 3;
/** How many days a theme is worth when every role-play check in it was missed; half missed, half as many. */
export const roleplayMissWeightDays = 10;

/**
 * The next exercise of a theme: one done the fewest times (so nothing repeats until all are done),
 * then the one done longest ago, then the easiest, then content order.
 */
export function nextExercise<T extends RotationCandidate>(exercises: readonly T[], history: readonly PracticeEvent[]): T | undefined {
  const stats = exercises.map((exercise, index) => {
    const done = history.filter((event) => event.exerciseId === exercise.id);
    const last = Math.max(-Infinity, ...done.map((event) => event.at.getTime()));
    return { exercise, index, count: done.length, last };
  });
  const fewest = Math.min(...stats.map((stat) => stat.count));
  return stats
    .filter((stat) => stat.count === fewest)
    .sort((a, b) => a.last - b.last || a.exercise.difficulty - b.exercise.difficulty || a.index - b.index)[0]?.exercise;
}

/**
 * How much a theme needs practice now: days since last practice (capped), a weight for low recent self-ratings,
 * and a weight for the share of its role-play checks that were missed.
 */
export function themePriority(theme: ThemeId, history: readonly PracticeEvent[], now: Date, roleplay: readonly ThemeChecks[] = []): number {
  const events = history.filter((event) => event.theme === theme).sort((a, b) => a.at.getTime() - b.at.getTime());
  const last = events.filter((event) => !event.ratingOnly).at(-1);
  const days = last ? Math.min(recencyCapDays, Math.max(0, (now.getTime() - last.at.getTime()) / dayMs)) : recencyCapDays;
  const ratings = events.flatMap((event) => (event.rating === undefined ? [] : [event.rating])).slice(-recentRatings);
  const rating = ratings.length > 0 ? ratings.reduce((sum, value) => sum + value, 0) / ratings.length : neutralRating;
  const checks = roleplay.find((item) => item.theme === theme);
  const missed = checks && checks.judged > 0 ? (checks.judged - checks.met) / checks.judged : 0;
  return days + ratingWeightDays * (5 - rating) + roleplayMissWeightDays * missed;
}

/** The theme the automatic pick goes to: the highest priority, ties in programme order. */
export function pickTheme(themes: readonly ThemeId[], history: readonly PracticeEvent[], now: Date, roleplay: readonly ThemeChecks[] = []): ThemeId | undefined {
  let best: { theme: ThemeId; priority: number } | undefined;
  for (const theme of themes) {
    const priority = themePriority(theme, history, now, roleplay);
    if (!best || priority > best.priority) best = { theme, priority };
  }
  return best?.theme;
}
