import { UserFacingError } from '../core/errors';

/** How a question is answered: free text, one or more of fixed options, or a value on a 1–5 scale. */
export type AnswerForm = 'free-text' | 'options' | 'scale';

/** One question; option and scale labels are content, looked up by the caller in the reader's language. */
export interface Question {
  readonly id: string;
  readonly form: AnswerForm;
  /** Number of options when the form is 'options'. */
  readonly optionCount?: number;
}

/** The rules a collection is created with. */
export interface CollectionSettings {
  /** Answers are stored under a keyed pseudonym and shown without names. */
  readonly anonymous: boolean;
  /** Results stay hidden until this many people have answered (so nobody can be singled out). */
  readonly minResponses: number;
  /** 1 = one answer per person and question; more = several free-text answers, or several options picked. */
  readonly maxAnswersPerPerson: number;
  /** 'live' shows results as they come in; 'when-revealed' waits for reveal() or close(). */
  readonly resultsShown: 'live' | 'when-revealed';
  /** ISO time after which answers are no longer taken, even before close() is called. */
  readonly closesAt?: string;
}

/** A set of questions that several people answer: a workshop prompt, a team check-in. */
export interface Collection {
  readonly id: string;
  /** Which capability created it ('workshop', 'check-in'…). */
  readonly purpose: string;
  readonly questions: readonly Question[];
  readonly settings: CollectionSettings;
  readonly status: 'open' | 'closed';
  readonly revealed: boolean;
  /** Answers taken out by moderation; they stay stored but are never shown or counted. */
  readonly hiddenAnswerIds: readonly string[];
  readonly createdAt: string;
  readonly closedAt?: string;
}

export type AnswerValue =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'options'; readonly indices: readonly number[] }
  | { readonly kind: 'scale'; readonly value: number };

/** One answer; `answerId` is random, stays the same when the person edits it, and says nothing about who wrote it. */
export interface Answer {
  readonly answerId: string;
  readonly questionId: string;
  readonly value: AnswerValue;
}

/** An answer as a facilitator or manager may see it: `author` only in named collections. */
export interface VisibleAnswer extends Answer {
  readonly author?: string;
}

/** Everyone's visible answers, in a stable order that has nothing to do with who answered or when. */
export interface AnswerSheet {
  readonly respondents: number;
  readonly answers: readonly VisibleAnswer[];
}

/** What a person sends for one question. Free-text entries name the own answer they replace; empty text removes it. */
export type AnswerSubmission =
  | { readonly questionId: string; readonly form: 'free-text'; readonly texts: readonly { readonly answerId?: string; readonly text: string }[] }
  | { readonly questionId: string; readonly form: 'options'; readonly indices: readonly number[] }
  | { readonly questionId: string; readonly form: 'scale'; readonly value: number };

export const maxAnswerLength = 500;
export const scaleValues = [1, 2, 3, 4, 5] as const;

/** True while answers are taken: not closed, and the closing time (if any) not yet reached. */
export function acceptsAnswers(collection: Collection, now: Date): boolean {
  if (collection.status !== 'open') return false;
  return collection.settings.closesAt === undefined || now.getTime() < Date.parse(collection.settings.closesAt);
}

/** Whether anyone may see the results now, given how many people have answered. */
export function resultsVisible(collection: Collection, respondents: number): boolean {
  if (respondents < collection.settings.minResponses) return false;
  return collection.settings.resultsShown === 'live' || collection.revealed || collection.status === 'closed';
}

/** Applies a person's submissions to their current answers; keeps answer ids of edited answers. Throws UserFacingError. */
export function applySubmissions(
  collection: Collection,
  current: readonly Answer[],
  submissions: readonly AnswerSubmission[],
  newId: () => string,
): Answer[] {
  let answers = [...current];
  for (const submission of submissions) {
    const question = collection.questions.find((candidate) => candidate.id === submission.questionId);
    if (!question || question.form !== submission.form) throw new UserFacingError('collect.errors.invalid');
    const own = answers.filter((answer) => answer.questionId === question.id);
    const replaced = replaceAnswers(collection, question, own, submission, newId);
    answers = [...answers.filter((answer) => answer.questionId !== question.id), ...replaced];
  }
  return answers;
}

function replaceAnswers(collection: Collection, question: Question, own: readonly Answer[], submission: AnswerSubmission, newId: () => string): Answer[] {
  const { maxAnswersPerPerson } = collection.settings;
  const idOf = (): string => own[0]?.answerId ?? newId();
  switch (submission.form) {
    case 'free-text': {
      if (submission.texts.some((entry) => entry.text.trim().length > maxAnswerLength)) throw new UserFacingError('errors.tooLong', { max: maxAnswerLength });
      if (maxAnswersPerPerson === 1) return replaceSingleText(question, own[0], submission.texts, newId);
      const ownIds = new Set(own.map((answer) => answer.answerId));
      const edits = new Map(submission.texts.flatMap((entry) => (entry.answerId !== undefined && ownIds.has(entry.answerId) ? [[entry.answerId, entry.text.trim()] as const] : [])));
      const kept = own.flatMap((answer): Answer[] => {
        const text = edits.get(answer.answerId);
        if (text === undefined) return [answer];
        return text ? [{ ...answer, value: { kind: 'text', text } }] : [];
      });
      const added = submission.texts
        .filter((entry) => entry.answerId === undefined || !ownIds.has(entry.answerId))
        .map((entry) => entry.text.trim())
        .filter(Boolean)
        .map((text): Answer => ({ answerId: newId(), questionId: question.id, value: { kind: 'text', text } }));
      const result = [...kept, ...added];
      if (result.length > maxAnswersPerPerson) throw new UserFacingError('collect.errors.tooMany', { max: maxAnswersPerPerson });
      return result;
    }
    case 'options': {
      const indices = [...new Set(submission.indices)].sort((a, b) => a - b);
      const count = question.optionCount ?? 0;
      if (indices.some((index) => !Number.isInteger(index) || index < 0 || index >= count)) throw new UserFacingError('collect.errors.invalid');
      if (indices.length > maxAnswersPerPerson) throw new UserFacingError('collect.errors.tooMany', { max: maxAnswersPerPerson });
      return indices.length === 0 ? [] : [{ answerId: idOf(), questionId: question.id, value: { kind: 'options', indices } }];
    }
    case 'scale':
      if (!(scaleValues as readonly number[]).includes(submission.value)) throw new UserFacingError('collect.errors.invalid');
      return [{ answerId: idOf(), questionId: question.id, value: { kind: 'scale', value: submission.value } }];
  }
}

/** One answer each: whatever was typed replaces the person's answer (also from a card that did not show it to them). */
function replaceSingleText(question: Question, mine: Answer | undefined, entries: readonly { readonly answerId?: string; readonly text: string }[], newId: () => string): Answer[] {
  const typed = entries.map((entry) => entry.text.trim()).filter(Boolean).at(-1);
  if (typed) return [{ answerId: mine?.answerId ?? newId(), questionId: question.id, value: { kind: 'text', text: typed } }];
  const clearedMine = mine !== undefined && entries.some((entry) => entry.answerId === mine.answerId);
  return mine && !clearedMine ? [mine] : [];
}
