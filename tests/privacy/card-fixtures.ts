import { cardView, type CardView } from '../../src/cards/card-view';
import { confirmDeleteCard, noticeCard } from '../../src/privacy/privacy-cards';

const plain = { title: 'Radera dina data?', text: 'Det här tar bort allt jag sparar om dig.', confirmTitle: 'Radera allt', cancelTitle: 'Behåll mina data' };

export const cardFixtures: CardView[] = [
  cardView(confirmDeleteCard, { ...plain, runsIntro: '', handovers: [] }),
  cardView(confirmDeleteCard, {
    ...plain,
    runsIntro: 'You also run things for others. Choose what should happen to each:',
    handovers: [
      { id: 'handover:checkin:chk_1', label: 'The check-in "Weekly pulse"', value: 'stop', choices: [{ title: 'Stop it and tell the team', value: 'stop' }, { title: 'Hand it over to Kim Ek', value: 'u_kim' }] },
      { id: 'handover:workshop:w1', label: 'The workshop you started on 2026-03-09', value: 'stop', choices: [{ title: 'Close it', value: 'stop' }] },
    ],
  }),
  cardView(noticeCard, { title: 'Your data is deleted', text: 'I removed everything I kept about you:\n\n- Exercises\n- Settings' }),
];
