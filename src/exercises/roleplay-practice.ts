import type { ThemeId } from '../content/themes';
import type { Locale } from '../core/locale';

/** Rubric checks of one theme over every stored role-play debrief. */
export interface ThemeChecks {
  readonly theme: ThemeId;
  readonly met: number;
  readonly judged: number;
}

/** Role-play as progress sees it, in coaching words. */
export interface RoleplayPractice {
  readonly meetingsHeld: number;
  /** When each of those meetings ended (ISO instants), so they count as practice days. */
  readonly heldAt: readonly string[];
  /** The customer's latest trust in every storyline played, in content order. */
  readonly storylines: ReadonlyArray<{ readonly title: string; readonly customer: string; readonly trust: number; readonly meetingsHeld: number }>;
  readonly themes: readonly ThemeChecks[];
}

/** A storyline the learner can open now whose next meeting practises a theme. */
export interface RoleplaySuggestion {
  readonly storylineId: string;
  readonly title: string;
  readonly customer: string;
}

/** The port through which progress and the spaced pick learn about role-play; role-play supplies it at the composition root. */
export interface RoleplayPracticeSource {
  practice(userKey: string, locale: Locale): Promise<RoleplayPractice>;
  suggest(userKey: string, theme: ThemeId, locale: Locale, now: Date): Promise<RoleplaySuggestion | undefined>;
}
