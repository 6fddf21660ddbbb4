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
