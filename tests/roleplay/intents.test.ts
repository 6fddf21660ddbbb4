import assert from 'node:assert/strict';
import { classify } from '../../src/roleplay/intents';

describe('role-play intent rules', () => {
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
      assert.ok(classify(text, locale).includes(intent as never), classify(text, locale).join(', '));
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

  it('when the message is in Swedish, then the Swedish rules judge it and the English ones do not', () => {
    assert.deepEqual(classify('Jag lovar.', 'en'), []);
    assert.deepEqual(classify('Jag lovar.', 'sv'), ['promises']);
  });
});
