import assert from 'node:assert/strict';
import path from 'node:path';
import { locales } from '../../src/core/locale';
import { slotIntents } from '../../src/roleplay/reading/intents';
import { loadMoveCorpus } from '../../scripts/roleplay-eval/moves';

// The labelled move corpus (tests/roleplay/moves): only its shape is checked here, never how the reader reads it,
// so the corpus stays an honest measure of the reader.
describe('role-play move corpus (shape)', () => {
  const messages = loadMoveCorpus(path.join(__dirname, 'moves'));

  it('when the corpus is loaded, then every file parses and each file name says its locale and split', () => {
    for (const message of messages) assert.match(message.file, new RegExp(`^${message.locale}--${message.split}--\\d+\\.yaml$`), message.file);
  });

  it('when the corpus is loaded, then a third of each language is set aside (to rounding)', () => {
    for (const locale of locales) {
      const mine = messages.filter((message) => message.locale === locale);
      const holdout = mine.filter((message) => message.split === 'holdout').length;
      assert.ok(holdout * 3 >= mine.length - 2, `${locale}: ${holdout} of ${mine.length} set aside`);
    }
  });

  it('when the corpus is loaded, then no message appears twice, so the set-aside part never repeats a tuned one', () => {
    const seen = new Map<string, string>();
    for (const message of messages) {
      const key = `${message.locale} ${message.text.trim().toLowerCase()}`;
      assert.equal(seen.get(key), undefined, `"${message.text}" is in ${seen.get(key)} and ${message.file}`);
      seen.set(key, message.file);
    }
  });

  it('when a message is labelled, then only an offer, proposal or promise can be vague, and never both counted and vague', () => {
    for (const message of messages) {
      for (const kind of message.vague) {
        assert.ok(slotIntents.includes(kind), `${message.file}: "${message.text}" has ${kind} as vague`);
        assert.ok(!message.moves.has(kind), `${message.file}: "${message.text}" has ${kind} both counted and vague`);
      }
    }
  });
});
