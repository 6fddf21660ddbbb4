import type { CardView } from '../../src/cards/card-view';
import { cardView } from '../../src/cards/card-view';
import { helpCard, welcomeCard } from '../../src/home/home-cards';

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
];
