import type { CardView } from '../cards/card-view';
import { isThemeId, type ThemeCatalog, type ThemeId } from '../content/themes';
import { UserFacingError } from '../core/errors';
import { cardReply, type ActionOutcome, type Reply } from '../core/reply';
import type { Turn } from '../core/turn';
import { VersionConflictError } from '../storage/store';
import { checkAnswer, checkRating } from './answer-checks';
import type { AttemptRepository, ExerciseAttempt, VersionedAttempt } from './attempts';
import type { ExerciseLibrary, Exercise } from './exercise-content';
import type { FeedbackCoach } from './exercise-feedback';
import { resultView, scenarioView, themesView } from './exercise-views';
import type { RoleplayPracticeSource } from './roleplay-practice';
import { nextExercise, pickTheme, type PracticeEvent } from './practice-rules';

type ActionData = Readonly<Record<string, unknown>>;

export interface ExerciseServiceDependencies {
  readonly themes: ThemeCatalog;
  readonly library: ExerciseLibrary;
  readonly attempts: AttemptRepository;
  readonly coach: FeedbackCoach;
  /** A fresh id for each scenario card, so a double submit saves one attempt. */
  readonly newAttemptId: () => string;
  /** Role-play's hit-rates per theme, so the automatic pick also weighs checks missed in meetings. */
  readonly roleplay: RoleplayPracticeSource | undefined;
  /** Practice outside the exercises (self-ratings after meetings) that weighs in the automatic theme pick. */
  readonly otherPractice?: (userKey: string) => Promise<readonly PracticeEvent[]>;
}

const attemptIdPattern = /^[A-Za-z0-9-]{8,64}$/;

/** The daily practice loop: pick a scenario, take the answer, show the customer's view, save the self-rating. */
export class ExerciseService {
  constructor(private readonly deps: ExerciseServiceDependencies) {}

  /** `practice` picks for the learner; `practice <theme>` chooses; an unknown theme shows the picker. */
  async practice(turn: Turn, argument: string): Promise<readonly Reply[]> {
    if (!argument) return [cardReply(await this.scenarioFor(turn, undefined))];
    const theme = this.deps.themes.find(argument);
    if (!theme) return [cardReply(themesView(turn, this.deps.themes, turn.t('exercises.themes.unknown', { typed: argument })))];
    return [cardReply(await this.scenarioFor(turn, theme.id))];
  }

  /** "Practise again" and the menu start something new: a new card, so the card pressed (a finished exercise) stays. */
  async start(turn: Turn): Promise<ActionOutcome> {
    ensurePersonal(turn);
    return { replies: [cardReply(await this.scenarioFor(turn, undefined))] };
  }

  /** "Pick for me" on the theme picker: a step of this exercise, so the picker becomes the scenario. */
  async pick(turn: Turn): Promise<ActionOutcome> {
    ensurePersonal(turn);
    return { update: await this.scenarioFor(turn, undefined) };
  }

  /** From an unanswered scenario the picker replaces it; from a finished card it comes as a new card. */
  showThemes(turn: Turn, placement: 'in-place' | 'new-card'): ActionOutcome {
    ensurePersonal(turn);
    const view = themesView(turn, this.deps.themes);
    return placement === 'in-place' ? { update: view } : { replies: [cardReply(view)] };
  }

  async chooseTheme(turn: Turn, data: ActionData): Promise<ActionOutcome> {
    ensurePersonal(turn);
    if (!isThemeId(data.theme)) return { update: themesView(turn, this.deps.themes, turn.t('exercises.themes.noChoice')) };
    return { update: await this.scenarioFor(turn, data.theme) };
  }

  /** From another capability's card (a pledge follow-up): the scenario comes as a new message, so that card stays. */
  async practiseTheme(turn: Turn, data: ActionData): Promise<ActionOutcome> {
    ensurePersonal(turn);
    return { replies: [cardReply(await this.scenarioFor(turn, isThemeId(data.theme) ? data.theme : undefined))] };
  }

  /** Saves the answer before asking the model, so nothing is lost when feedback fails or the card is sent twice. */
  async submit(turn: Turn, data: ActionData): Promise<ActionOutcome> {
    ensurePersonal(turn);
    const exercise = typeof data.exerciseId === 'string' ? this.deps.library.get(data.exerciseId) : undefined;
    const attemptId = typeof data.attemptId === 'string' && attemptIdPattern.test(data.attemptId) ? data.attemptId : undefined;
    if (!exercise || !attemptId) throw new UserFacingError('errors.invalidAction');
    const userKey = turn.actor.userKey;
    const checked = checkAnswer(exercise, data);
    if (!checked.ok) {
      // A card already answered shows that answer, whatever a second press sends.
      const earlier = await this.deps.attempts.find(userKey, attemptId);
      if (earlier) return { update: this.showAttempt(turn, earlier) };
      const input = { choice: stringOf(data.choice), answer: stringOf(data.answer) };
      return { update: scenarioView(turn, this.deps.themes, exercise, attemptId, input, checked.problem) };
    }
    const { choice, answer } = checked.value;
    const attempt: ExerciseAttempt = {
      attemptId,
      exerciseId: exercise.id,
      theme: exercise.theme,
      locale: turn.locale,
      submittedAt: turn.now.toISOString(),
      ...(choice ? { choice, correct: choice === exercise.correctOption } : {}),
      ...(answer ? { answer } : {}),
    };
    let version: number;
    try {
      // No read first: a card sent twice is caught by the insert itself, which refuses an attempt id already saved.
      version = await this.deps.attempts.create(userKey, attempt);
    } catch (error) {
      const raced = error instanceof VersionConflictError ? await this.deps.attempts.find(userKey, attemptId) : undefined;
      if (!raced) throw error;
      return { update: this.showAttempt(turn, raced) };
    }
    const withFeedback = await this.addFeedback(turn, exercise, attempt, version);
    return { update: resultView(turn, this.deps.themes, exercise, withFeedback, { kind: 'form' }) };
  }

