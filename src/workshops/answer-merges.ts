import type { AnswerSheet, VisibleAnswer } from '../collect';

/** Answers a facilitator merged: absorbed answer id → the answer whose wording is kept. Flat: a kept answer is never absorbed. */
export type Merges = Readonly<Record<string, string>>;

/** The sheet as people see it after merges: kept answers only, each with the answers merged into it. */
export interface MergedSheet extends AnswerSheet {
  readonly absorbed: ReadonlyMap<string, readonly VisibleAnswer[]>;
  /** The answer an answer id now counts as (itself when it was not merged). */
  readonly canonical: (answerId: string) => string;
}

/** Applies the merges whose two answers are both still on the sheet (an answer withdrawn or hidden since stops the merge). */
export function applyMerges(sheet: AnswerSheet, merges: Merges | undefined): MergedSheet {
  const present = new Set(sheet.answers.map((answer) => answer.answerId));
  const active = new Map(Object.entries(merges ?? {}).filter(([from, into]) => from !== into && present.has(from) && present.has(into)));
  const canonical = (answerId: string): string => active.get(answerId) ?? answerId;
  const absorbed = new Map<string, VisibleAnswer[]>();
  for (const answer of sheet.answers) {
    const into = active.get(answer.answerId);
    if (into !== undefined) absorbed.set(into, [...(absorbed.get(into) ?? []), answer]);
  }
  return { respondents: sheet.respondents, answers: sheet.answers.filter((answer) => !active.has(answer.answerId)), absorbed, canonical };
}

/** Merges `from` (and whatever was merged into it) into `into`, keeping the merges flat. */
export function mergeAnswers(merges: Merges | undefined, from: string, into: string): Merges {
  const target = merges?.[into] ?? into;
  const next: Record<string, string> = {};
  for (const [source, kept] of Object.entries(merges ?? {})) next[source] = kept === from ? target : kept;
  next[from] = target;
  delete next[target];
  return next;
}

/** Undoes every merge into `into`: each answer counts its own votes again. */
export function separateAnswers(merges: Merges | undefined, into: string): Merges {
  return Object.fromEntries(Object.entries(merges ?? {}).filter(([, kept]) => kept !== into));
}

/** Each person's votes as distinct kept answers, so someone who voted for two merged answers counts once. */
export function countedVotes(answerIds: readonly string[], canonical: (answerId: string) => string): string[] {
  return [...new Set(answerIds.map(canonical))];
}
