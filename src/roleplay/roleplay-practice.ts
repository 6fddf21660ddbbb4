import type { ThemeId } from '../content/themes';
import type { RoleplayPracticeSource, ThemeChecks } from '../exercises/roleplay-practice';
import { availabilityOf } from './availability';
import { checkVerdict, debriefedSessions } from './roleplay-history';
import type { RoleplayRecords } from './roleplay-records';
import type { StorylineCatalog } from './storyline-catalog';

/** Role-play's side of the progress port: meetings held, trust and rubric hit-rates from the learner's own records. */
export function roleplayPracticeSource(records: RoleplayRecords, catalog: StorylineCatalog): RoleplayPracticeSource {
  return {
    async practice(userKey, locale) {
      const learner = (await records.learner(userKey)).body;
      const sessions = debriefedSessions(await records.sessions(userKey));
      const themes = new Map<ThemeId, ThemeChecks>();
      for (const check of sessions.flatMap((session) => session.debrief.checks)) {
        const before = themes.get(check.theme) ?? { theme: check.theme, met: 0, judged: 0 };
        themes.set(check.theme, { theme: check.theme, judged: before.judged + 1, met: before.met + (checkVerdict(check) === 'met' ? 1 : 0) });
      }
      const storylines = catalog.storylines.flatMap((storyline) => {
        const held = sessions.filter((session) => session.storylineId === storyline.id).length;
        const progress = learner.progress[storyline.id];
        if (held === 0 || !progress) return [];
        return [{ title: storyline[locale].title, customer: storyline.customer.name, trust: progress.memory.trust, meetingsHeld: held }];
      });
      return { meetingsHeld: sessions.length, heldAt: sessions.map((session) => session.endedAt), storylines, themes: [...themes.values()] };
    },

    /** The open storyline whose next meeting has the most checks in the theme; one already under way wins a tie. */
    async suggest(userKey, theme, locale, now) {
      const learner = (await records.learner(userKey)).body;
      if (learner.activeSessionId) return undefined;
      const candidates = catalog.storylines.flatMap((storyline, index) => {
        const availability = availabilityOf(learner.progress[storyline.id], now);
        if (availability.kind !== 'new' && availability.kind !== 'ready') return [];
        const meeting = storyline.meetings[(availability.kind === 'ready' ? availability.meeting : 1) - 1];
        const checks = meeting?.rubric.filter((check) => check.theme === theme).length ?? 0;
        return checks > 0 ? [{ storyline, checks, started: availability.kind === 'ready' ? 1 : 0, index }] : [];
      });
      const best = candidates.sort((a, b) => b.checks - a.checks || b.started - a.started || a.index - b.index)[0];
      return best && { storylineId: best.storyline.id, title: best.storyline[locale].title, customer: best.storyline.customer.name };
    },
  };
}
