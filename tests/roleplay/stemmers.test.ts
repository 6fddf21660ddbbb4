import assert from 'node:assert/strict';
import { stemEnglish } from '../../src/roleplay/language/stem-english';
import { sharesStem } from '../../src/roleplay/language/shared-stem';
import { stemSwedish } from '../../src/roleplay/language/stem-swedish';

describe('stemmers: inflections share a stem, words that only begin alike do not', () => {
  it('when English words come from the Snowball vocabulary, then their Porter2 stems are the published ones', () => {
    const expected: ReadonlyArray<readonly [string, string]> = [
      ['consign', 'consign'], ['consigned', 'consign'], ['consistency', 'consist'], ['consolatory', 'consolatori'], ['conspicuously', 'conspicu'],
      ['knackeries', 'knackeri'], ['knightly', 'knight'], ['generously', 'generous'], ['happiness', 'happi'], ['caresses', 'caress'],
      ['ponies', 'poni'], ['agreed', 'agre'], ['disabled', 'disabl'], ['relational', 'relat'], ['sensibiliti', 'sensibl'], ['replacement', 'replac'],
    ];
    for (const [word, stem] of expected) assert.equal(stemEnglish(word), stem, word);
  });

  it('when English words are inflections of one word, then they share a stem; "sale" and "salt", "think" and "third" do not', () => {
    assert.deepEqual(['quotes', 'quoted', 'quoting', 'quote'].map(stemEnglish), ['quot', 'quot', 'quot', 'quot']);
    assert.equal(stemEnglish('teams'), stemEnglish('team'));
    assert.notEqual(stemEnglish('sale'), stemEnglish('salt'));
    assert.notEqual(stemEnglish('think'), stemEnglish('third'));
  });

  it('when Swedish words come from the Snowball vocabulary, then their stems are the published ones', () => {
    const expected: ReadonlyArray<readonly [string, string]> = [
      ['jaktkarlarne', 'jaktkarl'], ['jaktkarlens', 'jaktkarl'], ['jaktlycka', 'jaktlyck'], ['jalusierna', 'jalusi'], ['jamaikanskt', 'jamaikansk'], ['jammerlig', 'jammer'],
    ];
    for (const [word, stem] of expected) assert.equal(stemSwedish(word), stem, word);
  });

  it('when Swedish words (typed without marks) are inflections of one word, then they share a stem; "skada" and "skapa" do not', () => {
    assert.deepEqual(['saljarna', 'saljare', 'saljer'].map(stemSwedish), ['salj', 'salj', 'salj']);
    assert.equal(stemSwedish('vaxer'), stemSwedish('vaxa'));
    assert.equal(stemSwedish('kassan'), stemSwedish('kassa'), 'the definite -n Snowball leaves');
    assert.equal(stemSwedish('lanedatorn'), stemSwedish('lanedator'));
    assert.notEqual(stemSwedish('skada'), stemSwedish('skapa'));
  });

  it('when a Swedish noun is in its definite neuter form or drops the e of -el, then it shares the stem of the bare noun', () => {
    for (const [inflected, bare] of [['natverket', 'natverk'], ['motet', 'mote'], ['vantrummet', 'vantrum'], ['avtalet', 'avtal'], ['kablar', 'kabel'], ['nycklarna', 'nyckel']] as const) {
      assert.equal(stemSwedish(inflected), stemSwedish(bare), `${inflected} / ${bare}`);
    }
    assert.equal(stemSwedish('paketet'), stemSwedish('paket'), 'a noun in -et of its own');
  });

  it('when a Swedish noun ends in -or (dator), then its forms are one word to compare, Snowball reading -or as a plural ending', () => {
    const known = new Set(['datorer', 'lanedatorn'].map(stemSwedish));
    for (const word of ['dator', 'datorn', 'datorerna']) assert.ok(sharesStem(known, stemSwedish(word), 'sv'), word);
    assert.ok(sharesStem(new Set([stemSwedish('dator')]), stemSwedish('vikariedatorerna'), 'sv'), 'a compound made of "dator"');
    assert.ok(!sharesStem(new Set([stemSwedish('datum')]), stemSwedish('dator'), 'sv'));
  });

  it('when a Swedish word in -el is the first part of a compound (kabeldragning), then its forms without the e (kablar) share it', () => {
    assert.ok(sharesStem(new Set([stemSwedish('kabeldragning')]), stemSwedish('kablar'), 'sv'));
    assert.ok(sharesStem(new Set([stemSwedish('kablarna')]), stemSwedish('kabeldragningen'), 'sv'));
    assert.ok(!sharesStem(new Set([stemSwedish('kabeldragning')]), stemSwedish('kablage'), 'sv'), '"kablage" is a word of its own');
  });
});