  async rate(turn: Turn, data: ActionData): Promise<ActionOutcome> {
    ensurePersonal(turn);
    const attemptId = typeof data.attemptId === 'string' && attemptIdPattern.test(data.attemptId) ? data.attemptId : '';
    const found = attemptId ? await this.deps.attempts.find(turn.actor.userKey, attemptId) : undefined;
    const exercise = found ? this.deps.library.get(found.attempt.exerciseId) : undefined;
    if (!found || !exercise) throw new UserFacingError('errors.invalidAction');
    const checked = checkRating(data, exercise);
    if (!checked.ok) {
      const form = { kind: 'form', rating: stringOf(data.rating), commitment: stringOf(data.commitment), keyPoints: stringOf(data.keyPoints), problem: checked.problem } as const;
      return { update: resultView(turn, this.deps.themes, exercise, found.attempt, form) };
    }
    const rated: ExerciseAttempt = {
      ...found.attempt,
      ...(checked.value.rating !== undefined ? { rating: checked.value.rating } : {}),
      commitment: checked.value.commitment,
      coveredKeyPoints: checked.value.coveredKeyPoints,
      ratedAt: turn.now.toISOString(),
    };
    await this.deps.attempts.update(turn.actor.userKey, rated, found.version);
    return { update: resultView(turn, this.deps.themes, exercise, rated, { kind: 'saved' }) };
  }

  /** The automatic pick favours the theme practised least recently, rated lowest and missed most in role-play; then the theme's rotation. */
  private async scenarioFor(turn: Turn, theme: ThemeId | undefined): Promise<CardView> {
    const history = toEvents(await this.deps.attempts.listFor(turn.actor.userKey));
    const roleplay = theme || !this.deps.roleplay ? [] : (await this.deps.roleplay.practice(turn.actor.userKey, turn.locale)).themes;
    const other = (await this.deps.otherPractice?.(turn.actor.userKey)) ?? [];
    const chosen = theme ?? pickTheme(this.deps.themes.all.map((candidate) => candidate.id), [...history, ...other], turn.now, roleplay) ?? 'perspective';
    const exercise = nextExercise(this.deps.library.inTheme(chosen), history);
    if (!exercise) throw new Error(`no exercises for theme ${chosen}`);
    return scenarioView(turn, this.deps.themes, exercise, this.deps.newAttemptId());
  }

  private async addFeedback(turn: Turn, exercise: Exercise, attempt: ExerciseAttempt, version: number): Promise<ExerciseAttempt> {
    if (!attempt.answer) return attempt;
    const option = exercise[turn.locale].options?.find((candidate) => candidate.id === attempt.choice);
    const feedback = await this.deps.coach.feedback({
      exercise,
      theme: this.deps.themes.text(exercise.theme, turn.locale),
      locale: turn.locale,
      answer: attempt.answer,
      choiceText: option?.text,
    });
    if (!feedback) return attempt;
    const withFeedback = { ...attempt, feedback };
    await this.deps.attempts.update(turn.actor.userKey, withFeedback, version);
    return withFeedback;
  }

  private showAttempt(turn: Turn, { attempt }: VersionedAttempt): CardView {
    const exercise = this.deps.library.get(attempt.exerciseId);
    if (!exercise) throw new UserFacingError('errors.invalidAction');
    return resultView(turn, this.deps.themes, exercise, attempt, attempt.rating === undefined ? { kind: 'form' } : { kind: 'saved' });
  }
}

/** Answers are the learner's own: the loop runs only in the personal chat, where no one else sees the card. */
export function ensurePersonal(turn: Turn): void {
  if (turn.conversation.kind !== 'personal') throw new UserFacingError('exercises.errors.personalOnly');
}

export const toEvents = (attempts: readonly ExerciseAttempt[]): PracticeEvent[] =>
  attempts.map((attempt) => ({ exerciseId: attempt.exerciseId, theme: attempt.theme, at: new Date(attempt.submittedAt), rating: attempt.rating }));

const stringOf = (value: unknown): string => (typeof value === 'string' ? value : '');
