import { cardView, type CardView } from '../../src/cards/card-view';
import { workshopCard, workshopSetupCard, type WorkshopCardData } from '../../src/workshops/workshop-cards';

const workshopId = 'c_abcdefghijklmnopqrstuv:00lq2k3m4:AbCdEfGh';
const mris = Array.from({ length: 60 }, (_, index) => `29:1a2b3c4d-5e6f-7a8b-9c0d-${String(index).padStart(12, '0')}-long-teams-mri-suffix`);
const longAnswer = 'We should tell the shop managers before every update, because a till that restarts on a Saturday costs them sales and trust. '.repeat(3).slice(0, 280);

const baseCard: WorkshopCardData = {
  workshopId,
  refreshUserIds: mris,
  title: "What the customer's business depends on",
  prompt: "What does our customer's business depend on this quarter?",
  followUp: '',
  themeLine: "Theme: Understand the customer's business and culture",
  modeLine: 'Anonymous · one answer each · answers hidden until revealed · closes at 15:30',
  statusLine: 'Answers so far: 3',
  notice: '',
  answering: {
    show: true,
    heading: 'Your answer',
    isText: true,
    textSlots: [{ id: 'answer_new', value: '', placeholder: 'Write your answer…' }],
    isChoice: false,
    choiceId: '',
    choiceValue: '',
    isMultiSelect: false,
    choices: [],
    saveTitle: 'Save my answer',
  },
  results: { summary: '', hiddenNote: 'Answers stay hidden until they are revealed.', sections: [] },
  answersHeading: 'Answers',
  answers: [],
  pledge: { show: false, heading: '', themeLabel: '', themeChoices: [], themeValue: '', textLabel: '', textValue: '', buttonTitle: '' },
  picker: { show: false, label: '', choices: [], buttonTitle: '' },
  buttons: [{ title: 'Show my view', verb: 'workshop.view' }],
};

const themes = ['perspective', 'customers-customer', 'business', 'proactive', 'listen', 'demands', 'order-and-flexibility', 'trust'];

/** The setup card, the shared card while answering, a full facilitator view in voting, and a scale prompt. */
export const cardFixtures: CardView[] = [
  cardView(workshopSetupCard, {
    workshopId,
    refreshUserIds: mris.slice(0, 5),
    title: 'Set up a workshop prompt',
    intro: 'Choose a prompt from the programme or write your own. Only Alex Berg can post this card.',
    notice: '',
    canEdit: true,
    templateLabel: 'Prompt from the programme',
    templateChoices: Array.from({ length: 12 }, (_, index) => ({ title: `Business and culture: Prompt number ${index + 1}`, value: `template-${index + 1}` })),
    customLabel: '…or your own prompt',
    customPlaceholder: 'What do you want the team to think about?',
    anonymousTitle: 'Anonymous answers',
    hiddenTitle: 'Hide answers until I reveal them',
    multipleTitle: 'Let people give several answers',
    closesLabel: 'Stop taking answers at',
    votesLabel: 'Votes per person',
    votesChoices: [1, 2, 3, 4, 5].map((count) => ({ title: String(count), value: String(count) })),
    votesValue: '3',
    postTitle: 'Post to everyone',
    cancelTitle: 'Cancel',
  }),
  cardView(workshopSetupCard, {
    workshopId,
    refreshUserIds: [],
    title: 'Förbered en workshopfråga',
    intro: 'Alex Berg förbereder en workshopfråga.',
    notice: '',
    canEdit: false,
    templateLabel: '',
    templateChoices: [],
    customLabel: '',
    customPlaceholder: '',
    anonymousTitle: '',
    hiddenTitle: '',
    multipleTitle: '',
    closesLabel: '',
    votesLabel: '',
    votesChoices: [],
    votesValue: '3',
    postTitle: '',
    cancelTitle: '',
  }),
  cardView(workshopCard, baseCard),
  cardView(workshopCard, {
    ...baseCard,
    followUp: 'Which of those things can IT make or break, and are we ready for them?',
    statusLine: 'Dot-voting is open: you have 1 of 3 votes left.',
    notice: 'Your vote is counted.',
    answering: {
      ...baseCard.answering,
      heading: 'Your answers',
      textSlots: [
        { id: 'answer_a_Xy12', value: longAnswer, placeholder: 'Write your answer…' },
        { id: 'answer_new', value: '', placeholder: 'Add another answer…' },
      ],
    },
    results: { summary: '', hiddenNote: '', sections: [] },
    answersHeading: 'Answers, most votes first',
    answers: Array.from({ length: 15 }, (_, index) => ({
      answerId: `a_${index}abcdefghijklmnop`,
      text: longAnswer,
      detail: `votes: ${15 - index}`,
      buttons: [
        { title: index % 2 ? 'Vote' : 'Take back my vote', verb: index % 2 ? 'workshop.vote' : 'workshop.unvote', answerId: `a_${index}abcdefghijklmnop` },
        { title: 'Hide', verb: 'workshop.hide', answerId: `a_${index}abcdefghijklmnop` },
      ],
    })),
    pledge: {
      show: true,
      heading: 'From talk to practice: which behaviour will you practise this week?',
      themeLabel: 'Theme',
      themeChoices: themes.map((theme) => ({ title: `Theme ${theme}`, value: theme })),
      themeValue: 'business',
      textLabel: 'What exactly will you do? (optional)',
      textValue: 'Ask the shop manager about their busiest days before planning the roll-out.',
      buttonTitle: 'Make my pledge',
    },
    picker: { show: true, label: 'Who should run this workshop with you?', choices: [{ title: 'Maria Lind', value: 'u_maria' }], buttonTitle: 'Add as co-facilitator' },
    buttons: [
      { title: 'Close and post summary', verb: 'workshop.close' },
      { title: 'Export', verb: 'workshop.export' },
      { title: 'Add co-facilitator', verb: 'workshop.cofacilitators' },
      { title: 'Refresh', verb: 'workshop.view' },
    ],
  }),
  cardView(workshopCard, {
    ...baseCard,
    title: 'Frågar vi innan vi fixar?',
    refreshUserIds: [],
    answering: {
      ...baseCard.answering,
      isText: false,
      textSlots: [],
      isChoice: true,
      choiceId: 'answerScale',
      choiceValue: '4',
      choices: [1, 2, 3, 4, 5].map((value) => ({ title: value === 1 ? '1 – Nästan aldrig' : value === 5 ? '5 – Nästan alltid' : String(value), value: String(value) })),
    },
    results: {
      summary: '',
      hiddenNote: '',
      sections: [
        {
          heading: 'Resultat',
          note: 'Svar: 4 · medel 3,5 av 5',
          bars: [1, 2, 3, 4, 5].map((value) => ({ label: String(value), count: value === 4 ? 2 : 0, percent: value === 4 ? 50 : 0, bar: value === 4 ? '█████░░░░░' : '░░░░░░░░░░', figure: `${value === 4 ? 2 : 0} · ${value === 4 ? 50 : 0} %` })),
          items: [],
        },
      ],
    },
  }),
];
