import { cardView, type CardView } from '../../src/cards/card-view';
import { meetingReflectionCard } from '../../src/meetings/meeting-cards';

const choices = [
  { title: 'Yes', value: 'yes' },
  { title: 'Partly', value: 'partly' },
  { title: 'Not really', value: 'no' },
];
const labels = {
  title: 'How did it go with the customer?',
  intro: 'Your meeting has ended. One tap per question; only you see this.',
  meetingKey: 'm_abcdefghijklmnopqrstuv',
  followUpLabel: 'What will I follow up, and by when?',
  followUpPlaceholder: 'For example: send Anna the backup plan',
  dateLabel: 'Date',
  timeLabel: 'Time',
  saveTitle: 'Save',
};

/** The reflection form (new, and back with a problem) and the saved answers. */
export const cardFixtures: CardView[] = [
  cardView(meetingReflectionCard, {
    ...labels,
    notice: '',
    askForm: true,
    questions: [
      { id: 'situation', label: "Did I find out the customer's situation and need before I proposed anything?", value: '', choices },
      { id: 'customersCustomer', label: "Did I think about what the customer's own customers need from this?", value: '', choices },
      { id: 'followUp', label: 'Did we agree on what I will follow up, and by when?', value: '', choices },
    ],
    followUpValue: '',
    dateValue: '',
    timeValue: '',
    thanks: '',
    saved: [],
  }),
  cardView(meetingReflectionCard, {
    ...labels,
    title: 'Hur gick det med kunden?',
    notice: 'Den tiden har redan passerat. Välj en tid framåt för uppföljningen.',
    askForm: true,
    questions: [{ id: 'situation', label: 'Tog jag reda på kundens läge och behov innan jag föreslog något?', value: 'partly', choices }],
    followUpValue: 'Ringa Anna om backupen',
    dateValue: '2026-03-01',
    timeValue: '14:00',
    thanks: '',
    saved: [],
  }),
  cardView(meetingReflectionCard, {
    ...labels,
    notice: '',
    askForm: false,
    questions: [],
    followUpValue: '',
    dateValue: '',
    timeValue: '',
    thanks: "Saved. I'll remind you of your follow-up at the time you chose.",
    saved: [
      { title: "Did I find out the customer's situation and need before I proposed anything?", value: 'Not really' },
      { title: 'What will I follow up, and by when?', value: 'Send Anna the backup plan (by Fri 13 Mar, 14:00)' },
    ],
  }),
];
