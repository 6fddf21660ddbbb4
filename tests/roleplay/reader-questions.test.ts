import assert from 'node:assert/strict';
import type { Locale } from '../../src/core/locale';
import { directTurn } from '../../src/roleplay/customer/director';
import { newMeetingState } from '../../src/roleplay/meeting-state';
import { meetingOf, reader, storyline } from './roleplay-fixtures';
import { counted, reads, readsNo } from './reader-assertions';

const asksNothing = (text: string, locale: Locale): void => assert.ok(!counted(text, locale).some((kind) => kind.startsWith('asks-')), `${text}: ${counted(text, locale).join(', ')}`);

// What a question asks follows from how it is built and whom it is about, not from a word it happens to contain.
describe('role-play reader: what a question asks', () => {
  it('when a question asks what must not go wrong, the worst case or what bothers them, then it asks the need', () => {
    reads('what is the one thing on the new site that cannot go wrong on opening day?', 'en', 'asks-need');
    reads("what's bothering you most about the quote for the tills?", 'en', 'asks-need');
    reads('vad är det värsta som kan hända med kassorna på lördag?', 'sv', 'asks-need');
    reads('vad är det på nya kliniken som inte får gå fel första dagen?', 'sv', 'asks-need');
  });

  it('when the learner says what they see the customer going through, or says back what they understood, then it empathises or summarises', () => {
    reads('Full waiting room at lunch time, and you running between patients and desk, that is very tough.', 'en', 'empathises');
    reads('I can see you are running between the patients and this desk with the full waiting room', 'en', 'empathises');
    reads('fullt väntrum mitt i lunchen och du springer mellan patienterna och disken, det är riktigt tufft', 'sv', 'empathises');
    reads('jag ser att du springer mellan patienterna och disken', 'sv', 'empathises');
    reads('Ok understood, so the card machine is also going through this same PC, when it hangs nobody can pay. Correct?', 'en', 'summarises');
    reads('So what I am understanding is: no quotes are going out, three big builders need them by Friday noon', 'en', 'summarises');
    reads('så det jag förstår är: inga offerter går ut och tre stora byggare behöver dem till fredag', 'sv', 'summarises');
  });

  it('when a question asks what they are really after or what must never happen, then it asks the need', () => {
    reads('what must never happen on those days?', 'en', 'asks-need');
    reads('whats the thing you dont want happening again on court days?', 'en', 'asks-need');
    reads('vad får inte hända dom dagarna?', 'sv', 'asks-need');
    reads('vad är delägarna egentligen ute efter?', 'sv', 'asks-need');
  });

  it('when a question asks whether people left, gave up, ran short or came back, then it asks the impact', () => {
    reads('have any guests left without being served tonight?', 'en', 'asks-impact');
    reads('if the tills stay down, do the shops actually run out of change?', 'en', 'asks-impact');
    reads('who ends up waiting if the order goes out late?', 'en', 'asks-impact');
    reads('har nån gått därifrån utan att få betala idag?', 'sv', 'asks-impact');
    reads('skulle butikerna märka nåt om kassan strular?', 'sv', 'asks-impact');
  });

  it('when a question asks what happens when someone does something, then it asks about the situation, not the consequence', () => {
    reads('what happens when you open the booking screen?', 'en', 'asks-situation');
    readsNo('what happens when you open the booking screen?', 'en', 'asks-impact');
    reads('vad händer när du öppnar bokningen?', 'sv', 'asks-situation');
    readsNo('vad händer när du öppnar bokningen?', 'sv', 'asks-impact');
    // "If" supposes a failure and asks what it costs.
    reads('what happens to the bookings if the screen stays frozen over lunch?', 'en', 'asks-impact');
    reads('vad händer med bokningarna om skärmen står still över lunchen?', 'sv', 'asks-impact');
  });

  it('when a question asks what something is worth to them, who decides on it, or what lies ahead, then it asks about the business', () => {
    reads('what is the hotel contract worth to you over a year?', 'en', 'asks-business');
    reads('how big is the hotel contract for you compared to the rest?', 'en', 'asks-business');
    reads('how does your ceo usually decide on a new till system?', 'en', 'asks-business');
    reads("what's next for the clinic, any new sites planned?", 'en', 'asks-business');
    reads('vad är hotellavtalet värt för er över ett år?', 'sv', 'asks-business');
    reads('hur stort är hotellavtalet för er?', 'sv', 'asks-business');
    reads('vad är det ägaren tittar på innan han godkänner ett nytt kassasystem?', 'sv', 'asks-business');
    reads('hur ser våren ut för kliniken, blir det fler mottagningar?', 'sv', 'asks-business');
    // How big "all this" is names nothing.
    readsNo('how big is all of this for you overall?', 'en', 'asks-business');
    readsNo('hur stort är det hela för er?', 'sv', 'asks-business');
  });

  it('when a question asks what it does to their people, or what one of their days looks like, then it asks the consequence or how they work', () => {
    reads('if the tills stay down tonight, what does that do to your drivers?', 'en', 'asks-impact');
    reads('vad gör det med era chaufförer om kassorna står still i kväll?', 'sv', 'asks-impact');
    reads('what does one of those inventory days look like at your end?', 'en', 'asks-business');
    reads('vad är det som verkligen måste fungera på inventeringsdagen?', 'sv', 'asks-need');
  });

  it('when a question only suggests a fix ("have they tried rebooting?"), then it asks nothing about the situation', () => {
    readsNo('have they tried rebooting the scanner?', 'en', 'asks-situation');
    readsNo('har du provat att starta om skannern?', 'sv', 'asks-situation');
    // Asking what was tried is asking.
    reads('what have they tried so far with the scanner?', 'en', 'asks-situation');
    reads('vad har ni provat hittills med skannern?', 'sv', 'asks-situation');
  });

  it('when the learner only asks for more ("tell me more", "berätta mer", "kan du berätta lite mer?"), then it asks nothing; "berätta vad som hände" asks', () => {
    for (const text of ['tell me more', 'can you tell me a bit more?']) readsNo(text, 'en', 'asks-situation');
    for (const text of ['berätta mer', 'kan du berätta lite mer?', 'berätta gärna mer om det här']) readsNo(text, 'sv', 'asks-situation');
    reads('berätta vad som hände när den frös', 'sv', 'asks-situation');
    reads('tell me what happened when it froze', 'en', 'asks-situation');
  });

  it('when a question asks whether it went as planned ("according to plan?", "som planerat?"), then it asks nothing about their business plans', () => {
    for (const text of ['did it go according to plan?', 'did it all go to plan?']) readsNo(text, 'en', 'asks-business');
    for (const text of ['blev allt som planerat?', 'gick det enligt planerna?']) readsNo(text, 'sv', 'asks-business');
    reads('what are your plans for next year?', 'en', 'asks-business');
    reads('har ni planer på att växa?', 'sv', 'asks-business');
  });

  it('when a question asks who of them or which of them does something, also after "before I promise anything:", then it asks about the situation and promises nothing', () => {
    for (const text of ['who of the thirty must actually sit at a working desk on Monday morning?', 'which of them need scanners?', 'Before I promise anything: who of the thirty must actually sit at a desk on Monday?']) reads(text, 'en', 'asks-situation');
    for (const text of ['vilka av de trettio ska sitta där på måndag?', 'vilka är det som ska börja på måndag?', 'innan jag lovar något: vilka av de trettio ska sitta där på måndag?']) reads(text, 'sv', 'asks-situation');
    readsNo('Before I promise anything: who of the thirty must actually sit at a desk on Monday?', 'en', 'promises');
    readsNo('innan jag lovar något: vilka av de trettio ska sitta där på måndag?', 'sv', 'promises');
    reads('i promise the eight are ready by monday', 'en', 'promises');
    reads('jag lovar att de åtta är klara till måndag', 'sv', 'promises');
  });

  it('when a question only asks which model they want ("which laptops do you want, same model as last time?"), then it asks nothing about the situation', () => {
    readsNo('which laptops do you want by the way, same model as last time?', 'en', 'asks-situation');
    readsNo('Vilka datorer vill ni ha förresten, samma modell som förra gången?', 'sv', 'asks-situation');
  });

  it('when a question asks which one or who does something, also after a short lead-in, then it asks about the situation', () => {
    reads('which two tills was it, and when did they freeze?', 'en', 'asks-situation');
    reads('who usually opens the shop on mondays?', 'en', 'asks-situation');
    reads('first thing, can people still pay by card at the door?', 'en', 'asks-situation');
    reads('vilka två kassor var det, och när frös dom?', 'sv', 'asks-situation');
    reads('vem öppnar butiken på måndagar?', 'sv', 'asks-situation');
    reads('först en sak, funkar det att betala med kort vid dörren?', 'sv', 'asks-situation');
    // A statement before the comma is no lead-in: what follows it is read as said, not as a question opened by the first words.
    readsNo('de två kassorna kom igång i morse som vi sa, har det rullat på sen dess?', 'sv', 'asks-situation');
  });

  it('when a yes/no question is about everything or anything ("is everything working now?"), then it asks about the situation', () => {
    reads('is everything printing again on the two tills?', 'en', 'asks-situation');
    reads('is anything else running on that same image next week?', 'en', 'asks-situation');
    reads('funkar allt igen på de två kassorna?', 'sv', 'asks-situation');
    // A bare "anything else?" closes a meeting; it asks nothing.
    asksNothing('anything else?', 'en');
    asksNothing('is there anything else?', 'en');
  });

  it('when a question asks what a decision maker would need to see, in numbers or in words, then it asks about the business', () => {
    reads('what numbers would your manager want before she says yes to the other sites?', 'en', 'asks-business');
    reads('what results would the board need after the trial?', 'en', 'asks-business');
    reads('vad skulle styrelsen vilja se efter provperioden?', 'sv', 'asks-business');
    reads('vilket resultat gör provet värt det för er?', 'sv', 'asks-business');
  });

  it('when a suggestion is put forward as a question ("how about …?", "hur vore det om …?"), then it asks nothing of the customer', () => {
    asksNothing('how about two tills tonight and the rest after the campaign?', 'en');
    asksNothing("isn't it better if you book the court days with us a week ahead?", 'en');
    asksNothing('hur vore det om vi tar två kassor i kväll och resten efter kampanjen?', 'sv');
    asksNothing('vad sägs om två kassor i kväll och resten efter kampanjen?', 'sv');
    // A question word after the opening still asks.
    reads('how about the drivers, what do they see on the screen?', 'en', 'asks-situation');
  });

  it('when a question opens after a lead-in closed by a comma, then it still asks; a relative clause after a comma does not', () => {
    reads('ok, tell me what the screen shows when it freezes', 'en', 'asks-situation');
    reads('innan vi går igenom planen, berätta vad skärmen visar när den fryser', 'sv', 'asks-situation');
    asksNothing('the ticket is priority 1 now, which puts it ahead of the normal queue', 'en');
    asksNothing('ärendet har prio 1 nu, vilket gör att det går före kön', 'sv');
  });

  it('when a guess is put forward with a question mark, then it asks nothing of the customer, unless it has a question word', () => {
    asksNothing('maybe the agents uninstalled the headset app?', 'en');
    asksNothing('kanske har personalen avinstallerat headsetprogrammet?', 'sv');
    reads('maybe you can tell me what the screen shows when it freezes?', 'en', 'asks-situation');
    reads('kanske kan du berätta vad skärmen visar när den fryser?', 'sv', 'asks-situation');
  });
});

