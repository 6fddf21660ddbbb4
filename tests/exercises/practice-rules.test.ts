import assert from 'node:assert/strict';
import { themeIds, type ThemeId } from '../../src/content/themes';
import { nextExercise, pickTheme, themePriority, type PracticeEvent } from '../../src/exercises/practice-rules';

/** A fake clock: instants counted in days (and hours) from a fixed Monday morning. */
const start = Date.parse('2025-03-03T07:00:00.000Z');
const day = (days: number, hours = 0): Date => new Date(start + (days * 24 + hours) * 60 * 60 * 1000);
const done = (exerciseId: string, theme: ThemeId, at: Date, rating?: number): PracticeEvent => ({ exerciseId, theme, at, rating });

const trustExercises = [
  { id: 't-easy', difficulty: 1 },
  { id: 't-hard', difficulty: 3 },
  { id: 't-medium', difficulty: 2 },
  { id: 't-medium-2', difficulty: 2 },
];

describe('practice rules', () => {
  describe('rotation within a theme', () => {
    it('when nothing is done yet, then the easiest exercise comes first', () => {
      assert.equal(nextExercise(trustExercises, [])?.id, 't-easy');
    });

    it('when the learner keeps practising, then no exercise repeats until all four are done', () => {
      const history: PracticeEvent[] = [];
      const seen: string[] = [];
      for (let round = 0; round < 8; round += 1) {
        const next = nextExercise(trustExercises, history);
        assert.ok(next);
        seen.push(next.id);
        history.push(done(next.id, 'trust', day(round)));
      }
      assert.equal(new Set(seen.slice(0, 4)).size, 4, `first cycle ${seen.slice(0, 4).join(', ')}`);
      assert.equal(new Set(seen.slice(4)).size, 4, `second cycle ${seen.slice(4).join(', ')}`);
      assert.deepEqual(seen.slice(4), seen.slice(0, 4), 'the second cycle starts with the one done longest ago');
    });

    it('when some were done out of order, then the ones not yet done in this cycle come before any repeat', () => {
      const history = [done('t-hard', 'trust', day(0)), done('t-easy', 'trust', day(1)), done('t-hard', 'trust', day(2))];
      const next = nextExercise(trustExercises, history);
      assert.equal(next?.id, 't-medium');
    });

    it('when history mentions an exercise that no longer exists, then it is ignored', () => {
      assert.equal(nextExercise(trustExercises, [done('gone', 'trust', day(0))])?.id, 't-easy');
    });
  });

  describe('spaced re-practice across themes', () => {
    const now = day(20);

    it('when nothing is practised yet, then the pick follows the programme order', () => {
      assert.equal(pickTheme(themeIds, [], now), 'perspective');
    });

    it('when every theme was practised, then the one practised least recently is picked', () => {
      const history = themeIds.map((theme, index) => done(`${theme}-1`, theme, day(10 + index), 3));
      assert.equal(pickTheme(themeIds, history, now), 'perspective');
      const later = [...history, done('perspective-2', 'perspective', day(19), 3)];
      assert.equal(pickTheme(themeIds, later, now), 'customers-customer');
    });

    it('when two themes were practised equally long ago, then the one rated lowest is picked', () => {
      const history = themeIds.map((theme) => done(`${theme}-1`, theme, day(18), theme === 'demands' ? 1 : 4));
      assert.equal(pickTheme(themeIds, history, now), 'demands');
    });

    it('when a low-rated theme was practised this morning, then a theme untouched for a week wins', () => {
      const history = themeIds.map((theme) => done(`${theme}-1`, theme, theme === 'trust' ? day(13) : day(19), theme === 'listen' ? 1 : 4));
      assert.equal(pickTheme(themeIds, [...history, done('listen-2', 'listen', day(20, -1), 1)], now), 'trust');
    });

    it('when the clock moves past a month for both themes, then recency stops counting and the lower rating decides', () => {
      const history = [done('a', 'trust', day(0), 5), done('b', 'listen', day(5), 3)];
      const themes: ThemeId[] = ['trust', 'listen'];
      assert.equal(pickTheme(themes, history, day(6)), 'trust');
      assert.equal(pickTheme(themes, history, day(40)), 'listen');
    });

    it('when a theme improves, then only its latest three ratings count', () => {
      const early = [1, 1, 1].map((rating, index) => done(`x${index}`, 'trust', day(index), rating));
      const recent = [5, 5, 5].map((rating, index) => done(`y${index}`, 'trust', day(3 + index), rating));
      assert.equal(themePriority('trust', [...early, ...recent], day(5)), 0);
    });

    it('when role-play checks of a theme were mostly missed, then that theme is picked over one practised as recently', () => {
      const history = themeIds.map((theme) => done(`${theme}-1`, theme, day(18), 4));
      assert.equal(pickTheme(themeIds, history, now), 'perspective');
      const roleplay = [
        { theme: 'listen' as const, met: 1, judged: 4 },
        { theme: 'demands' as const, met: 3, judged: 4 },
      ];
      assert.equal(pickTheme(themeIds, history, now, roleplay), 'listen');
      assert.equal(themePriority('listen', history, now, roleplay) - themePriority('listen', history, now), 7.5);
    });

    it('when every role-play check of a theme was met, then role-play adds nothing to its priority', () => {
      const history = [done('a', 'trust', day(18), 4)];
      assert.equal(themePriority('trust', history, now, [{ theme: 'trust', met: 3, judged: 3 }]), themePriority('trust', history, now));
    });
  });
});
