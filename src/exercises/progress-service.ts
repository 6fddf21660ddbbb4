import type { ThemeCatalog, ThemeId } from '../content/themes';
import type { ActionOutcome, Reply } from '../core/reply';
import { cardReply } from '../core/reply';
import type { Turn } from '../core/turn';
import type { Store } from '../storage/store';
import type { AttemptRepository, ExerciseAttempt } from './attempts';
import type { ExerciseLibrary } from './exercise-content';
import { ensurePersonal, toEvents } from './exercise-service';
import { pickTheme, type PracticeEvent } from './practice-rules';
import { defaultTimeZone, summariseProgress } from './progress-summary';
import { attemptLines, progressView, type RoleplayProgress } from './progress-views';
import type { RoleplayPracticeSource } from './roleplay-practice';
import { meetingReflectionsOf } from './meeting-reflections';
import { pledgesOf } from './workshop-pledges';

/** The learner's own view of their practice, and what "my data" shows of it. */
export class ProgressService {
  constructor(
    private readonly themes: ThemeCatalog,
    private readonly library: ExerciseLibrary,
    private readonly attempts: AttemptRepository,
    private readonly store: Store,
    private readonly roleplay: RoleplayPracticeSource | undefined,
  ) {}

  async progress(turn: Turn): Promise<readonly Reply[]> {
    return [cardReply(await this.view(turn))];
  }

  async progressFromCard(turn: Turn): Promise<ActionOutcome> {
    ensurePersonal(turn);
    return { update: await this.view(turn) };
  }

  async describe(userKey: string, turn: Turn): Promise<{ heading: string; lines: string[] } | undefined> {
    const attempts = await this.attempts.listFor(userKey);
    if (attempts.length === 0) return undefined;
    const lines = attemptLines(turn, this.themes, this.library, attempts, turn.timeZone ?? defaultTimeZone);
    return { heading: turn.t('exercises.data.heading'), lines };
  }

  private async view(turn: Turn): Promise<ReturnType<typeof progressView>> {
    const timeZone = turn.timeZone ?? defaultTimeZone;
    const userKey = turn.actor.userKey;
    const attempts = await this.attempts.listFor(userKey);
    const themeIds = this.themes.all.map((theme) => theme.id);
    const reflections = await meetingReflectionsOf(this.store, userKey);
    const roleplay = await this.roleplayProgress(turn, themeIds, attempts, reflections.events);
    const targets = new Map(themeIds.map((theme) => [theme, this.library.inTheme(theme).length]));
    const otherPractice = [...(roleplay?.practice.heldAt ?? []), ...reflections.events.map((event) => event.at.toISOString())];
    const summary = summariseProgress(attempts, themeIds, targets, turn.now, timeZone, otherPractice);
    return progressView(turn, this.themes, summary, await pledgesOf(this.store, userKey), timeZone, roleplay, reflections);
  }

  /** Role-play's meetings and hit-rates, and a storyline for the theme the spaced pick would choose now. */
  private async roleplayProgress(turn: Turn, themeIds: readonly ThemeId[], attempts: readonly ExerciseAttempt[], other: readonly PracticeEvent[]): Promise<RoleplayProgress | undefined> {
    if (!this.roleplay) return undefined;
    const userKey = turn.actor.userKey;
    const practice = await this.roleplay.practice(userKey, turn.locale);
    const weakest = pickTheme(themeIds, [...toEvents(attempts), ...other], turn.now, practice.themes);
    const suggestion = weakest ? await this.roleplay.suggest(userKey, weakest, turn.locale, turn.now) : undefined;
    return { practice, weakest, suggestion };
  }
}
