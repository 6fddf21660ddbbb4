import { isChoiceKind, isFreeTextKind, type Exercise } from './exercise-content';

export const maxAnswerChars = 1000;
export const maxCommitmentChars = 300;

/** A problem to show on the card, as a locale key and its parameters. */
export interface InputProblem {
  readonly key: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: InputProblem };

export interface Answer {
  readonly choice?: string;
  readonly answer?: string;
}

const textOf = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** The learner's answer as the card sent it: a known option for choice kinds, 1–1000 characters of text for the rest. */
export function checkAnswer(exercise: Exercise, data: Readonly<Record<string, unknown>>): Checked<Answer> {
  const choice = textOf(data.choice);
  const answer = textOf(data.answer);
  if (isChoiceKind(exercise.kind) && !exercise.en.options?.some((option) => option.id === choice)) {
    return { ok: false, problem: { key: 'exercises.errors.chooseOption' } };
  }
  if (isFreeTextKind(exercise.kind)) {
    // With options the choice is the answer and the text is optional; without, the text is the answer.
    if (answer.length === 0 && !isChoiceKind(exercise.kind)) return { ok: false, problem: { key: 'exercises.errors.emptyAnswer' } };
    if (answer.length > maxAnswerChars) {
      return { ok: false, problem: { key: 'exercises.errors.answerTooLong', params: { max: maxAnswerChars, length: answer.length } } };
    }
  }
  return { ok: true, value: { ...(isChoiceKind(exercise.kind) ? { choice } : {}), ...(isFreeTextKind(exercise.kind) && answer ? { answer } : {}) } };
}

export interface SelfRating {
  /** Absent for choice exercises: after a verdict the learner says what they will do instead. */
  readonly rating?: number;
  readonly commitment?: string;
  readonly coveredKeyPoints: readonly number[];
}

/** The ticked key points as the card sends them ("0,2"): known indexes only, each once, in order. */
export function checkKeyPoints(value: unknown, count: number): number[] {
  const parts = typeof value === 'string' ? value.split(',') : [];
  const indexes = parts.map((part) => Number(part.trim())).filter((index) => Number.isInteger(index) && index >= 0 && index < count);
  return [...new Set(indexes)].sort((a, b) => a - b);
}

/** A rating of 1–5 is required; the commitment is optional and at most 300 characters. */
export function checkRating(data: Readonly<Record<string, unknown>>, exercise: Exercise): Checked<SelfRating> {
  const rating = typeof data.rating === 'number' ? data.rating : Number(textOf(data.rating) || Number.NaN);
  const commitment = textOf(data.commitment);
  const rated = !isChoiceKind(exercise.kind);
  if (rated && (!Number.isInteger(rating) || rating < 1 || rating > 5)) return { ok: false, problem: { key: 'exercises.errors.chooseRating' } };
  if (!rated && !commitment) return { ok: false, problem: { key: 'exercises.errors.writeWhatYouWillDo' } };
  if (commitment.length > maxCommitmentChars) {
    return { ok: false, problem: { key: 'exercises.errors.commitmentTooLong', params: { max: maxCommitmentChars, length: commitment.length } } };
  }
  const coveredKeyPoints = checkKeyPoints(data.keyPoints, exercise.en.keyPoints.length);
  return { ok: true, value: { ...(rated ? { rating } : {}), ...(commitment ? { commitment } : {}), coveredKeyPoints } };
}
