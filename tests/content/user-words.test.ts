import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { CardRenderer } from '../../src/cards/card-renderer';
import type { CardView } from '../../src/cards/card-view';
import { Translator } from '../../src/core/translator';
import { locales } from '../../src/core/locale';
import { withChartFallbacks } from '../support/card-validation';
import { contentIds, visibleCardText, wordProblems } from '../support/user-words';

const root = path.resolve(__dirname, '..', '..');
const translator = Translator.load(path.join(root, 'content', 'locales'));
const ids = contentIds();

function allFixtures(): CardView[] {
  return readdirSync(path.join(root, 'tests'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && readdirSync(path.join(root, 'tests', entry.name)).includes('card-fixtures.ts'))
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    .flatMap((entry) => (require(path.join(root, 'tests', entry.name, 'card-fixtures.ts')) as { cardFixtures: CardView[] }).cardFixtures);
}

/** Keys of entries written as plural forms ("x.one", "x.other"), by their base key. */
const pluralBases = (locale: 'en' | 'sv'): Set<string> => new Set(translator.keys(locale).filter((key) => key.endsWith('.other')).map((key) => key.slice(0, -'.other'.length)));

describe('words people read: no internal ids, no "1 messages"', () => {
  it('when the scanner reads a text with an id or a plural after one, then it reports both', () => {
    assert.ok(ids.has('followed-up'), 'check ids from the storylines are known');
    assert.equal(wordProblems('Your own check: followed-up, summarised. 1 messages', ids).length, 2);
    assert.equal(wordProblems('1 gjorda', ids).length, 1);
    assert.deepEqual(wordProblems('A one-to-one chat, a follow-up, 1 message, 11 messages, 2.1 days', ids), []);
  });

  it('when a count entry names what it counts, then it has plural forms, in both languages', () => {
    for (const locale of locales) {
      const plural = pluralBases(locale);
      const unpluralised = translator
        .keys(locale)
        .filter((key) => !plural.has(key.replace(/\.(zero|one|two|few|many|other)$/, '')))
        .filter((key) => /\{count\} (?!(of|av)\b)\p{L}/u.test(translator.translate(locale, key)));
      assert.deepEqual(unpluralised, [], `${locale}: "{count} <noun>" without one/other forms`);
    }
  });

  it('when every count entry is filled in with one, then no plural noun follows it', () => {
    for (const locale of locales) {
      for (const base of pluralBases(locale)) {
        const text = translator.translate(locale, base, { count: 1, done: 1, met: 1, name: 'Maria', trust: 5, rating: '4,0', storyline: 'S', number: 1, date: 'd', status: 's' });
        assert.deepEqual(wordProblems(text, ids), [], `${locale} ${base}`);
      }
    }
  });

  const renderer = CardRenderer.load(path.join(root, 'cards'), []);
  for (const fixture of allFixtures()) {
    it(`when ${fixture.template.name} is rendered with fixture data, then it shows no internal id and no plural after one`, () => {
      const card = renderer.render(fixture);
      assert.deepEqual(wordProblems(visibleCardText(card), ids), []);
      assert.deepEqual(wordProblems(visibleCardText(withChartFallbacks(card)), ids), []);
    });
  }
});
