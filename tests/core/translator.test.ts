import assert from 'node:assert/strict';
import path from 'node:path';
import { Translator } from '../../src/core/translator';

const localesDir = path.resolve(__dirname, '..', '..', 'content', 'locales');

describe('locale files', () => {
  const translator = Translator.load(localesDir);

  it('when the English and Swedish files are compared, then every key exists in both', () => {
    const english = translator.keys('en');
    const swedish = translator.keys('sv');
    assert.deepEqual(english.filter((key) => !swedish.includes(key)), [], 'missing in sv');
    assert.deepEqual(swedish.filter((key) => !english.includes(key)), [], 'missing in en');
    assert.ok(english.length > 20);
  });

  it('when a string has placeholders, then both languages use the same ones', () => {
    for (const key of translator.keys('en')) {
      const names = (locale: 'en' | 'sv'): string[] =>
        [...translator.translate(locale, key).matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();
      assert.deepEqual(names('sv'), names('en'), key);
    }
  });

  it('when a key is translated with parameters, then they are filled in', () => {
    assert.equal(translator.translate('sv', 'errors.tooLong', { max: 500 }), 'Det är längre än jag kan ta emot (högst 500 tecken). Korta gärna ner det.');
  });

  it('when an entry has plural forms, then the count chooses the form in each language', () => {
    assert.equal(translator.translate('en', 'exercises.progress.streak', { count: 1 }), 'Streak: 1 day');
    assert.equal(translator.translate('en', 'exercises.progress.streak', { count: 3 }), 'Streak: 3 days in a row');
    assert.equal(translator.translate('sv', 'exercises.progress.streak', { count: 1 }), 'Du har övat 1 dag i rad');
    assert.equal(translator.translate('sv', 'exercises.progress.streak', { count: 0 }), 'Du har övat 0 dagar i rad');
    assert.equal(translator.translate('en', 'roleplay.personalData.session', { storyline: 'S', number: 1, date: 'd', status: 'ended', count: 1 }), '**S, meeting 1** (d, ended): 1 message');
  });

  it('when no Swedish string is left in English, then Swedish texts differ from English ones', () => {
    const same = translator.keys('en').filter((key) => {
      const english = translator.translate('en', key);
      return english.length > 12 && english === translator.translate('sv', key);
    });
    assert.deepEqual(same, []);
  });
});
