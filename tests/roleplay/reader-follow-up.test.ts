import assert from 'node:assert/strict';
import type { Locale } from '../../src/core/locale';
import { reader } from './roleplay-fixtures';

describe('reader: following up later is no reference back', () => {
  const refersBack = (text: string, locale: Locale): boolean => reader.read(text, locale).some((move) => move.kind === 'refers-back');

  it('when the learner says she will follow up on the next steps, then nothing is referred back to (sv)', () => {
    assert.equal(refersBack('jag följer upp det med nästa steg så fort som möjligt', 'sv'), false);
    assert.equal(refersBack('vi ska följa upp leveransen i morgon', 'sv'), false);
    assert.equal(refersBack('jag ville följa upp leveransen från i fredags', 'sv'), true, 'following up what happened still refers back');
    assert.equal(refersBack('jag följde upp det med leverantören', 'sv'), true);
  });

  it('when the learner says she will follow up on the next steps, then nothing is referred back to (en)', () => {
    assert.equal(refersBack("i'll follow up on the next steps as soon as possible", 'en'), false);
    assert.equal(refersBack('following up on the next steps asap', 'en'), false);
    assert.equal(refersBack('i wanted to follow up on the pilot laptops', 'en'), true, 'following up what happened still refers back');
    assert.equal(refersBack('following up on our call last week', 'en'), true);
  });
});

describe('reader: asking how a thing named earlier went refers back', () => {
  const kinds = (text: string, locale: Locale): string[] => reader.read(text, locale).map((move) => move.kind);

  it('when the learner wants to hear how it went, or asks whether the deliveries got out, then it refers back', () => {
    const refersBack = (text: string, locale: Locale): boolean => reader.read(text, locale).some((move) => move.kind === 'refers-back');
    assert.equal(refersBack("before we get to the amount I'd like to hear how it went for the eight since Monday", 'en'), true);
    assert.equal(refersBack("and did tuesday's pharmacy deliveries get out as planned?", 'en'), true);
    assert.equal(refersBack('innan vi kommer in på summan vill jag gärna höra hur det har gått för de åtta', 'sv'), true);
    assert.equal(refersBack('och kom tisdagens leveranser till apoteken iväg som de skulle?', 'sv'), true);
  });

  it('when the learner asks how Monday went, with or without a determiner, then it refers back (en)', () => {
    assert.ok(kinds('how did monday go?', 'en').includes('refers-back'));
    assert.ok(kinds('by the way, how did monday go with the new people?', 'en').includes('refers-back'));
    assert.ok(kinds('how did the first week go?', 'en').includes('refers-back'));
  });

  it('when the learner asks the same in Swedish, then it refers back as before (sv)', () => {
    assert.ok(kinds('hur gick måndagen?', 'sv').includes('refers-back'));
    assert.ok(kinds('hur gick det med de åtta i måndags?', 'sv').includes('refers-back'));
  });

  it('when the new people are the ones already known, then asking about them is no question about business plans (en)', () => {
    assert.ok(!kinds('by the way, how did monday go with the new people?', 'en').includes('asks-business'));
    assert.ok(kinds('are you hiring new people?', 'en').includes('asks-business'), 'plans to take on people still ask about the business');
  });
});
