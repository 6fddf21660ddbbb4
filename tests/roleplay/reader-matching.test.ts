import assert from 'node:assert/strict';
import path from 'node:path';
import sinon from 'sinon';
import { loadCorpus } from '../../scripts/roleplay-eval/corpus';
import { loadMoveCorpus } from '../../scripts/roleplay-eval/moves';
import type { Locale } from '../../src/core/locale';
import { phraseBooksIn } from '../../src/roleplay/reading/phrase-book';
import { PhraseMatcher } from '../../src/roleplay/reading/phrase-matcher';
import { MoveReader } from '../../src/roleplay/reading/reader';
import { contentDir } from './roleplay-fixtures';

// Only tuned material, picked by file name before anything is read: the set-aside part (#9) is never opened.
const setAsideMeetings = ['vip-skip-the-queue--ahead-of-everyone', 'sales-blocked-service-desk--third-time', 'bakery-unasked-proposal--routine-visit', 'onsite-stressed-reception--new-receptionists'];
const tunedTranscript = (file: string): boolean => !setAsideMeetings.some((meeting) => file.includes(`${meeting}--`)) && !/^gaming--.*--[12]--/.test(file);

function tunedMessages(): Array<{ readonly text: string; readonly locale: Locale }> {
  const moves = loadMoveCorpus(path.join(__dirname, 'moves'), (file) => file.includes('--tune--'));
  const transcripts = loadCorpus(path.join(__dirname, 'corpus'), tunedTranscript);
  assert.ok(moves.every((message) => message.split === 'tune') && transcripts.every((transcript) => transcript.split === 'tune'), 'tuned files only');
  return [...moves, ...transcripts.flatMap((transcript) => transcript.learner.map((text) => ({ text, locale: transcript.locale })))];
}

describe('MoveReader matching', () => {
  afterEach(() => sinon.restore());

  it('when every tuned message is read the quick way, then each reading is exactly the one matchAll over every rule gives', () => {
    const books = phraseBooksIn(contentDir);
    const quick = new MoveReader(books);
    const plain = new MoveReader(books, 'plain');
    const messages = tunedMessages();
    assert.ok(messages.length > 1000, `${messages.length} messages`);
    const differing = messages.filter((message) => JSON.stringify(quick.read(message.text, message.locale)) !== JSON.stringify(plain.read(message.text, message.locale)));
    assert.deepEqual(differing, []);
  });

  it('when a message is read, then no rule copies its phrase pattern for matchAll', () => {
    const reader = new MoveReader(phraseBooksIn(contentDir));
    const matchAll = sinon.spy(String.prototype, 'matchAll');
    const moves = reader.read("Hi Maria. I can't move every technician, but what I can do instead is get the template back within the hour.", 'en');
    assert.ok(moves.some((move) => move.kind === 'offers-alternative'), 'a slot move, whose triggers are all weighed');
    assert.equal(matchAll.callCount, 0);
  });
});

describe('PhraseMatcher', () => {
  it('when phrases occur several times, then all and first give what matchAll gives, empty matches included, and leave the pattern at its start', () => {
    for (const source of ['ab|c', 'x*', '(?<![\\p{L}])(?:so|så)(?![\\p{L}])', '']) {
      const pattern = new RegExp(source, 'giu');
      const matcher = new PhraseMatcher(pattern);
      for (const text of ['abcab c', 'så so, så', '😀x😀', '', 'none']) {
        const expected = [...text.matchAll(pattern)];
        assert.deepEqual(matcher.all(text), expected, `${source} in ${text}`);
        assert.deepEqual(matcher.first(text), expected[0], `${source} in ${text}`);
        assert.equal(pattern.lastIndex, 0);
      }
    }
  });

  it('when a pattern is not global, then it is refused at load, as every trigger could not be replaced', () => {
    assert.throws(() => new PhraseMatcher(/ab/iu), /must be global/);
  });
});
