import { cardView, type CardView } from '../cards/card-view';
import type { ThemeCatalog } from '../content/themes';
import type { Turn } from '../core/turn';
import type { ExerciseAttempt } from './attempts';
import type { InputProblem } from './answer-checks';
import type { CardButton } from '../cards/card-parts';
import { exerciseResultCard, exerciseScenarioCard, exerciseThemesCard, type ExerciseResultCardData, type ExplainedOption } from './exercise-cards';
import { isChoiceKind, isFreeTextKind, type Exercise } from './exercise-content';

type ViewTurn = Pick<Turn, 't' | 'locale'>;

const problemText = (turn: ViewTurn, problem: InputProblem | undefined): string => (problem ? turn.t(problem.key, problem.params) : '');

/** What the learner has typed so far, kept when the card comes back with a problem. */
export interface ScenarioInput {
  readonly choice?: string;
  readonly answer?: string;
}

export function scenarioView(
  turn: ViewTurn,
  themes: ThemeCatalog,
  exercise: Exercise,
  attemptId: string,
  input: ScenarioInput = {},
  problem?: InputProblem,
): CardView {
  const { t } = turn;
  const text = exercise[turn.locale];
  return cardView(exerciseScenarioCard, {
    themeName: themes.text(exercise.theme, turn.locale).name,
    title: text.title,
    scenario: text.scenario,
    question: text.question,
    hasOptions: isChoiceKind(exercise.kind),
    options: (text.options ?? []).map((option) => ({ title: option.text, value: option.id })),
    choice: input.choice ?? '',
    hasText: isFreeTextKind(exercise.kind),
    textLabel: text.followUp ? t('exercises.scenario.optionalLabel', { label: text.followUp }) : t('exercises.scenario.answerLabel'),
    placeholder: t('exercises.scenario.placeholder'),
    answer: input.answer ?? '',
    error: problemText(turn, problem),
    submitTitle: t('exercises.scenario.submit'),
    otherThemeTitle: t('exercises.scenario.otherTheme'),
    exerciseId: exercise.id,
    attemptId,
  });
}

/** The rating form's state: what was typed and what needs fixing, or that it is saved. */
export type RatingState =
  | { readonly kind: 'form'; readonly rating?: string; readonly commitment?: string; readonly keyPoints?: string; readonly problem?: InputProblem }
  | { readonly kind: 'saved' };

export function resultView(turn: ViewTurn, themes: ThemeCatalog, exercise: Exercise, attempt: ExerciseAttempt, state: RatingState): CardView {
  const { t } = turn;
  const text = exercise[turn.locale];
  const theme = themes.text(exercise.theme, turn.locale);
  const chosen = text.options?.find((option) => option.id === attempt.choice);
  const form = state.kind === 'form' ? state : undefined;
  return cardView(exerciseResultCard, {
    themeName: theme.name,
    title: text.title,
    yourAnswerHeading: t('exercises.result.yourAnswer'),
    choiceLine: chosen ? t('exercises.result.yourChoice', { option: chosen.text }) : '',
    answer: attempt.answer ?? '',
    ...verdictOf(turn, exercise, chosen),
    hasOptions: isChoiceKind(exercise.kind),
    optionsHeading: t('exercises.result.optionsHeading'),
    options: (text.options ?? []).map((option): ExplainedOption => ({
      text: option.text,
      marker: optionMarker(turn, option.id === exercise.correctOption, option.id === attempt.choice),
      markerColor: option.id === exercise.correctOption ? 'Good' : 'Default',
      explanation: option.explanation,
    })),
    hasFeedback: attempt.feedback !== undefined,
    feedbackHeading: t('exercises.result.feedbackHeading'),
    feedback: attempt.feedback?.status === 'given' ? attempt.feedback.text : t('exercises.result.feedbackUnavailable'),
    feedbackKeyPoints: feedbackKeyPoints(turn, text.keyPoints, attempt),
    goodHeading: t('exercises.result.good'),
    whatGoodLooksLike: theme.whatGoodLooksLike,
    perspectivesHeading: t('exercises.result.perspectives'),
    perspectives: text.perspectives,
    reflectionHeading: t('exercises.result.reflection'),
    reflection: text.reflection,
    rateable: form !== undefined,
    askRating: !isChoiceKind(exercise.kind),
    keyPointsLabel: t('exercises.result.keyPointsLabel'),
    keyPointChoices: text.keyPoints.map((point, index) => ({ title: point, value: String(index) })),
    keyPoints: form?.keyPoints ?? '',
    ratingLabel: t('exercises.result.ratingLabel'),
    ratingChoices: [1, 2, 3, 4, 5].map((value) => ({ title: t(`exercises.result.ratings.${value}`), value: String(value) })),
    rating: form?.rating ?? '',
    commitmentLabel: t(isChoiceKind(exercise.kind) ? 'exercises.result.whatWillYouDo' : 'exercises.result.commitmentLabel'),
    commitmentPlaceholder: t('exercises.result.commitmentPlaceholder'),
    commitment: form?.commitment ?? '',
    error: problemText(turn, form?.problem),
    saveTitle: t('exercises.result.save'),
    attemptId: attempt.attemptId,
    saved: state.kind === 'saved',
    savedLines: state.kind === 'saved' ? savedLines(turn, attempt, text.keyPoints.length) : [],
    missedHeading: t('exercises.result.missedHeading'),
    missed: state.kind === 'saved' ? missedPoints(text.keyPoints, attempt) : [],
    buttons: nextButtons(turn),
  });
}

