import { resultsVisible, scaleValues, type AnswerForm, type AnswerSheet, type Collection, type VisibleAnswer } from './collection';

/** The results of one question: counts per option, the 1–5 distribution, or the visible texts. */
export interface QuestionResults {
  readonly questionId: string;
  readonly form: AnswerForm;
  /** How many answers this question got (for options and scale: how many people answered it). */
  readonly answers: number;
  /** Options only: how many people picked each option, by option index. */
  readonly optionCounts: readonly number[];
  /** Scale only: how many people chose 1, 2, 3, 4 and 5. */
  readonly scaleCounts: readonly number[];
  readonly scaleMean: number | undefined;
  /** Free text only, in the sheet's order. */
  readonly texts: readonly VisibleAnswer[];
}

/** Counts and distributions for a collection; per-question data only once results may be shown. */
export interface CollectionResults {
  readonly respondents: number;
  readonly invited: number | undefined;
  /** Share of invited people who answered, 0–1, when the number invited is known. */
  readonly responseRate: number | undefined;
  readonly visible: boolean;
  readonly questions: readonly QuestionResults[];
}

/** Pure aggregation of a sheet; nothing per question is returned while results must stay hidden. */
export function aggregate(collection: Collection, sheet: AnswerSheet, invited?: number): CollectionResults {
  const visible = resultsVisible(collection, sheet.respondents);
  const known = invited !== undefined && invited > 0 ? invited : undefined;
  return {
    respondents: sheet.respondents,
    invited: known,
    responseRate: known === undefined ? undefined : Math.min(1, sheet.respondents / known),
    visible,
    questions: visible ? collection.questions.map((question) => questionResults(question, sheet.answers)) : [],
  };
}

function questionResults(question: Collection['questions'][number], all: readonly VisibleAnswer[]): QuestionResults {
  const answers = all.filter((answer) => answer.questionId === question.id);
  const optionCounts = Array.from({ length: question.form === 'options' ? (question.optionCount ?? 0) : 0 }, () => 0);
  const scaleCounts = question.form === 'scale' ? scaleValues.map(() => 0) : [];
  let scaleTotal = 0;
  for (const { value } of answers) {
    if (value.kind === 'options') for (const index of value.indices) optionCounts[index] = (optionCounts[index] ?? 0) + 1;
    if (value.kind === 'scale') {
      scaleCounts[value.value - 1] = (scaleCounts[value.value - 1] ?? 0) + 1;
      scaleTotal += value.value;
    }
  }
  return {
    questionId: question.id,
    form: question.form,
    answers: answers.length,
    optionCounts,
    scaleCounts,
    scaleMean: question.form === 'scale' && answers.length > 0 ? scaleTotal / answers.length : undefined,
    texts: question.form === 'free-text' ? answers : [],
  };
}
