import assert from 'node:assert/strict';
import sinon from 'sinon';
import type { Move } from '../../src/roleplay/reading/intents';
import { understoodView, UnderstoodWords, UnderstoodWordsByLocale } from '../../src/roleplay/views/understood-view';
import { fakeTurn } from './roleplay-fixtures';

const understood = { sessionId: 'sales-blocked-service-desk.1.m7x2k', turn: 2, answer: '**Maria Lind:** Go on.' };
const moves: Move[] = [
  { kind: 'refuses', quote: "I can't move every technician" },
  { kind: 'offers-alternative', quote: 'but what I can do instead is get the template back within the hour.', what: 'get the template back within the hour' },
  { kind: 'asks-need', quote: 'What do you need?', vague: true },
];

describe('the "what I understood" card', () => {
  it('when a second message in the same language gets its card, then only the words that quote the learner are looked up', () => {
    const turn = fakeTurn();
    const t = sinon.spy(turn.t);
    const words = new UnderstoodWordsByLocale();
    understoodView(words.of({ locale: 'en', t }), understood, moves, true);
    t.resetHistory();
    understoodView(words.of({ locale: 'en', t }), { ...understood, turn: 3 }, moves, true);
    assert.deepEqual(t.getCalls().map((call) => call.args[0]), ['roleplay.understood.withWords', 'roleplay.understood.vague']);
  });

  it('when the words are kept per language, then every card equals the one built with every word looked up afresh, in either language', () => {
    const words = new UnderstoodWordsByLocale();
    for (const locale of ['en', 'sv'] as const) {
      const turn = fakeTurn({ locale });
      for (const [shown, open] of [[moves, true], [moves.slice(1), true], [[], true], [moves, false]] as const) {
        for (let again = 0; again < 2; again += 1) {
          assert.deepEqual(understoodView(words.of(turn), understood, shown, open), understoodView(new UnderstoodWords(turn.t), understood, shown, open), `${locale} ${shown.length} ${open}`);
        }
      }
      assert.notDeepEqual(understoodView(words.of(turn), understood, moves, true), understoodView(new UnderstoodWords(fakeTurn({ locale: locale === 'en' ? 'sv' : 'en' }).t), understood, moves, true));
    }
  });
});
