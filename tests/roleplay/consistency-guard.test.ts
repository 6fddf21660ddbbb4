import assert from 'node:assert/strict';
import { guardReply, type GuardContext } from '../../src/roleplay/customer/consistency-guard';
import { storyline } from './roleplay-fixtures';

describe('consistency guard on a model customer’s reply', () => {
  const story = storyline('bakery-unasked-proposal');
  const context = (learnerText = 'How are the stores doing?', locale: 'en' | 'sv' = 'en'): GuardContext => ({ learnerText, firmLines: story.firmLines, locale, maxChars: 900 });

  it('when the reply is in character, then it passes', () => {
    assert.equal(guardReply('Hm. The sourdough is gone by three, every day.', context(), true), undefined);
  });

  for (const [reply, violation] of [
    ['As an AI language model, I cannot run a bakery.', 'ai-self-reference'],
    ['Som en AI kan jag inte ha åsikter om bröd.', 'ai-self-reference'],
    ['Great question! How can I assist you today?', 'assistant-voice'],
    ['Hur kan jag hjälpa dig i dag?', 'assistant-voice'],
    ['In this role-play I am the customer.', 'meta-talk'],
    ['', 'empty'],
  ] as const) {
    it(`when the reply is "${reply}", then it is caught as ${violation}`, () => {
      assert.equal(guardReply(reply, context(), true), violation);
    });
  }

  it('when the learner asks for something the persona refuses and the reply is a plain yes, then it counts as caving', () => {
    assert.equal(guardReply('Sure, let’s do all fourteen stores.', context('Let us switch it on in all fourteen stores on Monday.'), true), 'caved');
  });

  it('when the persona answers the same ask with a reservation, then it is in character', () => {
    assert.equal(guardReply('Sure, but not all fourteen at once.', context('Let us switch it on in all fourteen stores on Monday.'), true), undefined);
  });

  it('when a Swedish learner asks for the refused thing and gets a plain ja, then it counts as caving', () => {
    assert.equal(guardReply('Visst, vi kör alla butiker på måndag.', context('Vi slår på det i alla butiker på måndag.', 'sv'), true), 'caved');
  });

  it('when the reply is longer than allowed, then it is caught even before it is complete', () => {
    assert.equal(guardReply('Bread. '.repeat(200), context(), false), 'too-long');
  });
});
