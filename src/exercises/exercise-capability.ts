import { randomUUID } from 'node:crypto';
import type { Capability } from '../core/capability';
import { cardReply, type ActionOutcome } from '../core/reply';
import type { LanguageModel } from '../core/language-model';
import type { ThemeCatalog } from '../content/themes';
import type { Logger } from '../logger';
import type { Store } from '../storage/store';
import { AttemptRepository } from './attempts';
import { exerciseProgressCard, exerciseResultCard, exerciseScenarioCard, exerciseThemesCard } from './exercise-cards';
import { loadExerciseLibrary } from './exercise-content';
import { FeedbackCoach } from './exercise-feedback';
import { meetingReflectionsOf } from './meeting-reflections';
import { ExerciseService } from './exercise-service';
import { ProgressService } from './progress-service';
import type { RoleplayPracticeSource } from './roleplay-practice';

export interface ExerciseCapabilityDependencies {
  readonly contentDir: string;
  readonly themes: ThemeCatalog;
  readonly store: Store;
  readonly languageModel: LanguageModel | undefined;
  readonly logger: Logger;
  readonly newAttemptId?: () => string;
  /** Role-play's side of progress; absent when role-play is not part of the app. */
  readonly roleplay?: RoleplayPracticeSource;
}

/** Customer-perspective exercises in the personal chat; loading fails on bad content, so the app refuses to start. */
export function exerciseCapability(deps: ExerciseCapabilityDependencies): Capability {
  const { themes } = deps;
  const library = loadExerciseLibrary(deps.contentDir, themes);
  const attempts = new AttemptRepository(deps.store);
  const coach = new FeedbackCoach(deps.languageModel, deps.logger.child({ capability: 'exercises' }));
  const exercises = new ExerciseService({
    themes,
    library,
    attempts,
    coach,
    newAttemptId: deps.newAttemptId ?? randomUUID,
    roleplay: deps.roleplay,
    otherPractice: async (userKey) => (await meetingReflectionsOf(deps.store, userKey)).events,
  });
  const progress = new ProgressService(themes, library, attempts, deps.store, deps.roleplay);
  const personal = ['personal'] as const;
  return {
    id: 'exercises',
    commands: [
      {
        id: 'practice',
        words: ['practice', 'practise', 'exercise', 'öva', 'ova', 'övning', 'ovning'],
        scopes: personal,
        help: { usageKey: 'exercises.commands.practice.usage', descriptionKey: 'exercises.commands.practice.description' },
        run: (turn, argument) => exercises.practice(turn, argument),
      },
      {
        id: 'progress',
        words: ['progress', 'my progress', 'framsteg', 'mina framsteg'],
        scopes: personal,
        help: { usageKey: 'exercises.commands.progress.usage', descriptionKey: 'exercises.commands.progress.description' },
        run: (turn) => progress.progress(turn),
      },
    ],
    actions: [
      { verb: 'exercises.start', run: (turn) => exercises.start(turn) },
      { verb: 'exercises.pick', run: (turn) => exercises.pick(turn) },
      { verb: 'exercises.themes', run: async (turn) => exercises.showThemes(turn, 'in-place') },
      { verb: 'exercises.browse', run: async (turn) => exercises.showThemes(turn, 'new-card') },
      { verb: 'exercises.theme', run: (turn, data) => exercises.chooseTheme(turn, data) },
      { verb: 'exercises.practise', run: (turn, data) => exercises.practiseTheme(turn, data) },
      { verb: 'exercises.submit', run: (turn, data) => exercises.submit(turn, data) },
      { verb: 'exercises.rate', run: (turn, data) => exercises.rate(turn, data) },
      { verb: 'exercises.progress', run: async (turn) => asNewCard(await progress.progressFromCard(turn)) },
    ],
    menu: [
      { titleKey: 'exercises.menu.practice', descriptionKey: 'exercises.menu.practiceDescription', verb: 'exercises.start', scopes: personal },
    ],
    cardTemplates: [exerciseScenarioCard, exerciseResultCard, exerciseThemesCard, exerciseProgressCard],
    personalData: { describe: (userKey, turn) => progress.describe(userKey, turn) },
  };
}

/** My progress starts something new from a finished card: the progress comes as a new card and the pressed one stays. */
function asNewCard(outcome: ActionOutcome): ActionOutcome {
  return { replies: [...(outcome.update ? [cardReply(outcome.update)] : []), ...(outcome.replies ?? [])] };
}
