import type { CardView } from '../../src/cards/card-view';
import { cardView } from '../../src/cards/card-view';
import { helpCard, welcomeCard } from '../../src/home/home-cards';
import { timeZoneCard } from '../../src/home/time-zone-service';
import { zoneChoices } from '../../src/schedules/time-zones';

/** Realistic data for every home template, long enough to catch layout mistakes. */
export const cardFixtures: CardView[] = [
  cardView(welcomeCard, {
    title: "Hi, I'm Partner Coach",
    intro: 'I help you keep being a partner to your customer.',
    roles: [
      { heading: 'For staff', text: 'Short exercises and role-play.' },
      { heading: 'For managers', text: 'Team check-ins as aggregates.' },
    ],
    buttons: [{ title: 'Show commands', verb: 'home.help' }],
    footnote: 'Type help at any time.',
  }),
  cardView(helpCard, {
    title: 'Det här kan jag',
    intro: 'Skriv ett kommando.',
    notice: 'Klart: från och med nu pratar jag svenska med dig.',
    commandsHeading: 'Kommandon',
    commands: [{ command: 'hjälp', description: 'Visa det här kortet.' }],
    buttons: [{ title: 'English', verb: 'home.language.en' }],
  }),
  cardView(timeZoneCard, {
    title: 'Din tidszon',
    notice: 'Sparat: America/New_York.',
    intro: 'Din tidszon är America/New_York, som du har valt.',
    label: 'Tidszon',
    value: 'America/New_York',
    choices: zoneChoices(new Date('2026-03-09T07:00:00Z'), ['America/New_York']),
    hint: 'Finns den inte med? Skriv tidszon och din stad.',
    saveTitle: 'Spara',
  }),
];
