import { cardView, type CardView } from '../../src/cards/card-view';
import { reminderNudgeCard, reminderSetupCard } from '../../src/reminders/reminder-cards';

const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((value) => ({ title: value, value }));

/** The reminder form (new and existing) and the nudge with and without links into other capabilities. */
export const cardFixtures: CardView[] = [
  cardView(reminderSetupCard, {
    title: 'Practice reminders',
    intro: "Choose the days and the time. I'll nudge you then, in your time zone (Europe/Stockholm).",
    notice: '',
    daysLabel: 'Days',
    days: 'mon,wed,fri',
    dayChoices: days,
    timeLabel: 'Time',
    time: '08:30',
    saveTitle: 'Save reminder',
    canStop: false,
    stopTitle: 'Stop reminders',
  }),
  cardView(reminderSetupCard, {
    title: 'Påminnelser om att öva',
    intro: 'Välj dagar och tid.',
    notice: 'Klart: jag påminner dig varje vecka på mån, ons kl. 07:45.',
    daysLabel: 'Dagar',
    days: 'mon,wed',
    dayChoices: days,
    timeLabel: 'Tid',
    time: '07:45',
    saveTitle: 'Spara påminnelsen',
    canStop: true,
    stopTitle: 'Stäng av påminnelser',
  }),
  cardView(reminderNudgeCard, {
    title: 'Time for a few minutes of practice',
    theme: 'Big ears and an open mind',
    suggestion: 'In your next conversation, ask two questions before you suggest anything, then summarise what you heard.',
    notice: '',
    buttons: [
      { title: 'Start an exercise', verb: 'exercises.start' },
      { title: 'Role-play a customer meeting', verb: 'roleplay.picker' },
    ],
    laterTitle: 'Later today',
    tomorrowTitle: 'Tomorrow',
    snoozeTitle: 'In a week',
    stopTitle: 'Stop reminders',
    active: true,
  }),
  cardView(reminderNudgeCard, {
    title: 'Dags för några minuters övning',
    theme: 'Bygg förtroende',
    suggestion: 'Vilket litet löfte kan du ge och hålla den här veckan?',
    notice: 'Pausat.',
    buttons: [],
    laterTitle: 'Senare i dag',
    tomorrowTitle: 'I morgon',
    snoozeTitle: 'Om en vecka',
    stopTitle: 'Stäng av påminnelser',
    active: false,
  }),
];
