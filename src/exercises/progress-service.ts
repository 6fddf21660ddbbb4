import type { ThemeCatalog } from '../content/themes';
import type { ActionOutcome, Reply } from '../core/reply';
import { cardReply } from '../core/reply';
import type { Turn } from '../core/turn';
import type { Store } from '../storage/store';
import type { AttemptRepository } from './attempts';
import type { ExerciseLibrary } from './exercise-content';
import { ensurePersonal } from './exercise-service';
import { defaultTimeZone, summariseProgress } from './progress-summary';
import { meetingReflectionsOf } from './meeting-reflections';
import { attemptLines, progressView } from './progress-views';
import { pledgesOf } from './workshop-pledges';

/** The learner's own view of their practice, and what "my data" shows of it. */
export class ProgressService {
  constructor(
    private readonly themes: ThemeCatalog,
    private readonly library: ExerciseLibrary,
    private readonly attempts: AttemptRepository,
    private readonly store: Store,
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
    const summary = summariseProgress(attempts, this.themes.all.map((theme) => theme.id), turn.now, timeZone);
    return progressView(turn, this.themes, summary, await pledgesOf(this.store, userKey), timeZone, await meetingReflectionsOf(this.store, userKey));
  }
}
