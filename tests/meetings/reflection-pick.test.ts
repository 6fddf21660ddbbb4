import assert from 'node:assert/strict';
import { themeIds } from '../../src/content/themes';
import { pickTheme, themePriority, type PracticeEvent } from '../../src/exercises/practice-rules';

const now = new Date('2026-03-09T12:00:00Z');
const reflected = (theme: PracticeEvent['theme'], rating: number): PracticeEvent => ({ exerciseId: 'meeting-reflection', theme, at: now, rating, ratingOnly: true });

describe('self-ratings after meetings in the spaced pick', () => {
  it('when a reflection rates a theme low, then that theme is picked before never-practised ones', () => {
    assert.equal(pickTheme(themeIds, [], now), 'perspective', 'programme order without any rating');
    assert.equal(pickTheme(themeIds, [reflected('listen', 1), reflected('customers-customer', 3)], now), 'listen');
  });

  it('when a reflection rates a theme high, then it counts as a rating and not as practice done today', () => {
    assert.equal(themePriority('proactive', [reflected('proactive', 5)], now), 30);
    assert.equal(themePriority('proactive', [{ ...reflected('proactive', 5), ratingOnly: false }], now), 0);
  });
});