// A summary restates the customer's side: "so" with what they said, an acknowledgement with their words, or a check after a restatement.
describe('role-play reader: summaries', () => {
  it('when "so" opens a restatement, also with a colon, then it summarises; "so" before a verb and a pronoun is a plan', () => {
    reads('so: two tills down, card payments stuck, and the lunch rush at twelve', 'en', 'summarises');
    reads('så: två kassor nere, kortbetalningen står still och lunchrusningen kommer tolv', 'sv', 'summarises');
    reads('så kassorna fryser varje gång ni tar betalt med kort', 'sv', 'summarises');
    readsNo('så kör vi omstarten av kassorna efter lunch', 'sv', 'summarises');
    readsNo('så bara delvis, kassorna kom fram i tid', 'sv', 'summarises');
  });

  it('when "so" presents our own plan ("so the plan: …"), then it summarises nothing the customer said', () => {
    readsNo('so the plan: two tills swapped tonight, the rest on monday', 'en', 'summarises');
    readsNo('så planen: två kassor byts i kväll, resten på måndag', 'sv', 'summarises');
  });

  it('when an acknowledgement restates what they want, then it summarises; followed by a promise of ours it does not', () => {
    reads('got it, the bakers want the last word on what gets ordered', 'en', 'summarises');
    readsNo("got it, i'll send the order list on friday", 'en', 'summarises');
  });

  it('when a check of understanding follows a restatement, then the restatement is the summary; after a plan of ours it is none', () => {
    reads('twelve sellers idle, three bids due friday noon and the template folder locked. have i got that right?', 'en', 'summarises');
    reads('tolv säljare står still, tre anbud ska ut fredag lunch och mallmappen är låst. rätt uppfattat?', 'sv', 'summarises');
    readsNo('is that right?', 'en', 'summarises');
    readsNo('jag skickar offerten på fredag. stämmer det?', 'sv', 'summarises');
  });
});

