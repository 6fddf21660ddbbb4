import assert from 'node:assert/strict';
import type { ThemeId } from '../../src/content/themes';
import type { ExerciseAttempt } from '../../src/exercises/attempts';
import { textBar } from '../../src/cards/text-bar';
import { summariseProgress } from '../../src/exercises/progress-summary';

let counter = 0;
const attempt = (submittedAt: string, theme: ThemeId, fields: Partial<ExerciseAttempt> = {}): ExerciseAttempt => {
  counter += 1;
  return { attemptId: `a${counter}`, exerciseId: `${theme}-x`, theme, locale: 'en', submittedAt, ...fields };
};
const themes: ThemeId[] = ['perspective', 'listen', 'trust'];

describe('progress summary', () => {
  it('when the learner practised three days in a row up to today, then the streak is three', () => {
    const attempts = [attempt('2025-03-08T09:00:00Z', 'listen'), attempt('2025-03-09T09:00:00Z', 'trust'), attempt('2025-03-10T09:00:00Z', 'trust')];
    const summary = summariseProgress(attempts, themes, new Date('2025-03-10T20:00:00Z'), 'Europe/Stockholm');
    assert.equal(summary.streakDays, 3);
    assert.equal(summary.practisedToday, true);
  });

  it('when today has no practice yet, then the streak up to yesterday still counts', () => {
    const attempts = [attempt('2025-03-08T09:00:00Z', 'listen'), attempt('2025-03-09T09:00:00Z', 'trust')];
    const summary = summariseProgress(attempts, themes, new Date('2025-03-10T09:00:00Z'), 'Europe/Stockholm');
    assert.equal(summary.streakDays, 2);
    assert.equal(summary.practisedToday, false);
  });

  it('when a day was missed, then the streak starts again', () => {
    const attempts = [attempt('2025-03-07T09:00:00Z', 'listen'), attempt('2025-03-09T09:00:00Z', 'trust')];
    assert.equal(summariseProgress(attempts, themes, new Date('2025-03-11T09:00:00Z')).streakDays, 0);
  });

  it('when practice falls just after midnight, then the day is counted in the learner\'s zone, not in UTC', () => {
    // 23:30 UTC on 9 March is 00:30 on 10 March in Stockholm, but still 9 March in New York (18:30).
    const attempts = [attempt('2025-03-08T12:00:00Z', 'listen'), attempt('2025-03-09T23:30:00Z', 'trust')];
    const now = new Date('2025-03-10T12:00:00Z');
    assert.equal(summariseProgress(attempts, themes, now, 'Europe/Stockholm').streakDays, 1);
    assert.equal(summariseProgress(attempts, themes, now, 'America/New_York').streakDays, 2);
  });

  it('when themes are counted, then each has its count and the average of its rated attempts', () => {
    const attempts = [
      attempt('2025-03-08T09:00:00Z', 'trust', { rating: 2 }),
      attempt('2025-03-09T09:00:00Z', 'trust', { rating: 5 }),
      attempt('2025-03-09T10:00:00Z', 'trust'),
      attempt('2025-03-09T11:00:00Z', 'listen'),
    ];
    const summary = summariseProgress(attempts, themes, new Date('2025-03-10T09:00:00Z'));
    assert.deepEqual(summary.themes, [
      { theme: 'perspective', count: 0, averageRating: undefined },
      { theme: 'listen', count: 1, averageRating: undefined },
      { theme: 'trust', count: 3, averageRating: 3.5 },
    ]);
  });

  it('when there are more than five commitments, then the latest five are shown, newest first', () => {
    const attempts = [1, 2, 3, 4, 5, 6, 7].map((dayOfMonth) =>
      attempt(`2025-03-0${dayOfMonth}T09:00:00Z`, 'trust', { commitment: `thing ${dayOfMonth}`, ratedAt: `2025-03-0${dayOfMonth}T09:05:00Z` }),
    );
    const summary = summariseProgress([...attempts, attempt('2025-03-08T09:00:00Z', 'trust')], themes, new Date('2025-03-08T12:00:00Z'));
    assert.deepEqual(summary.commitments.map((commitment) => commitment.text), ['thing 7', 'thing 6', 'thing 5', 'thing 4', 'thing 3']);
    assert.equal(summary.commitments[0]?.date, '2025-03-07');
  });

  it('when bars are drawn, then they are proportional to the busiest theme and any practice shows', () => {
    const practiceBar = (count: number, max: number): string => textBar(count, max, { showAnyValue: true });
    assert.equal(practiceBar(10, 10), '██████████');
    assert.equal(practiceBar(5, 10), '█████░░░░░');
    assert.equal(practiceBar(1, 40), '█░░░░░░░░░');
    assert.equal(practiceBar(0, 0), '░░░░░░░░░░');
    assert.equal(textBar(1, 40), '░░░░░░░░░░', 'without showAnyValue a small share rounds to nothing, as result bars do');
  });
});
