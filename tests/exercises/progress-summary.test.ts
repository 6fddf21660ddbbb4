import assert from 'node:assert/strict';
import type { ThemeId } from '../../src/content/themes';
import type { ExerciseAttempt } from '../../src/exercises/attempts';
import { textBar } from '../../src/cards/text-bar';
import { targetBars } from '../../src/cards/chart';
import { summariseProgress } from '../../src/exercises/progress-summary';

let counter = 0;
/** A completed attempt (saved on the result card a few minutes after the answer) unless `ratedAt` is overridden. */
const attempt = (submittedAt: string, theme: ThemeId, fields: Partial<ExerciseAttempt> = {}): ExerciseAttempt => {
  counter += 1;
  const ratedAt = new Date(new Date(submittedAt).getTime() + 5 * 60_000).toISOString();
  return { attemptId: `a${counter}`, exerciseId: `${theme}-x`, theme, locale: 'en', submittedAt, ratedAt, ...fields };
};
const unsaved = (submittedAt: string, theme: ThemeId): ExerciseAttempt => {
  counter += 1;
  return { attemptId: `a${counter}`, exerciseId: `${theme}-x`, theme, locale: 'en', submittedAt };
};
const themes: ThemeId[] = ['perspective', 'listen', 'trust'];
const targets = new Map<ThemeId, number>([['perspective', 4], ['listen', 4], ['trust', 3]]);

