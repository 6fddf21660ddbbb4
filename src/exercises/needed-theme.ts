import type { ThemeCatalog, ThemeId } from '../content/themes';
import type { Store } from '../storage/store';
import { AttemptRepository } from './attempts';
import { toEvents } from './exercise-service';
import { pickTheme } from './practice-rules';

/** The theme this learner most needs now, by the same rule as "practice" without a theme (for nudges). */
export function neededTheme(store: Store, themes: ThemeCatalog): (userKey: string, now: Date) => Promise<ThemeId> {
  const attempts = new AttemptRepository(store);
  return async (userKey, now) =>
    pickTheme(themes.all.map((theme) => theme.id), toEvents(await attempts.listFor(userKey)), now) ?? 'perspective';
}
