import assert from 'node:assert/strict';
import type { Locale } from '../../src/core/locale';
import type { Move } from '../../src/roleplay/reading/intents';
import { reader } from './roleplay-fixtures';

const hedgeOf = (text: string, locale: Locale): Move | undefined => reader.read(text, locale).find((move) => move.kind === 'hedges');
const kinds = (text: string, locale: Locale): string[] => reader.read(text, locale).map((move) => move.kind);

// A hedged commitment is no commitment, but what it softens is the learner's own words: half an answer, for the debrief.
describe('role-play reader: what a hedge softens', () => {
  it('when a hedged promise says how much and by when, then the hedge carries it as its what, and nothing is promised', () => {
    for (const [locale, text, what] of [
      ['en', "we'll see what we can get done for the 8 before monday", /the 8 before monday/],
      ['en', "We'll probably manage accounts and laptops for the eight by Friday.", /accounts and laptops for the eight by Friday/],
      ['sv', 'Vi ska nog fixa konton och datorer till de åtta till fredag.', /konton och datorer till de åtta till fredag/],
    ] as const) {
      const hedge = hedgeOf(text, locale);
      assert.equal(hedge?.hedging, 'promises', `${text}: ${JSON.stringify(hedge)}`);
      assert.match(hedge?.what ?? '', what);
      assert.ok(!kinds(text, locale).includes('promises'), text);
    }
  });

  it('when a hedge softens only effort, buzzwords or a by-when with nothing besides, then it carries no what', () => {
    for (const [locale, text] of [
      ['en', "i'll try to do a few"],
      ['en', "let's see how monday goes"],
      ['en', "We'll probably sort out a solution for you by Friday."],
      ['en', 'maybe we could look at something for the busy days at some point'],
      ['sv', 'Vi ska nog lösa det på något sätt till fredag.'],
      ['sv', 'vi ska försöka hinna så många vi kan'],
    ] as const) {
      const hedge = hedgeOf(text, locale);
      assert.ok(hedge, `${text} hedges`);
      assert.equal(hedge?.what, undefined, `${text}: ${JSON.stringify(hedge)}`);
    }
  });

  it('when a step is dropped as the price of an offer ("down to 65 if we skip the testing"), then the step is dropped; a warning that supposes it drops nothing', () => {
    assert.ok(kinds('half isnt possible... but look, i can probably get it down to 65 if we skip some of the security testing', 'en').includes('drops-quality'));
    assert.ok(kinds('jag kan nog få ner det till 65 om vi hoppar över en del av säkerhetstesterna', 'sv').includes('drops-quality'));
    assert.ok(!kinds('if we skip some of the testing, twenty people get hit', 'en').includes('drops-quality'));
    assert.ok(!kinds('om vi hoppar över testet blir det fel på tisdag', 'sv').includes('drops-quality'));
  });
});
