import assert from 'node:assert/strict';
import type { Locale } from '../../src/core/locale';
import { counts, type Intent } from '../../src/roleplay/intents';
import { reader } from './roleplay-fixtures';

const counted = (text: string, locale: Locale): Intent[] => reader.read(text, locale).filter(counts).map((move) => move.kind);

// Whose answer a line is: a yes to the customer's point, or a question about the customer's side, gives the demand no answer.
describe('role-play reader: a yes or an offer that is none', () => {
  it('when a yes goes on to say what the learner will not do, then it agrees to nothing', () => {
    for (const [locale, text] of [
      ['en', 'yeah we cant be the reason for that'],
      ['sv', 'ja, vi kan inte vara orsaken till det'],
    ] as const) assert.ok(!counted(text, locale).includes('agrees'), `${text}: ${counted(text, locale).join(', ')}`);
    assert.ok(counted('ja, vi testar alla före måndag', 'sv').includes('agrees'));
  });

  it('when a question asks what the customer’s side could do, then it offers nothing; an offer put as a question by the learner still offers', () => {
    for (const [locale, text] of [
      ['en', 'is there any other way they can send quotes for now?'],
      ['sv', 'finns det nåt annat sätt de kan skicka offerter på så länge?'],
    ] as const) assert.ok(!counted(text, locale).includes('offers-alternative'), `${text}: ${counted(text, locale).join(', ')}`);
    for (const [locale, text] of [
      ['en', 'could we send them the excel template for now?'],
      ['en', 'what about two proper return stations with scanners instead?'],
      ['sv', 'kan vi ge säljarna den gamla excelmallen så länge?'],
    ] as const) assert.ok(counted(text, locale).includes('offers-alternative'), `${text}: ${counted(text, locale).join(', ')}`);
  });
});
