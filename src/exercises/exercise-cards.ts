import { cardTemplate } from '../cards/card-view';
import type { ChartData, StackedBar } from '../cards/chart';
import type { CardButton, CardChoice } from '../cards/card-parts';

/** The scenario with its input; re-rendered with an error line and the learner's text kept when it needs fixing. */
export interface ExerciseScenarioCardData {
  readonly themeName: string;
  readonly title: string;
  readonly scenario: string;
  readonly question: string;
  readonly hasOptions: boolean;
  readonly options: readonly CardChoice[];
  readonly choice: string;
  readonly hasText: boolean;
  readonly textLabel: string;
  readonly placeholder: string;
  readonly answer: string;
  readonly error: string;
  readonly submitTitle: string;
  readonly otherThemeTitle: string;
  readonly exerciseId: string;
  readonly attemptId: string;
}

export interface ExplainedOption {
  readonly text: string;
  /** "✓ Best answer", "Your choice" or both; empty for the others. */
  readonly marker: string;
  /** Green for the best answer, neutral for a choice that was not the best. */
  readonly markerColor: 'Good' | 'Default';
  readonly explanation: string;
}

export interface LabelledText {
  readonly label: string;
  readonly text: string;
}

/** The learner's answer beside the model perspectives, then the self-rating (or, once saved, what was saved). */
export interface ExerciseResultCardData {
  readonly themeName: string;
  readonly title: string;
  readonly yourAnswerHeading: string;
  readonly choiceLine: string;
  readonly answer: string;
  /** "Right" or "Not quite: here's why" for a choice; empty for free-text exercises. */
  readonly verdict: string;
  readonly verdictColor: 'Good' | 'Attention';
  /** The explanation of the option the learner chose. */
  readonly verdictReason: string;
  readonly hasOptions: boolean;
  readonly optionsHeading: string;
  readonly options: readonly ExplainedOption[];
  readonly hasFeedback: boolean;
  readonly feedbackHeading: string;
  readonly feedback: string;
  /** Which key points the model found in the answer, as one line; empty when there is none. */
  readonly feedbackKeyPoints: string;
  readonly goodHeading: string;
  readonly whatGoodLooksLike: string;
  readonly perspectivesHeading: string;
  readonly perspectives: readonly LabelledText[];
  readonly reflectionHeading: string;
  readonly reflection: string;
  readonly rateable: boolean;
  /** "How close was I" only where there is no verdict; after a verdict the card asks what the learner will do. */
  readonly askRating: boolean;
  readonly keyPointsLabel: string;
  /** The exercise's key points as tick boxes, valued by index. */
  readonly keyPointChoices: readonly CardChoice[];
  /** The ticked indexes as the card sends them ("0,2"), kept when the form comes back with a problem. */
  readonly keyPoints: string;
  readonly ratingLabel: string;
  readonly ratingChoices: readonly CardChoice[];
  readonly rating: string;
  readonly commitmentLabel: string;
  readonly commitmentPlaceholder: string;
  readonly commitment: string;
  readonly error: string;
  readonly saveTitle: string;
  readonly attemptId: string;
  readonly saved: boolean;
  readonly savedLines: readonly string[];
  readonly missedHeading: string;
  /** Key points the learner did not tick: what to add next time. */
  readonly missed: readonly string[];
  readonly buttons: readonly CardButton[];
}

export interface ExerciseThemesCardData {
  readonly title: string;
  readonly intro: string;
  readonly notice: string;
  readonly themeLabel: string;
  readonly themes: readonly CardChoice[];
  readonly startTitle: string;
  readonly pickForMeTitle: string;
}

/** A text bar: the chart's fallback for clients that cannot draw charts. */
export interface ThemeBar {
  readonly name: string;
  readonly bar: string;
  /** "2 of 4 exercises": the bar in words. */
  readonly ofTarget: string;
}

/** A role-play storyline to open from the progress card. */
export interface StorylineButton extends CardButton {
  readonly storylineId: string;
}

export interface ExerciseProgressCardData {
  readonly title: string;
  readonly streak: string;
  /** The longest streak ever, or empty before the first practice. */
  readonly longest: string;
  readonly total: string;
  /** Exercises answered but not saved yet, or empty when there are none. */
  readonly unfinished: string;
  readonly themesHeading: string;
  readonly themesNote: string;
  /** Completed exercises per theme against the theme's fixed target, drawn by Teams. */
  readonly themesChart: ChartData<StackedBar>;
  readonly themes: readonly ThemeBar[];
  /** Per practised theme: completions, self-rating and role-play checks. */
  readonly themeDetails: readonly LabelledText[];
  readonly commitmentsHeading: string;
  readonly hasCommitments: boolean;
  readonly commitments: readonly LabelledText[];
  readonly noCommitments: string;
  readonly hasPledges: boolean;
  readonly pledgesHeading: string;
  readonly pledges: readonly LabelledText[];
  /** False when role-play is not part of this app; then the section is left out. */
  readonly showRoleplay: boolean;
  readonly roleplayHeading: string;
  readonly roleplayMeetings: string;
  /** The customer's latest trust per storyline played. */
  readonly roleplayTrust: readonly LabelledText[];
  /** The weakest theme by the spaced pick, with a storyline that practises it; empty when there is none to suggest. */
  readonly suggestion: string;
  readonly suggestionButtons: readonly StorylineButton[];
  /** Reflections after customer meetings (the meetings capability), with the follow-ups written on them. */
  readonly hasReflections: boolean;
  readonly reflectionsHeading: string;
  readonly hasFollowUps: boolean;
  readonly followUps: readonly LabelledText[];
  readonly buttons: readonly CardButton[];
}

export const exerciseScenarioCard = cardTemplate<ExerciseScenarioCardData>('exercise-scenario');
export const exerciseResultCard = cardTemplate<ExerciseResultCardData>('exercise-result');
export const exerciseThemesCard = cardTemplate<ExerciseThemesCardData>('exercise-themes');
export const exerciseProgressCard = cardTemplate<ExerciseProgressCardData>('exercise-progress');