describe('progress summary', () => {
  it('when the learner practised three days in a row up to today, then the streak is three', () => {
    const attempts = [attempt('2025-03-08T09:00:00Z', 'listen'), attempt('2025-03-09T09:00:00Z', 'trust'), attempt('2025-03-10T09:00:00Z', 'trust')];
    const summary = summariseProgress(attempts, themes, targets, new Date('2025-03-10T20:00:00Z'), 'Europe/Stockholm');
    assert.equal(summary.streakDays, 3);
    assert.equal(summary.practisedToday, true);
  });

  it('when today has no practice yet, then the streak up to yesterday still counts', () => {
    const attempts = [attempt('2025-03-08T09:00:00Z', 'listen'), attempt('2025-03-09T09:00:00Z', 'trust')];
    const summary = summariseProgress(attempts, themes, targets, new Date('2025-03-10T09:00:00Z'), 'Europe/Stockholm');
    assert.equal(summary.streakDays, 2);
    assert.equal(summary.practisedToday, false);
  });

  it('when a day was missed, then the streak starts again but the longest streak is kept beside it', () => {
    const attempts = ['03', '04', '05', '06', '08', '10'].map((day) => attempt(`2025-03-${day}T09:00:00Z`, 'listen'));
    const summary = summariseProgress(attempts, themes, targets, new Date('2025-03-10T12:00:00Z'));
    assert.equal(summary.streakDays, 1);
    assert.equal(summary.longestStreakDays, 4);
    assert.equal(summariseProgress(attempts, themes, targets, new Date('2025-03-12T09:00:00Z')).streakDays, 0);
    assert.equal(summariseProgress([], themes, targets, new Date('2025-03-12T09:00:00Z')).longestStreakDays, 0);
  });

  it('when practice falls just after midnight, then the day is counted in the learner\'s zone, not in UTC', () => {
    // Saved at 23:35 UTC on 9 March: 00:35 on 10 March in Stockholm, but still 9 March in New York (18:35).
    const attempts = [attempt('2025-03-08T12:00:00Z', 'listen'), attempt('2025-03-09T23:30:00Z', 'trust')];
    const now = new Date('2025-03-10T12:00:00Z');
    assert.equal(summariseProgress(attempts, themes, targets, now, 'Europe/Stockholm').streakDays, 1);
    assert.equal(summariseProgress(attempts, themes, targets, now, 'America/New_York').streakDays, 2);
  });

  it('when exercises were answered but never saved, then they are not counted, nor their days, and are reported apart', () => {
    const attempts = [attempt('2025-03-09T09:00:00Z', 'trust'), attempt('2025-03-10T09:00:00Z', 'trust'), unsaved('2025-03-10T10:00:00Z', 'listen'), unsaved('2025-03-08T10:00:00Z', 'listen')];
    const summary = summariseProgress(attempts, themes, targets, new Date('2025-03-10T20:00:00Z'));
    assert.equal(summary.total, 2);
    assert.equal(summary.unfinished, 2);
    assert.equal(summary.themes.find((theme) => theme.theme === 'listen')?.count, 0);
    assert.equal(summary.streakDays, 2, 'the unsaved answer on 8 March does not extend the streak');
  });

  it('when role-play meetings or reflections fall on days without an exercise, then those days count towards the streaks', () => {
    const attempts = [attempt('2025-03-10T09:00:00Z', 'trust')];
    const summary = summariseProgress(attempts, themes, targets, new Date('2025-03-10T20:00:00Z'), 'Europe/Stockholm', ['2025-03-09T15:00:00Z', '2025-03-08T15:00:00Z']);
    assert.equal(summary.streakDays, 3);
    assert.equal(summary.total, 1, 'other practice is not counted as an exercise');
  });

  it('when themes are counted, then each has its completions, its distinct exercises against its fixed target and its average rating', () => {
    const attempts = [
      attempt('2025-03-08T09:00:00Z', 'trust', { rating: 2, exerciseId: 'trust-a' }),
      attempt('2025-03-09T09:00:00Z', 'trust', { rating: 5, exerciseId: 'trust-a' }),
      attempt('2025-03-09T10:00:00Z', 'trust', { exerciseId: 'trust-b' }),
      attempt('2025-03-09T11:00:00Z', 'listen'),
    ];
    const summary = summariseProgress(attempts, themes, targets, new Date('2025-03-10T09:00:00Z'));
    assert.deepEqual(summary.themes, [
      { theme: 'perspective', count: 0, distinct: 0, target: 4, averageRating: undefined },
      { theme: 'listen', count: 1, distinct: 1, target: 4, averageRating: undefined },
      { theme: 'trust', count: 3, distinct: 2, target: 3, averageRating: 3.5 },
    ]);
  });

  it('when there are more than five commitments, then the latest five are shown, newest first', () => {
    const attempts = [1, 2, 3, 4, 5, 6, 7].map((dayOfMonth) =>
      attempt(`2025-03-0${dayOfMonth}T09:00:00Z`, 'trust', { commitment: `thing ${dayOfMonth}`, ratedAt: `2025-03-0${dayOfMonth}T09:05:00Z` }),
    );
    const summary = summariseProgress([...attempts, attempt('2025-03-08T09:00:00Z', 'trust')], themes, targets, new Date('2025-03-08T12:00:00Z'));
    assert.deepEqual(summary.commitments.map((commitment) => commitment.text), ['thing 7', 'thing 6', 'thing 5', 'thing 4', 'thing 3']);
    assert.equal(summary.commitments[0]?.date, '2025-03-07');
  });

  it('when bars are drawn against a fixed target, then two of four is never a full bar and any practice shows', () => {
    const practiceBar = (done: number, target: number): string => textBar(done, target, { showAnyValue: true });
    assert.equal(practiceBar(4, 4), '██████████');
    assert.equal(practiceBar(2, 4), '█████░░░░░');
    assert.equal(practiceBar(1, 40), '█░░░░░░░░░');
    assert.equal(practiceBar(0, 4), '░░░░░░░░░░');
    assert.equal(textBar(1, 40), '░░░░░░░░░░', 'without showAnyValue a small share rounds to nothing, as result bars do');
  });

  it('when chart bars are built against targets, then done and still-to-do add up to each target, whatever the largest bar', () => {
    const bars = targetBars([{ title: 'Trust', done: 2, target: 4 }, { title: 'Listen', done: 6, target: 4 }, { title: 'Demands', done: 0, target: 3 }], { done: 'Completed', toGo: 'Still to do' });
    assert.deepEqual(bars.map((bar) => bar.data.map((segment) => segment.value)), [[2, 2], [4, 0], [0, 3]]);
    assert.deepEqual(bars[0]?.data.map((segment) => segment.legend), ['Completed', 'Still to do']);
  });
});