export function themesView(turn: ViewTurn, themes: ThemeCatalog, notice = ''): CardView {
  const { t } = turn;
  return cardView(exerciseThemesCard, {
    title: t('exercises.themes.title'),
    intro: t('exercises.themes.intro'),
    notice,
    themeLabel: t('exercises.themes.label'),
    themes: themes.all.map((theme) => ({ title: theme[turn.locale].name, value: theme.id })),
    startTitle: t('exercises.themes.start'),
    pickForMeTitle: t('exercises.themes.pickForMe'),
  });
}

export function nextButtons(turn: ViewTurn): CardButton[] {
  return [
    { title: turn.t('exercises.result.again'), verb: 'exercises.start' },
    { title: turn.t('exercises.result.otherTheme'), verb: 'exercises.browse' },
    { title: turn.t('exercises.result.progress'), verb: 'exercises.progress' },
  ];
}

function verdictOf(
  turn: ViewTurn,
  exercise: Exercise,
  chosen: { readonly id: string; readonly explanation: string } | undefined,
): Pick<ExerciseResultCardData, 'verdict' | 'verdictColor' | 'verdictReason'> {
  if (!isChoiceKind(exercise.kind) || !chosen) return { verdict: '', verdictColor: 'Good', verdictReason: '' };
  const right = chosen.id === exercise.correctOption;
  return {
    verdict: turn.t(right ? 'exercises.result.verdictRight' : 'exercises.result.verdictNotQuite'),
    verdictColor: right ? 'Good' : 'Attention',
    verdictReason: chosen.explanation,
  };
}

function optionMarker(turn: ViewTurn, best: boolean, chosen: boolean): string {
  if (best && chosen) return turn.t('exercises.result.bestAndChosen');
  if (best) return turn.t('exercises.result.best');
  return chosen ? turn.t('exercises.result.chosen') : '';
}

/** What the coach found, named by the same key points the learner ticks; empty when the model gave none. */
function feedbackKeyPoints(turn: ViewTurn, keyPoints: readonly string[], attempt: ExerciseAttempt): string {
  if (attempt.feedback?.status !== 'given' || !attempt.feedback.coveredKeyPoints) return '';
  const found = attempt.feedback.coveredKeyPoints.flatMap((index) => keyPoints[index] ?? []);
  if (found.length === 0) return turn.t('exercises.result.coachFoundNone');
  return turn.t('exercises.result.coachFound', { points: found.join('; ') });
}

function missedPoints(keyPoints: readonly string[], attempt: ExerciseAttempt): string[] {
  const covered = new Set(attempt.coveredKeyPoints ?? []);
  return keyPoints.filter((_, index) => !covered.has(index));
}

function savedLines(turn: ViewTurn, attempt: ExerciseAttempt, keyPointCount: number): string[] {
  return [
    ...(attempt.rating !== undefined ? [turn.t('exercises.result.saved', { rating: attempt.rating })] : [turn.t('exercises.result.savedPlain')]),
    ...(attempt.commitment ? [turn.t('exercises.result.savedCommitment', { commitment: attempt.commitment })] : []),
    turn.t('exercises.result.savedKeyPoints', { covered: attempt.coveredKeyPoints?.length ?? 0, total: keyPointCount }),
  ];
}
