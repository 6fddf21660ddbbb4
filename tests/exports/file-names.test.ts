import assert from 'node:assert/strict';
import { csvFile, fileBaseName, markdownFile } from '../../src/exports/file-export';

describe('export files', () => {
  const day = new Date('2026-03-09T07:00:00Z');

  it('when a title holds Swedish letters, punctuation and slashes, then the file name keeps the letters and nothing a file system refuses', () => {
    assert.equal(fileBaseName('avstämning', 'Kundens perspektiv: "Vi/dom" & <mer>?', day), 'avstämning-kundens-perspektiv-vi-dom-mer-2026-03-09');
  });

  it('when a title is very long, then the name stops at 60 characters before the date, without a trailing dash', () => {
    const name = fileBaseName('workshop', 'a '.repeat(80), day);
    assert.ok(name.length <= 60 + '-2026-03-09'.length, name);
    assert.match(name, /^workshop(-a)+-2026-03-09$/);
  });

  it('when a CSV file is made, then it starts with a byte order mark and Markdown does not', () => {
    const csv = csvFile('x', 'å,ä,ö', '');
    assert.deepEqual([...csv.bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(new TextDecoder().decode(csv.bytes.slice(3)), 'å,ä,ö');
    assert.equal(csv.name, 'x.csv');
    assert.equal(markdownFile('x', '# å', '').bytes[0], '#'.charCodeAt(0));
  });
});