// A follow-up asks about something of last time in the learner's own words; what the customer then reveals follows from what was asked.
describe('role-play reader: following up, and what a question about what is ahead reveals', () => {
  it('when a follow-up question names what it asks about, then the words its trigger took in are its substance', () => {
    reads('hur gick måndagen och tisdagens leveranser?', 'sv', 'refers-back');
    reads('did monday go ok for the eight new starters?', 'en', 'refers-back');
    readsNo('hur gick grejen?', 'sv', 'refers-back');
  });

  it('when the learner says "like we talked about" with what was talked about, then it refers back', () => {
    reads('like we talked about at the clinic, the card terminal on the same pc as the check-in', 'en', 'refers-back');
    reads('som vi pratade om på kliniken, kortterminalen på samma dator som incheckningen', 'sv', 'refers-back');
  });

  it('when "follow up" has nothing of last time after it ("vi följer upp löpande"), then it is a routine, not a reference back', () => {
    readsNo('vi följer ju upp löpande med en rapport varje fredag', 'sv', 'refers-back');
    readsNo("we'll be following up every friday with a short report", 'en', 'refers-back');
    reads('jag följer upp lånedatorn och de tre dokumenten från förhandlingen', 'sv', 'refers-back');
  });

  it('when a question asks what happens at a time ahead, or what feedback their people gave, then it asks about the business or the impact', () => {
    reads('what happens in january when the returns come back to the warehouse?', 'en', 'asks-business');
    reads('vad händer i januari när returerna kommer tillbaka till lagret?', 'sv', 'asks-business');
    reads("what's the feedback been from the store managers?", 'en', 'asks-impact');
    reads('vad har responsen varit från butikscheferna?', 'sv', 'asks-impact');
    // "Om" before a time is when, not if.
    readsNo('vad händer om två veckor med lagret?', 'sv', 'asks-impact');
  });

  it("when a Swedish question asks what the customer's boss needs to see, then it asks about the business", () => {
    reads('vad behöver din chef se för att köra vidare med fler butiker?', 'sv', 'asks-business');
  });

  it('when the learner asks what is coming up after the pilot stumbled, then the customer tells of the temps starting on Monday', () => {
    const story = storyline('laptop-rollout-busy-week');
    const meeting = meetingOf(story, 2);
    for (const [locale, line] of [['en', 'anything else coming up in the next weeks i should know about?'], ['sv', 'vad har du framför dig de närmaste veckorna?']] as const) {
      const state = newMeetingState(story.startTrust, meeting[locale].opening);
      const turn = directTurn(story, meeting, state, line, reader.read(line, locale), locale);
      assert.deepEqual(turn.state.revealed.map((item) => item.needId), ['temps-on-monday'], `${line}: ${turn.scripted}`);
    }
  });
});

