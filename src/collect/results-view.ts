import { textBar } from '../cards/text-bar';
import type { Locale } from '../core/locale';
import type { Translate } from '../core/translator';
import type { CollectionResults, QuestionResults } from './aggregation';
import { scaleValues } from './collection';
import { escapeCardMarkdown } from './safe-text';

/** One bar of a results chart: a text bar (it reads the same in every Teams client) and the figure beside it. */
export interface ResultBar {
  readonly label: string;
  readonly bar: string;
  readonly figure: string;
  readonly count: number;
  readonly percent: number;
}

/** A listed free-text answer; `detail` is the author in named collections, or a vote count. */
export interface ResultItem {
  readonly text: string;
  readonly detail: string;
}

/** One block of results: a heading, a note, and bars and/or listed texts. */
export interface ResultSection {
  readonly heading: string;
  readonly note: string;
  readonly bars: readonly ResultBar[];
  readonly items: readonly ResultItem[];
}

/** Results as the workshop card and the check-in summary card both render them (cards/collect-results.json). */
export interface ResultsView {
  /** "5 answers" or "5 of 8 answered (63 %)". */
  readonly summary: string;
  /** Why nothing is shown yet; empty when results are visible. */
  readonly hiddenNote: string;
  readonly sections: readonly ResultSection[];
}

/** The words for one question in the reader's language. */
export interface QuestionLabels {
  readonly heading: string;
  readonly options?: readonly string[];
  readonly scale?: { readonly low: string; readonly high: string };
}


/** Bars for counts out of a denominator (people who answered, votes cast…). */
export function toBars(entries: readonly { readonly label: string; readonly count: number }[], denominator: number, t: Translate): ResultBar[] {
  return entries.map(({ label, count }) => {
    const percent = denominator > 0 ? Math.round((count / denominator) * 100) : 0;
    return { label, count, percent, bar: textBar(percent, 100), figure: t('collect.results.figure', { count, percent }) };
  });
}

/** The results view of a collection, in the reader's language; labels come from the caller's content. */
export function resultsView(
  results: CollectionResults,
  minResponses: number,
  labelsOf: (questionId: string) => QuestionLabels,
  t: Translate,
  locale: Locale,
): ResultsView {
  const summary =
    results.invited === undefined || results.responseRate === undefined
      ? t('collect.results.respondents', { count: results.respondents })
      : t('collect.results.responseRate', { count: results.respondents, invited: results.invited, percent: Math.round(results.responseRate * 100) });
  if (!results.visible) {
    const hiddenNote = results.respondents < minResponses ? t('collect.results.tooFew', { min: minResponses }) : t('collect.results.notRevealed');
    return { summary, hiddenNote, sections: [] };
  }
  return { summary, hiddenNote: '', sections: results.questions.map((question) => section(question, labelsOf(question.questionId), t, locale)) };
}

function section(question: QuestionResults, labels: QuestionLabels, t: Translate, locale: Locale): ResultSection {
  const base = { heading: labels.heading, note: t('collect.results.answers', { count: question.answers }) };
  switch (question.form) {
    case 'options': {
      const entries = question.optionCounts.map((count, index) => ({ label: labels.options?.[index] ?? String(index + 1), count }));
      return { ...base, bars: toBars(entries, question.answers, t), items: [] };
    }
    case 'scale': {
      const entries = scaleValues.map((value, index) => ({ label: scaleLabel(value, labels), count: question.scaleCounts[index] ?? 0 }));
      const mean = question.scaleMean === undefined ? '' : new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(question.scaleMean);
      const note = mean ? `${base.note} · ${t('collect.results.mean', { mean })}` : base.note;
      return { ...base, note, bars: toBars(entries, question.answers, t), items: [] };
    }
    case 'free-text':
      return { ...base, bars: [], items: question.texts.map((answer) => ({ text: escapeCardMarkdown(answer.value.kind === 'text' ? answer.value.text : ''), detail: escapeCardMarkdown(answer.author ?? '') })) };
  }
}

function scaleLabel(value: number, labels: QuestionLabels): string {
  if (value === 1 && labels.scale) return `1 – ${labels.scale.low}`;
  if (value === 5 && labels.scale) return `5 – ${labels.scale.high}`;
  return String(value);
}
