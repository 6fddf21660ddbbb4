import assert from 'node:assert/strict';
import type { Locale } from '../../src/core/locale';
import { reader } from './roleplay-fixtures';

const classify = (text: string, locale: Locale): string[] => reader.read(text, locale).map((move) => move.kind);

describe('role-play move reader', () => {
  const cases: ReadonlyArray<readonly ['en' | 'sv', string, string]> = [
    ['en', 'What happened, and since when?', 'asks-situation'],
    ['en', 'Which of your customers are waiting for quotes?', 'asks-impact'],
    ['en', 'What matters most to you right now?', 'asks-need'],
    ['en', "What's happening in your business in the next few weeks?", 'asks-business'],
    ['en', 'So if I understand you, twelve sellers are stopped.', 'summarises'],
    ['en', 'I suggest we restore the template first.', 'proposes'],
    ["en", "I've noticed it's the third stop this month.", 'raises-risk'],
    ['en', "I'll call you at ten with an update.", 'promises'],
    ['en', "I can't do that, it's outside the contract.", 'refuses'],
    ['en', 'What I can do instead is lend you a laptop.', 'offers-alternative'],
    ['en', 'Last time I promised you an update.', 'refers-back'],
    ['en', 'The reason is the weekend update.', 'explains'],
    ['sv', 'Vad hände, och sedan när?', 'asks-situation'],
    ['sv', 'Vad händer med era kunder om det dröjer?', 'asks-impact'],
    ['sv', 'Vad är viktigast för dig just nu?', 'asks-need'],
    ['sv', 'Om jag förstår dig rätt står tolv säljare still.', 'summarises'],
    ['sv', 'Jag föreslår att vi börjar med mallen.', 'proposes'],
    ['sv', 'Jag har märkt att det är tredje gången.', 'raises-risk'],
    ['sv', 'Jag ringer dig klockan tio.', 'promises'],
    ['sv', 'Det ingår inte i avtalet, så det kan vi inte göra.', 'refuses'],
    ['sv', 'Det jag kan göra i stället är att låna ut en dator.', 'offers-alternative'],
    ['sv', 'Förra gången lovade jag dig en lägesrapport.', 'refers-back'],
    ['sv', 'Det beror på helguppdateringen.', 'explains'],
  ];
  for (const [locale, text, intent] of cases) {
    it(`when a learner writes "${text}" (${locale}), then it counts as ${intent}`, () => {
      assert.ok(classify(text, locale).includes(intent), classify(text, locale).join(', '));
    });
  }

  it('when a topic word appears in a statement rather than a question, then it is not counted as asking', () => {
    assert.ok(!classify('Your customers will be fine.', 'en').includes('asks-impact'));
    assert.ok(classify('Will your customers be fine?', 'en').includes('asks-impact'));
  });

  it('when a short phrase sits inside a longer word, then it does not match', () => {
    assert.ok(!classify('Let me book a time.', 'en').includes('agrees'), '"ok" inside "book"');
    assert.ok(!classify('Vi ska köpa nya datorer.', 'sv').includes('follows-process'), '"kö" inside "köpa"');
  });

  const readings: ReadonlyArray<readonly [Locale, string, readonly string[], readonly string[]]> = [
    ['en', "hi Eva, what's going on with the laptop?", ['greets', 'asks-situation'], []],
    ['en', "I won't skip the test.", ['follows-process'], ['drops-quality']],
    ['en', "probably… I'll try to get it done", ['hedges'], ['promises']],
    ['en', 'Sorry, everyone has to wait their turn.', ['hides-behind-contract'], ['follows-process']],
    ['en', "I can't put you first, but what I can do is a loan laptop with your documents by 10:45.", ['refuses', 'offers-alternative'], []],
    ['sv', 'Men jag kan dela upp det: grundnätet det här kvartalet och resten nästa.', ['offers-alternative'], ['refuses']],
    ['sv', 'Vi hoppar över testet.', ['drops-quality'], ['follows-process']],
    ['sv', 'det är inte mitt fel', ['blames'], []],
    ['sv', 'nog… nån gång fixar jag det', ['hedges'], ['promises']],
    ['sv', 'om jag fattat rätt så behöver du tre handlingar', ['summarises'], []],
    ['sv', 'Hej Maria! Vad hände?', ['greets', 'asks-situation'], []],
    ['en', 'sorry, i cant look at your own laptop', ['refuses'], []],
    ['en', 'right, so your sellers are stuck until the template is back', ['summarises'], []],
    ['en', "let me restart the booking system, it's probably the print spooler", ['proposes', 'hedges'], []],
    ['en', "ten a day isn't doable with the migration checks", ['refuses'], []],
    ['en', 'what are the partners actually worried about?', ['asks-need'], []],
    ["en", "i'll check with my manager", ['hedges'], ['deflects']],
    ['en', 'we will follow our process, as always', [], ['follows-process']],
    ['sv', 'jo, den kom i fredags', [], ['refers-back']],
    ['sv', 'höll lånedatorn hela eftermiddagen i fredags?', ['refers-back'], []],
    ['sv', 'vi gör så gott vi kan', ['hedges'], []],
    ['sv', 'vi följer såklart rutinen och processen', [], ['follows-process']],
    ['sv', 'vad skulle få din vd att säga ja?', ['asks-business'], []],
    ['sv', 'ja men det där löser sig, de vänjer sig nog', ['hedges'], ['agrees']],
    ['en', 'yes, but the network has to wait for the change request', [], ['agrees']],
    ['sv', 'och den bygger på det du berättade sist, att brödet tar slut vid tre', ['refers-back'], []],
    ['sv', 'jo, allt var klart i tid', ['commitment-kept'], []],
  ];
  for (const [locale, text, present, absent] of readings) {
    it(`when a learner writes "${text}" (${locale}), then the reader finds ${present.join(' and ')}${absent.length > 0 ? ` and not ${absent.join(', ')}` : ''}`, () => {
      const found = classify(text, locale);
      for (const kind of present) assert.ok(found.includes(kind), `${kind} in ${found.join(', ')}`);
      for (const kind of absent) assert.ok(!found.includes(kind), `${kind} not in ${found.join(', ')}`);
    });
  }

  it('when an offer or a promise carries nothing concrete, then it is vague; with a what and a by-when it keeps the learner’s words', () => {
    const [, vague] = reader.read("I can't do that, but what I can do instead is an alternative", 'en');
    assert.equal(vague?.vague, true);
    assert.equal(reader.read("I'll definitely follow up", 'en')[0]?.vague, true);
    const [promise] = reader.read("I'll have a loan laptop ready by 10:45.", 'en');
    assert.deepEqual(promise, { kind: 'promises', quote: "I'll have a loan laptop ready by 10:45.", what: 'have a loan laptop ready by 10:45', when: 'by 10:45' });
  });

  it('when an offer names itself again or ends on its trigger, then what is offered is the learner’s content, not the trigger', () => {
    const [, workaround] = reader.read("I can't do that, but what I can do instead is a workaround for the sellers.", 'en');
    assert.equal(workaround?.vague, true, 'a workaround for the sellers names the move, not its content');
    const [offer] = reader.read('och jag ger säljarna excelmallen inom en timme så att de kan jobba under tiden', 'sv');
    assert.equal(offer?.kind, 'offers-alternative');
    assert.match(offer?.what ?? '', /säljarna excelmallen inom en timme/);
  });

  // Written from the corpus notes' description of gaming (partner words without substance), not from any transcript.
  const buzzwordLines: ReadonlyArray<readonly [Locale, string]> = [
    ['en', "honestly, we really value this partnership and that's the reason we care"],
    ['en', 'what is most important for your company in the long run?'],
    ['en', 'what really matters to your clients?'],
    ['en', 'there is a big risk, we need to be proactive about it'],
    ['en', 'instead I can offer a great alternative that fits your needs'],
    ['en', 'going forward we will make sure quality comes first'],
    ['en', 'we will follow our process, as always'],
    ['sv', 'ärligt talat, vi värdesätter verkligen samarbetet och det är därför vi bryr oss'],
    ['sv', 'vad är viktigast för ert företag på lång sikt?'],
    ['sv', 'vad spelar störst roll för era kunder?'],
    ['sv', 'det finns en stor risk, vi behöver vara proaktiva'],
    ['sv', 'i stället kan jag erbjuda ett jättebra alternativ som passar era behov'],
    ['sv', 'framöver ser vi till att kvaliteten kommer först'],
    ['sv', 'vi följer såklart rutinen och processen'],
    // The same word said again, the other language's filler, filler after a trigger, a question that asks nothing yet.
    ['en', 'what I can do instead is a laptop, a laptop, a laptop'],
    ['sv', 'det jag kan göra i stället är en lösning going forward'],
    ['sv', 'tack för mötet med teamet, vi tar det proaktivt framåt'],
    ['en', "what's at stake for you?"],
    ['sv', 'vad står på spel för dig?'],
    ['sv', 'jag hör vad du säger, vi tar det proaktivt framåt'],
    ['sv', 'vad betyder det för era patienter? era patienter är så viktiga för oss'],
    ['sv', 'vad är viktigast för er, liksom what really matters?'],
    ['sv', 'vi kör vår vanliga process, det är därför vi har en process'],
    ['en', 'what does it mean for your patients? your patients matter so much to us'],
    // A summary that only says back "you want it to work" is no summary, and its "I understand" is no empathy.
    ['sv', 'så om jag förstår dig rätt vill du att det funkar och att det går fort'],
    ['en', 'so if I understand you correctly, you want it to work and you want it soon'],
    ['sv', 'det låter jättestressigt, jag fattar verkligen'],
  ];
  for (const [locale, text] of buzzwordLines) {
    it(`when a message is only partner words ("${text}", ${locale}), then no move in it counts`, () => {
      const counted = reader.read(text, locale).filter((move) => !move.vague && !['greets', 'hedges', 'refuses'].includes(move.kind));
      assert.deepEqual(counted.map((move) => move.kind), []);
    });
  }

  it('when a follow-up question is short but the message around it is about the earlier promise, then the follow-up counts', () => {
    const moves = reader.read('sorry, the printouts were at the desk ten minutes late. did you have everything you needed in court?', 'en');
    const followUp = moves.find((move) => move.kind === 'refers-back');
    assert.ok(followUp && !followUp.vague, moves.map((move) => `${move.kind}${move.vague ? '(vague)' : ''}`).join(' '));
  });

  it('when the message is in Swedish, then the Swedish rules judge it and the English ones do not', () => {
    assert.deepEqual(classify('Jag lovar.', 'en'), []);
    assert.deepEqual(classify('Jag lovar.', 'sv'), ['promises']);
  });
});
