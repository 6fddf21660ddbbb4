import assert from 'node:assert/strict';
import type { Locale } from '../../src/core/locale';
import { Grounding } from '../../src/roleplay/judging/grounding';
import { groundingBooksIn } from '../../src/roleplay/judging/grounding-book';
import type { Move } from '../../src/roleplay/reading/intents';
import { newMeetingState, type MeetingState } from '../../src/roleplay/meeting-state';
import { phraseBooksIn } from '../../src/roleplay/reading/phrase-book';
import { catalog, contentDir, meetingOf, reader, storyline } from './roleplay-fixtures';

describe('grounding: whether a move says something of this meeting', () => {
  const grounding = new Grounding(groundingBooksIn(contentDir), phraseBooksIn(contentDir), catalog.storylines);
  const story = storyline('bakery-unasked-proposal');
  const meeting = meetingOf(story, 2);
  const afterCustomer = (line: string): MeetingState => {
    const state = newMeetingState(story.startTrust, meeting.en.opening);
    return { ...state, transcript: [...state.transcript, { speaker: 'customer', text: line, source: 'script' }] };
  };
  const ground = (move: Move, text: string, state = afterCustomer(''), locale: Locale = 'en'): Move | undefined =>
    grounding.ground([move], { storyline: story, meeting, locale, state, text }).at(0);
  // One move, as the reader found it, grounded at the start of a meeting of another storyline.
  const groundIn = (storylineId: string, number: number, kind: Move['kind'], text: string, locale: Locale): Move | undefined => {
    const other = storyline(storylineId);
    return grounding.ground([{ kind, quote: text }], { storyline: other, meeting: meetingOf(other, number), locale, state: newMeetingState(other.startTrust, ''), text }).at(0);
  };
  // The move of one kind as the reader finds it and grounding keeps it, said first thing in a meeting of a storyline.
  const readIn = (storylineId: string, number: number, kind: Move['kind'], text: string, locale: Locale): Move | undefined => {
    const other = storyline(storylineId);
    const at = meetingOf(other, number);
    return grounding.ground(reader.read(text, locale), { storyline: other, meeting: at, locale, state: newMeetingState(other.startTrust, at[locale].opening), text }).find((move) => move.kind === kind);
  };

  it('when a question echoes the customer’s last words, then it counts, though the storyline never uses them', () => {
    const text = 'how are your customers affected by the cinnamon?';
    const state = afterCustomer('Honestly? The cinnamon buns are gone before lunch.');
    assert.equal(ground({ kind: 'asks-impact', quote: text }, text)?.generic, true, 'not without those words');
    assert.equal(ground({ kind: 'asks-impact', quote: text }, text, state)?.vague, undefined);
    assert.equal(ground({ kind: 'asks-impact', quote: 'how does this impact your customers going forward?' }, 'how does this impact your customers going forward?', state)?.generic, true);
  });

  it('when a question names a topic and only a greeting with the customer’s name, then it is generic: a name is no content', () => {
    const text = 'Hi Ahmed, how will this impact your business going forward?';
    const found = grounding.ground([{ kind: 'greets', quote: 'Hi Ahmed,' }, { kind: 'asks-impact', quote: 'how will this impact your business going forward?' }], { storyline: story, meeting, locale: 'en', state: afterCustomer(''), text });
    assert.deepEqual(found.map((move) => move.generic ?? false), [false, true]);
  });

  it('when an open question names no topic word, then it is left as the reader found it; with one, it needs content', () => {
    const text = 'when did it start?';
    assert.deepEqual(ground({ kind: 'asks-situation', quote: text }, text), { kind: 'asks-situation', quote: text });
    const topical = 'when did the challenges for your organisation arise?';
    assert.equal(ground({ kind: 'asks-situation', quote: topical }, topical)?.generic, true);
    // "Acting up" is how staff say a system misbehaves, no topic word like "action".
    const actingUp = 'when did it start acting up, and is it everybody or only some of the team?';
    assert.equal(ground({ kind: 'asks-situation', quote: actingUp }, actingUp)?.generic, undefined);
  });

  it('when a question about the business gives a number, then it counts', () => {
    const text = 'what does it mean for the business if 8 % goes in the bin?';
    assert.equal(ground({ kind: 'asks-business', quote: text }, text)?.vague, undefined);
    const without = 'what does it mean for the business going forward?';
    assert.equal(ground({ kind: 'asks-business', quote: without }, without)?.generic, true);
  });

  it('when a question about the business asks for a figure, then it asks for a number and counts; without one it is generic', () => {
    const text = 'vilket resultat behöver verksamheten se, finns det en siffra?';
    assert.equal(ground({ kind: 'asks-business', quote: text }, text, afterCustomer(''), 'sv')?.vague, undefined);
    const without = 'vilket resultat behöver verksamheten se framöver?';
    assert.equal(ground({ kind: 'asks-business', quote: without }, without, afterCustomer(''), 'sv')?.generic, true);
    const english = 'what result does the business need to see, is there a figure?';
    assert.equal(ground({ kind: 'asks-business', quote: english }, english)?.vague, undefined);
  });

  it('when an offer’s concrete part is generic words only, then it is empty and loses its words', () => {
    const text = 'vi kan erbjuda ett annat upplägg';
    assert.deepEqual(ground({ kind: 'offers-alternative', quote: text, what: 'ett annat upplägg' }, text, afterCustomer(''), 'sv'), { kind: 'offers-alternative', quote: text, vague: true, empty: true });
  });

  it('when a summary names the staff and their worries but nothing of what worries them, then it is generic; saying what does counts', () => {
    const state = afterCustomer("And my store staff are worried. They don't want a machine telling them what to order.");
    const text = 'so the staff have some worries';
    assert.equal(ground({ kind: 'summarises', quote: text }, text, state)?.generic, true);
    const said = 'so the staff are worried a machine will decide their orders';
    assert.equal(ground({ kind: 'summarises', quote: said }, said, state)?.vague, undefined);
  });

  it('when a line leans on words the customer has not said yet (a hidden need), then it is generic; once she has said them, it counts', () => {
    const text = "so the staff don't want a machine deciding";
    assert.equal(ground({ kind: 'summarises', quote: text }, text)?.generic, true, 'the hidden need is no word the learner knows');
    const state = afterCustomer("And my store staff are worried. They don't want a machine telling them what to order.");
    assert.equal(ground({ kind: 'summarises', quote: text }, text, state)?.vague, undefined);
  });

  it('when a word only begins like a word of the meeting, then it is no word of the meeting; an inflection of one is', () => {
    const state = afterCustomer('Waste is down in both stores.');
    const risk = (text: string): Move | undefined => ground({ kind: 'raises-risk', quote: text }, text, state);
    assert.equal(risk('the risk is that the store managers lose track')?.vague, undefined, '"store" was said');
    assert.equal(risk('the risk is that the wasted bread piles up')?.vague, undefined, '"wasted" is "waste"');
    assert.equal(risk('the risk is in the storage')?.generic, true, '"storage" is not "store"');
    const sv = (text: string): Move | undefined => ground({ kind: 'raises-risk', quote: text }, text, afterCustomer('Svinnet har gått ner i båda butikerna.'), 'sv');
    assert.equal(sv('risken är att butikscheferna tappar greppet')?.vague, undefined, '"butikscheferna" is made of "butik"');
    assert.equal(sv('risken är att det blir svinnet igen')?.vague, undefined);
    assert.equal(sv('risken är att det blir en butter stämning')?.generic, true, '"butter" is not "butik"');
  });

  it('when the customer has come out with a hidden need in her own words, then the need’s words count: a model customer rewords it', () => {
    const text = 'so the staff fear losing their judgement to the system';
    const reworded = afterCustomer('My people are nervous about it, honestly.');
    assert.equal(ground({ kind: 'summarises', quote: text }, text, reworded)?.generic, true, 'not before she has come out with it');
    const revealed: MeetingState = { ...reworded, revealed: [{ needId: 'staff-worry', atTurn: 1 }] };
    assert.equal(ground({ kind: 'summarises', quote: text }, text, revealed)?.vague, undefined);
  });

  it('when a Swedish compound shares a long first part with a word of the brief, then it is a word of the meeting; a short shared beginning is not', () => {
    const risk = (text: string): Move | undefined => ground({ kind: 'raises-risk', quote: text }, text, afterCustomer(''), 'sv');
    assert.equal(risk('risken är att morgonpasset drar ut på tiden')?.vague, undefined, '"morgonpasset" and "morgondagens" share "morgon"');
    assert.equal(risk('risken är att ni inte får bestämma')?.generic, true, '"bestämma" is not "beställer"');
  });

  it('when the only words of the learner’s own are ones that fit every meeting, then the move is generic; words of this storyline count', () => {
    const buzz = 'the reason is that our methodology is built on robustness and scalability';
    assert.equal(ground({ kind: 'explains', quote: buzz }, buzz)?.generic, true);
    const own = 'the reason is that the sourdough and the cinnamon buns sell out first';
    assert.equal(ground({ kind: 'explains', quote: own }, own)?.vague, undefined);
  });

  it('when empathy names how the moment feels in Swedish, then it counts; "var du kommer ifrån" does not', () => {
    const feels = 'jag förstår att det är kaos i butiken';
    assert.equal(ground({ kind: 'empathises', quote: feels }, feels, afterCustomer(''), 'sv')?.vague, undefined);
    const empty = 'jag förstår precis var du kommer ifrån';
    assert.equal(ground({ kind: 'empathises', quote: empty }, empty, afterCustomer(''), 'sv')?.generic, true);
  });

  it('when an explanation is the very sentence that hides behind the contract, then the brief’s words do not ground it; a reason of the learner’s own does', () => {
    const contract = storyline('contract-boundary-by-tomorrow');
    const onTheDesk = meetingOf(contract, 2);
    const explain = (text: string, locale: Locale): Move | undefined => {
      const state = newMeetingState(contract.startTrust, onTheDesk[locale].opening);
      const moves: Move[] = [{ kind: 'explains', quote: text }, { kind: 'hides-behind-contract', quote: text }];
      return grounding.ground(moves, { storyline: contract, meeting: onTheDesk, locale, state, text }).at(0);
    };
    const alone = (text: string, locale: Locale): Move | undefined =>
      grounding.ground([{ kind: 'explains', quote: text }], { storyline: contract, meeting: onTheDesk, locale, state: newMeetingState(contract.startTrust, onTheDesk[locale].opening), text }).at(0);
    assert.equal(alone('avtalet täcker inte nätverket', 'sv')?.vague, undefined, 'a reason of the meeting, on its own');
    assert.equal(explain('avtalet täcker inte nätverket', 'sv')?.generic, true);
    assert.equal(explain('avtalet täcker inte nätverket, det kräver kabeldragning och säkerhetstester', 'sv')?.vague, undefined);
    assert.equal(explain("the network isn't part of the contract", 'en')?.generic, true);
    assert.equal(explain("the network isn't part of the contract, it needs cabling and security testing", 'en')?.vague, undefined);
  });

  it('when a summary says back only the brief (the learner’s own proposal), then it is generic; with a word the customer said, it counts', () => {
    const said = afterCustomer("And my store staff are worried. They don't want a machine telling them what to order.");
    const recital = 'so 2 stores, 4 weeks, the till suggests the orders';
    assert.equal(ground({ kind: 'summarises', quote: recital }, recital, afterCustomer('Go on.'))?.generic, true);
    const back = 'so 2 stores, and the staff are worried a machine decides the orders';
    assert.equal(ground({ kind: 'summarises', quote: back }, back, said)?.vague, undefined);
    const svSaid = afterCustomer('Och min butikspersonal är orolig. De vill inte att en maskin bestämmer vad de ska beställa.');
    const svRecital = 'så två butiker, fyra veckor, kassadatan föreslår beställningarna';
    assert.equal(ground({ kind: 'summarises', quote: svRecital }, svRecital, afterCustomer('Fortsätt.'), 'sv')?.generic, true);
    const svBack = 'så personalen vill inte att en maskin bestämmer beställningarna i de två butikerna';
    assert.equal(ground({ kind: 'summarises', quote: svBack }, svBack, svSaid, 'sv')?.vague, undefined);
  });

  it('when a summary says one of the customer’s lines back word for word, then it parrots; her points of two lines joined in one sentence count', () => {
    const twoLines = (locale: Locale, first: string, second: string): MeetingState => {
      const state = afterCustomer(first);
      return { ...state, transcript: [...state.transcript, { speaker: 'customer', text: second, source: 'script' }] };
    };
    const en = twoLines('en', 'The store staff are worried about the orders.', 'My boss wants the waste down three points.');
    const parrot = 'so the store staff are worried about the orders';
    assert.equal(ground({ kind: 'summarises', quote: parrot }, parrot, en)?.generic, true);
    const joined = 'so the store staff are worried about the orders and your boss wants the waste down';
    assert.equal(ground({ kind: 'summarises', quote: joined }, joined, en)?.vague, undefined);
    const sv = twoLines('sv', 'Butikspersonalen är oroliga för beställningarna.', 'Min chef vill att svinnet går ner tre procentenheter.');
    const svParrot = 'så butikspersonalen är oroliga för beställningarna';
    assert.equal(ground({ kind: 'summarises', quote: svParrot }, svParrot, sv, 'sv')?.generic, true);
    const svJoined = 'så butikspersonalen är oroliga för beställningarna och din chef vill se svinnet gå ner';
    assert.equal(ground({ kind: 'summarises', quote: svJoined }, svJoined, sv, 'sv')?.vague, undefined);
  });

  it('when a question names a day, then it counts like a number; a summary counts a day only if the customer said it', () => {
    const question = (text: string, locale: Locale = 'en'): Move | undefined => ground({ kind: 'asks-need', quote: text }, text, afterCustomer('Go on.'), locale);
    assert.equal(question('what do you need to be ready by friday?')?.vague, undefined);
    assert.equal(question('what do you need to be ready going forward?')?.generic, true);
    assert.equal(question('vad behöver ni ha klart till fredag?', 'sv')?.vague, undefined);
    assert.equal(question('vad behöver ni ha klart framöver?', 'sv')?.generic, true);
    const summary = (text: string, state: MeetingState, locale: Locale = 'en'): Move | undefined => ground({ kind: 'summarises', quote: text }, text, state, locale);
    assert.equal(summary('so the version by thursday, before the weekend', afterCustomer('Send me the version.'))?.generic, true, 'Thursday was never said');
    assert.equal(summary('so the version by friday, before the weekend', afterCustomer('Send me the version by Friday.'))?.vague, undefined);
    assert.equal(summary('så versionen till torsdag, före helgen', afterCustomer('Skicka versionen.'), 'sv')?.generic, true);
    assert.equal(summary('så versionen till fredag, före helgen', afterCustomer('Skicka versionen senast fredag.'), 'sv')?.vague, undefined);
  });

  it('when a question leans only on a brief word most storylines use ("system", "ärendet"), then it is generic; a word of this brief of its own counts', () => {
    const asked = (text: string, locale: Locale): Move | undefined => groundIn('onsite-stressed-reception', 1, 'asks-impact', text, locale);
    assert.equal(asked('what is the impact on the system?', 'en')?.generic, true);
    assert.equal(asked('what is the impact on the booking system?', 'en')?.vague, undefined);
    assert.equal(asked('hur påverkar det ärendet?', 'sv')?.generic, true);
    assert.equal(asked('hur påverkar det väntrummet?', 'sv')?.vague, undefined);
  });

  it('when a process step names what the meeting judges the routine by ("i ärendet"), then it counts however many storylines use the word; a slogan of process and mindset does not (English already counted the ticket)', () => {
    const step = (text: string, locale: Locale): Move | undefined => groundIn('onsite-stressed-reception', 1, 'follows-process', text, locale);
    assert.equal(step('o jag för in allt i ärendet, vad som frös o vad jag ändrade', 'sv')?.generic, undefined);
    assert.equal(step('Allt jag gör skriver jag in i ärendet, så att vi ser om felet kommer tillbaka', 'sv')?.generic, undefined);
    assert.equal(step('logging it all in the ticket, what I did and when it froze', 'en')?.generic, undefined);
    const slogan = (text: string, locale: Locale): Move | undefined => groundIn('laptop-rollout-busy-week', 1, 'follows-process', text, locale);
    assert.equal(slogan("we'll keep our quality process and our testing mindset, as always, going forward", 'en')?.generic, true);
  });

  it('when an offer only counts its steps ("a 2-step approach: step 1 we align", "i två steg"), then it offers nothing; steps said out still count', () => {
    const offer = (text: string, locale: Locale): Move | undefined => readIn('bakery-unasked-proposal', 2, 'offers-alternative', text, locale);
    assert.equal(offer('what I can do is take a 2-step approach: step 1 we align, step 2 we deliver', 'en')?.vague, true);
    assert.equal(offer('Det jag kan göra är ett upplägg i två steg: först linjerar vi, sen levererar vi.', 'sv')?.vague, true);
    assert.equal(offer('what i can do is two steps. first 2 stores for 4 weeks, then the rest after the summer', 'en')?.vague, undefined);
    assert.equal(offer('det jag kan göra är två steg. först 2 butiker i 4 veckor, sen resten efter sommaren', 'sv')?.vague, undefined);
  });

  it('when a clause only says that the meeting\'s people or things matter ("… are a top priority for you", "… högsta prioritet"), then it sums nothing up', () => {
    const en = afterCustomer('My staff worry the forecast will order too little bread.');
    for (const slogan of ['so if I got it right, the staff and the forecast matter so much', 'so, the staff and the forecast are really important to you']) {
      assert.equal(ground({ kind: 'summarises', quote: slogan }, slogan, en)?.generic, true, slogan);
    }
    assert.equal(ground({ kind: 'summarises', quote: 'so if I got it right, your staff worry the forecast orders too little bread' }, 'so if I got it right, your staff worry the forecast orders too little bread', en)?.vague, undefined);
    const sv = afterCustomer('Personalen är rädd att prognosen beställer för lite bröd.');
    const slogan = 'så om jag förstått rätt är personalen och brödet högsta prioritet för er';
    assert.equal(ground({ kind: 'summarises', quote: slogan }, slogan, sv, 'sv')?.generic, true);
    const said = 'så om jag fattat rätt är personalen rädd för att prognosen ger för lite bröd till butikerna';
    assert.equal(ground({ kind: 'summarises', quote: said }, said, sv, 'sv')?.vague, undefined);
  });

  it('when a promise names only who it is for and by when ("i\'ll sort it for the receptionists by friday"), then it says nothing; a deed for them counts', () => {
    const promise = (text: string, locale: Locale): Move | undefined => readIn('onsite-stressed-reception', 2, 'promises', text, locale);
    assert.equal(promise("i'll sort it for the receptionists by friday", 'en')?.vague, true);
    assert.equal(promise('jag fixar det för receptionisterna till fredag', 'sv')?.vague, true);
    assert.equal(promise("i'll train the receptionists on friday at 9", 'en')?.vague, undefined);
    assert.equal(promise('jag går igenom kassan med receptionisterna på fredag kl 9', 'sv')?.vague, undefined);
  });

  it('when the learner only picks up "where we left off", then nothing of last time is named: the set phrase says nothing', () => {
    const recalled = (text: string, locale: Locale): Move | undefined => readIn('laptop-rollout-busy-week', 3, 'refers-back', text, locale);
    assert.equal(recalled('Picking up where we left off last week.', 'en')?.vague, true);
    assert.equal(recalled('Vi tar vid där vi slutade förra veckan.', 'sv')?.vague, true);
    assert.equal(recalled('picking up where we left off: did all 20 temp laptops get the test call last week?', 'en')?.vague, undefined);
  });

  it('when the learner sums up in words of their own what the customer has just told, then it is a summary; before she told it, or in slogans, it is not', () => {
    const worry = meeting.needs.find((need) => need.id === 'staff-worry');
    assert.ok(worry);
    const summary = (text: string, locale: Locale, justTold: boolean): Move | undefined => {
      const opened = newMeetingState(story.startTrust, meeting[locale].opening);
      const learner = { speaker: 'learner' as const, text: 'how do the staff feel about it?', moves: [] };
      const told: MeetingState = { ...opened, learnerTurns: 1, revealed: justTold ? [{ needId: worry.id, atTurn: 1 }] : [], transcript: [...opened.transcript, learner, { speaker: 'customer', text: justTold ? worry[locale].says : 'Mm. And?', source: 'script' }] };
      return grounding.ground([{ kind: 'summarises', quote: text }], { storyline: story, meeting, locale, state: told, text }).at(0);
    };
    for (const [text, locale] of [
      ['so if I have it right, they want the final say themselves', 'en'],
      ['om jag förstått rätt vill de själva ha sista ordet, de känner ju sina stamkunder', 'sv'],
    ] as const) {
      assert.equal(summary(text, locale, true)?.vague, undefined, text);
      assert.equal(summary(text, locale, false)?.generic, true, `${text}: nothing told yet`);
    }
    assert.equal(summary('so if I have it right, the staff matter so much to us', 'en', true)?.generic, true);
    assert.equal(summary('om jag förstått rätt är personalen superviktig för oss', 'sv', true)?.generic, true);
  });

  it('when a question asks about a time ahead ("next year", "nästa år"), then it asks about this customer’s plans; "going forward" does not', () => {
    for (const [text, locale] of [
      ['and next yr? any growth plans, new shops?', 'en'],
      ['och framåt då, vad har ni på gång nästa år?', 'sv'],
    ] as const) assert.equal(readIn('bakery-unasked-proposal', 3, 'asks-business', text, locale)?.vague, undefined, text);
    for (const [text, locale] of [
      ["what's the next while looking like for ye, January and that, anything big coming for the business?", 'en'],
      ['hur ser januari ut för er? vad händer efter kampanjen?', 'sv'],
    ] as const) assert.equal(readIn('laptop-rollout-busy-week', 3, 'asks-business', text, locale)?.vague, undefined, text);
    for (const [text, locale] of [
      ['any growth plans, new shops?', 'en'],
      ['och framåt då, vad har ni på gång?', 'sv'],
    ] as const) assert.equal(readIn('bakery-unasked-proposal', 3, 'asks-business', text, locale)?.generic, true, text);
  });
});
