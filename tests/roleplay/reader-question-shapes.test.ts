import type { Intent } from '../../src/roleplay/reading/intents';
import { reads, readsNo } from './reader-assertions';

// Whether a question asks about the situation follows from its shape: when or where something happens, not which thing to work on.
describe('role-play reader: when, where and which', () => {
  it('when a question asks when or where the trouble happens, the verb right after the question word, then it asks about the situation', () => {
    reads('when does the screen lock up, only at payment or all day?', 'en', 'asks-situation');
    reads('where does it hang, already at login?', 'en', 'asks-situation');
    reads('när kraschar programmet, bara vid betalningen eller hela tiden?', 'sv', 'asks-situation');
    reads('var hänger det sig, redan vid inloggningen?', 'sv', 'asks-situation');
    reads('när blir det värst, på morgonen?', 'sv', 'asks-situation');
  });

  it('when a "när" question is about the learner’s own visit, or a "när" clause only sets the scene, then it asks nothing about the situation', () => {
    readsNo('när kan jag komma förbi?', 'sv', 'asks-situation');
    readsNo('när passar det dig att jag tittar på den?', 'sv', 'asks-situation');
    readsNo('när den fryser nästa gång, ring mig direkt', 'sv', 'asks-situation');
  });

  it('when a question only asks which one thing to work on or where it stands, then it asks nothing about the situation', () => {
    readsNo('which laptop is it?', 'en', 'asks-situation');
    readsNo("ok, where's the scanner?", 'en', 'asks-situation');
    readsNo('vilken skärm gäller det?', 'sv', 'asks-situation');
    readsNo('var står skrivaren?', 'sv', 'asks-situation');
    // Which ones are involved, or which one does what, asks about what happens.
    reads('which ones are they, the ones by the door?', 'en', 'asks-situation');
    reads('which laptop is it that keeps freezing?', 'en', 'asks-situation');
    reads('vilka datorer är det som hänger sig?', 'sv', 'asks-situation');
    reads('var är felet, i kassan eller i terminalen?', 'sv', 'asks-situation');
  });

  it('when a question about what lies ahead names the time with a number, in words or digits, then it asks about the business in full', () => {
    reads('oh, what happens in three weeks?', 'en', 'asks-business');
    reads('what happens in 2 weeks?', 'en', 'asks-business');
    reads('oj, vad händer om tre veckor?', 'sv', 'asks-business');
    reads('vad händer om 2 veckor?', 'sv', 'asks-business');
  });

  it('when the learner asks to be shown what happens ("show me …", "visa mig …"), then it asks about the situation', () => {
    reads('show me one booking so i can see where it hangs', 'en', 'asks-situation');
    reads('can you show me what the screen does when you take a payment?', 'en', 'asks-situation');
    reads('visa mig en bokning så jag ser var den hänger sig', 'sv', 'asks-situation');
    reads('kan du visa mig vad skärmen gör när du tar betalt?', 'sv', 'asks-situation');
    // Showing them something is the learner's own doing.
    readsNo("i'll show you how the new screen works", 'en', 'asks-situation');
    readsNo('jag visar dig hur den nya skärmen funkar', 'sv', 'asks-situation');
  });

  it('when a Swedish question counts the customer service team ("kundtjänst"), then it asks about the situation, not about their customers', () => {
    readsNo('hur många jobbar i kundtjänst under rean?', 'sv', 'asks-impact');
    reads('hur många jobbar i kundtjänst under rean?', 'sv', 'asks-situation');
    reads('hur länge får kunderna vänta i chatten under rean?', 'sv', 'asks-impact');
    readsNo('how many people work in customer service during the sale?', 'en', 'asks-impact');
    reads('how long do your customers wait in the chat during the sale?', 'en', 'asks-impact');
  });

  it('when a yes/no question opens with its verb (“är skrivaren kopplad …?”, “do you get an error …?”), then it asks about the situation', () => {
    reads('är skrivaren kopplad till den här datorn?', 'sv', 'asks-situation');
    reads('börjar alla tio på måndag eller kommer några senare?', 'sv', 'asks-situation');
    reads('får ni nåt felmeddelande när ni sparar en bokning?', 'sv', 'asks-situation');
    reads('is the printer connected to this computer?', 'en', 'asks-situation');
    reads('do you get an error message when you save a booking?', 'en', 'asks-situation');
    // Asking leave, asking the customer to do it, or checking what was understood asks nothing about the situation.
    readsNo('är det okej om jag startar om den?', 'sv', 'asks-situation');
    readsNo('kan du starta om den åt mig?', 'sv', 'asks-situation');
    readsNo('är det rätt uppfattat?', 'sv', 'asks-situation');
    readsNo('do you want me to restart it?', 'en', 'asks-situation');
    readsNo('did you get any time off this weekend?', 'en', 'asks-situation');
  });

  it('when a Swedish question is built as its English twin is, then it asks the same: what they would need, what it says, what it costs them, what it means for them', () => {
    const twins: ReadonlyArray<readonly [Intent, string, string]> = [
      ['asks-need', 'what would you need to feel safe before the opening?', 'vad skulle ni behöva för att känna er trygga inför öppningen?'],
      ['asks-need', 'which programs does reception need to be able to use in the morning?', 'vilka program behöver receptionen kunna använda på morgonen?'],
      ['asks-situation', 'what does it say on the screen when it freezes?', 'vad står det på skärmen när den fryser?'],
      ['asks-situation', 'when exactly does the lease end?', 'när exakt går avtalet ut?'],
      ['asks-situation', 'what have you noticed at the till?', 'vad har ni själva märkt i kassan?'],
      ['asks-business', 'what does the stop cost you per day?', 'vad kostar stoppet er per dag ungefär?'],
      ['asks-business', 'how do you work out the order?', 'hur räknar ni fram beställningen?'],
      ['asks-business', 'what does the christmas rush mean for your business?', 'vad betyder julhandeln för er?'],
    ];
    for (const [kind, english, swedish] of twins) {
      reads(english, 'en', kind);
      reads(swedish, 'sv', kind);
    }
    reads('how does the warehouse team work during the sale?', 'en', 'asks-business');
  });

  it('when a question asks how many of their customers wait, or how long people wait, then it asks the impact', () => {
    reads('how many guests are waiting at the door?', 'en', 'asks-impact');
    reads('how long do people have to wait for a table now?', 'en', 'asks-impact');
    reads('hur länge får dom vänta på sina pengar?', 'sv', 'asks-impact');
    reads('hur länge får folk vänta på en tid nu?', 'sv', 'asks-impact');
  });

  it('when two questions are joined in one clause, then each is read; one question about their customers is still only about the impact', () => {
    reads('when did it start this morning, and how many guests are waiting now?', 'en', 'asks-situation');
    reads('when did it start this morning, and how many guests are waiting now?', 'en', 'asks-impact');
    reads('when did it start this morning, and what happens to your guests while it is down?', 'en', 'asks-situation');
    reads('sen när har det varit nere, och vad händer hos er nu i januari?', 'sv', 'asks-situation');
    reads('sen när har det varit nere, och vad händer hos er nu i januari?', 'sv', 'asks-business');
    readsNo('what happens to your guests while it is down?', 'en', 'asks-situation');
    readsNo('vad händer hos er i januari?', 'sv', 'asks-situation');
  });

  it('when a question asks what happened to a thing (“vad hände med beställningarna?”), then it asks about the situation; to their customers, the impact', () => {
    reads('vad hände med beställningarna under stoppet?', 'sv', 'asks-situation');
    reads('what happened to your orders during the outage?', 'en', 'asks-situation');
    reads('vad hände med kunderna medan det var nere?', 'sv', 'asks-impact');
    reads('what happened to the customers while it was down?', 'en', 'asks-impact');
  });
});

