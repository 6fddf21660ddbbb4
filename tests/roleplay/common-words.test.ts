import assert from 'node:assert/strict';
import { commonStems, storylineTexts } from '../../src/roleplay/language/common-words';
import { stemEnglish } from '../../src/roleplay/language/stem-english';
import { stemSwedish } from '../../src/roleplay/language/stem-swedish';
import { catalog, storyline } from './roleplay-fixtures';

const words = (text: string): string[] => text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').match(/[\p{L}\d]+/gu) ?? [];

describe('common words: what most storylines say is no one storyline’s topic', () => {
  const sv = commonStems(catalog.storylines, 'sv', (text) => words(text).map(stemSwedish));
  const en = commonStems(catalog.storylines, 'en', (text) => words(text).map(stemEnglish));
  const has = (stems: ReadonlyMap<string, ReadonlySet<string>>, id: string, stem: string): boolean => stems.get(id)?.has(stem) ?? false;

  it('when most storylines use a word, then it is common in each of them, though one storyline’s author wrote it too', () => {
    assert.ok(has(sv, 'laptop-rollout-busy-week', stemSwedish('igenom')));
    assert.ok(has(sv, 'laptop-rollout-busy-week', stemSwedish('ordentligt')));
    assert.ok(has(en, 'vip-skip-the-queue', stemEnglish('first')));
  });

  it('when few storylines use a word, then it is no common word', () => {
    assert.ok(!has(sv, 'bakery-unasked-proposal', stemSwedish('surdegen')));
    assert.ok(!has(en, 'onsite-stressed-reception', stemEnglish('freezes')));
  });

  it('when one storyline says a widespread word more than all the others together, then it is that storyline’s own and common elsewhere', () => {
    // "The quoting system is dead again": the quote stop comes back, and the storyline keeps saying so.
    assert.ok(!has(sv, 'sales-blocked-service-desk', stemSwedish('igen')));
    assert.ok(has(sv, 'onsite-stressed-reception', stemSwedish('igen')));
  });

  it('when a storyline is read for one language, then only that language’s texts are read', () => {
    const texts = storylineTexts(storyline('bakery-unasked-proposal'), 'en');
    assert.ok(texts.some((text) => /sourdough/i.test(text)));
    assert.ok(!texts.some((text) => /surdeg/i.test(text)));
  });
});
