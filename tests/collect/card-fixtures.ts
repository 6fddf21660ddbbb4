import { cardView, type CardView } from '../../src/cards/card-view';
import { collectResultsCard } from '../../src/collect/collect-cards';

const bar = (label: string, count: number, percent: number): { label: string; count: number; percent: number; bar: string; figure: string } => ({
  label,
  count,
  percent,
  bar: '█'.repeat(Math.round(percent / 10)) + '░'.repeat(10 - Math.round(percent / 10)),
  figure: `${count} · ${percent}%`,
});

/** The shared results card as a workshop summary and as a check-in summary would fill it. */
export const cardFixtures: CardView[] = [
  cardView(collectResultsCard, {
    title: "Workshop summary: What the customer's business depends on",
    subtitle: "What does our customer's business depend on this quarter?",
    facts: [
      { title: 'Participants', value: '7' },
      { title: 'Voted', value: '6' },
      { title: 'Pledges', value: '4' },
    ],
    results: {
      summary: '',
      hiddenNote: '',
      sections: [
        { heading: 'Top answers by votes', note: 'People who voted: 6', bars: [bar('The quarter-end close in finance', 5, 83), bar('The new web shop launch', 3, 50)], items: [] },
        { heading: 'Pledges per theme', note: '', bars: [bar('Build trust, add value', 3, 75), bar('Be forward, take initiative', 1, 25)], items: [] },
      ],
    },
    footnote: 'Facilitators can type workshop export to get every answer as Markdown and CSV.',
  }),
  cardView(collectResultsCard, {
    title: 'Team check-in, week 12',
    subtitle: '',
    facts: [],
    results: {
      summary: '5 of 8 answered (63%)',
      hiddenNote: '',
      sections: [
        { heading: 'How often did we ask before we fixed?', note: 'Answers: 5 · average 3.4 of 5', bars: [1, 2, 3, 4, 5].map((value) => bar(String(value), value === 4 ? 3 : 0, value === 4 ? 60 : 0)), items: [] },
        { heading: 'One thing we did well', note: 'Answers: 2', bars: [], items: [{ text: 'We called the shop before the update.', detail: '' }, { text: 'Loaners were ready on Monday.', detail: 'Maria Lind' }] },
      ],
    },
    footnote: '',
  }),
  cardView(collectResultsCard, {
    title: 'Team check-in, week 13',
    subtitle: 'Not enough answers yet',
    facts: [],
    results: { summary: 'People who answered: 2', hiddenNote: 'Results show once at least 3 people have answered, so nobody can be singled out.', sections: [] },
    footnote: '',
  }),
];