// Empathy is weighed with the whole message: "oh no" before a question about their day is about this moment.
describe('role-play reader: empathy', () => {
  it('when a short word of empathy comes with what the moment is about elsewhere in the message, then it shows understanding', () => {
    reads('oh no, not again. are both tills frozen or just the one at the door?', 'en', 'empathises');
    reads('det låter pressat. är båda kassorna frusna eller bara den vid dörren?', 'sv', 'empathises');
    // Empathy made of feelings only fits every customer.
    readsNo('oh no, I totally understand, I really do.', 'en', 'empathises');
    readsNo('usch, jag förstår verkligen, det låter pressat.', 'sv', 'empathises');
  });
});


describe('reader: "so" before a question word opens a question, not a summary', () => {
  const summarises = (text: string, locale: Locale): boolean => reader.read(text, locale).some((move) => move.kind === 'summarises');

  it('when the learner asks "so which one should i look at?", then nothing is summed up (en)', () => {
    assert.equal(summarises('so which one should i look at?', 'en'), false);
    assert.equal(summarises('so whose laptop is it?', 'en'), false);
    assert.equal(summarises("so your sellers can't send quotes since this morning", 'en'), true, 'a restatement after "so" still sums up');
  });

  it('when the learner asks "så vilken ska jag titta på?", then nothing is summed up, as before (sv)', () => {
    assert.equal(summarises('så vilken ska jag titta på?', 'sv'), false);
    assert.equal(summarises('så era säljare kan inte skicka offerter sedan i morse', 'sv'), true);
  });
});
