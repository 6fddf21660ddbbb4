import { cardView, type CardView } from '../cards/card-view';
import { collectResultsCard, csvCell, escapeCardMarkdown, type CollectResultsCardData, type ResultSection, scaleValues, toBars } from '../collect';
import type { ThemeCatalog } from '../content/themes';
import type { Locale } from '../core/locale';
import type { Translate } from '../core/translator';
import type { Pledge } from './pledges/pledges';
import type { PromptWords } from './prompt-words';
import { rankByVotes } from './workshop';
import type { WorkshopSnapshot } from './workshop-view';

/** One line of results: an answer with its votes (and author, only when named), or an option with its count. */
export interface SummaryRow {
  readonly label: string;
  readonly count: number;
  readonly author?: string;
}

/** What a closed (or revealed) workshop produced, with nothing that links an anonymous answer to a person. */
export interface WorkshopSummary {
  readonly title: string;
  readonly prompt: string;
  readonly themeName: string;
  readonly anonymous: boolean;
  readonly form: 'free-text' | 'options' | 'scale';
  readonly visible: boolean;
  readonly participants: number;
  readonly voters: number;
  /** Free text: answers, most votes first. Options and scale: the distribution. */
  readonly rows: readonly SummaryRow[];
  readonly pledgesByTheme: readonly { readonly label: string; readonly count: number }[];
  readonly pledges: number;
}

export function summarise(snapshot: WorkshopSnapshot, words: PromptWords, voters: number, pledges: readonly Pledge[], themes: ThemeCatalog, locale: Locale): WorkshopSummary {
  const { collection, sheet, results, votes } = snapshot;
  const question = results.questions[0];
  const form = collection.questions[0]?.form ?? 'free-text';
  let rows: SummaryRow[] = [];
  if (results.visible && form === 'free-text') {
    rows = rankByVotes(sheet.answers, votes).map((answer) => ({
      label: answer.value.kind === 'text' ? answer.value.text : '',
      count: votes.get(answer.answerId) ?? 0,
      ...(answer.author ? { author: answer.author } : {}),
    }));
  } else if (results.visible && question && form === 'options') {
    rows = question.optionCounts.map((count, index) => ({ label: words.options[index] ?? String(index + 1), count }));
  } else if (results.visible && question) {
    rows = scaleValues.map((value, index) => ({ label: String(value), count: question.scaleCounts[index] ?? 0 }));
  }
  const pledgesByTheme = themes.all
    .map((theme) => ({ label: theme[locale].name, count: pledges.filter((pledge) => pledge.theme === theme.id).length }))
    .filter((entry) => entry.count > 0)
    .sort((a, b) => b.count - a.count);
  return {
    title: words.title,
    prompt: words.prompt,
    themeName: words.themeName,
    anonymous: collection.settings.anonymous,
    form,
    visible: results.visible,
    participants: sheet.respondents,
    voters,
    rows,
    pledgesByTheme,
    pledges: pledges.length,
  };
}

const topOnCard = 5;

/** The summary posted at close, drawn with the shared results card. */
export function summaryCardView(summary: WorkshopSummary, t: Translate): CardView<CollectResultsCardData> {
  const sections: ResultSection[] = [];
  if (summary.form === 'free-text' && summary.voters > 0) {
    sections.push({ heading: t('workshops.summary.topAnswers'), note: t('workshops.summary.votedNote', { count: summary.voters }), bars: toBars(summary.rows.slice(0, topOnCard), summary.voters, t), items: [] });
  } else if (summary.form === 'free-text') {
    sections.push({ heading: t('workshops.summary.answersHeading'), note: '', bars: [], items: summary.rows.slice(0, topOnCard).map((row) => ({ text: escapeCardMarkdown(row.label), detail: escapeCardMarkdown(row.author ?? '') })) });
  } else if (summary.rows.length > 0) {
    const answered = summary.participants;
    sections.push({ heading: t('workshops.card.resultsHeading'), note: '', bars: toBars(summary.rows, answered, t), items: [] });
  }
  sections.push({
    heading: t('workshops.summary.pledgesByTheme'),
    note: summary.pledges === 0 ? t('workshops.summary.noPledges') : '',
    bars: toBars(summary.pledgesByTheme, summary.pledges, t),
    items: [],
  });
  return cardView(collectResultsCard, {
    title: t('workshops.summary.title', { title: summary.title }),
    subtitle: summary.prompt,
    facts: [
      { title: t('workshops.summary.participants'), value: String(summary.participants) },
      { title: t('workshops.summary.voters'), value: String(summary.voters) },
      { title: t('workshops.summary.pledges'), value: String(summary.pledges) },
      ...(summary.themeName ? [{ title: t('workshops.summary.theme'), value: summary.themeName }] : []),
    ],
    results: { summary: '', hiddenNote: summary.visible ? '' : t('workshops.summary.tooFew'), sections: summary.visible ? sections : [] },
    footnote: t('workshops.summary.footnote'),
  });
}

/** The export as Markdown: headings, a numbered list of answers with votes, and pledges per theme. */
export function exportMarkdown(summary: WorkshopSummary, t: Translate): string {
  const lines = [
    `## ${t('workshops.export.heading', { title: escapeMarkdown(summary.title) })}`,
    `**${t('workshops.export.prompt')}:** ${escapeMarkdown(summary.prompt)}`,
    ...(summary.themeName ? [`**${t('workshops.summary.theme')}:** ${summary.themeName}`] : []),
    `**${t('workshops.summary.participants')}:** ${summary.participants} · ${t(summary.anonymous ? 'workshops.export.anonymous' : 'workshops.export.named')}`,
    '',
    `### ${t(summary.form === 'free-text' ? 'workshops.summary.answersHeading' : 'workshops.card.resultsHeading')}`,
    ...summary.rows.map((row, index) => {
      const author = row.author ? ` (${escapeMarkdown(row.author)})` : '';
      const figure = summary.form === 'free-text' ? t('workshops.card.votes', { count: row.count }) : String(row.count);
      return `${index + 1}. ${escapeMarkdown(row.label)}${author} · ${figure}`;
    }),
    ...(summary.visible ? [] : [t('workshops.summary.tooFew')]),
    '',
    `### ${t('workshops.summary.pledgesByTheme')}`,
    ...(summary.pledgesByTheme.length === 0 ? [t('workshops.summary.noPledges')] : summary.pledgesByTheme.map((entry) => `- ${entry.label}: ${entry.count}`)),
  ];
  return lines.join('\n');
}

/** The export as CSV (RFC 4180, with cells that a spreadsheet would run as a formula defused). */
export function exportCsv(summary: WorkshopSummary, t: Translate): string {
  const named = !summary.anonymous && summary.rows.some((row) => row.author !== undefined);
  const header =
    summary.form === 'free-text'
      ? ['rank', 'answer', 'votes', ...(named ? ['author'] : [])].map((column) => t(`workshops.export.csv.${column}`))
      : [t('workshops.export.csv.option'), t('workshops.export.csv.count')];
  const rows = summary.rows.map((row, index) =>
    summary.form === 'free-text' ? [String(index + 1), row.label, String(row.count), ...(named ? [row.author ?? ''] : [])] : [row.label, String(row.count)],
  );
  return [header, ...rows].map((cells) => cells.map(csvCell).join(',')).join('\r\n');
}

function escapeMarkdown(value: string): string {
  return escapeCardMarkdown(value.replace(/\r?\n/g, ' '));
}
