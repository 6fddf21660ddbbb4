import { cardView, type CardView } from '../../src/cards/card-view';
import { confirmDeleteCard, noticeCard } from '../../src/privacy/privacy-cards';

export const cardFixtures: CardView[] = [
  cardView(confirmDeleteCard, { title: 'Radera dina data?', text: 'Det här tar bort dina övningssvar.', confirmTitle: 'Radera allt', cancelTitle: 'Behåll mina data' }),
  cardView(noticeCard, { title: 'Your data is deleted', text: 'I removed 12 records.' }),
];
