import assert from 'node:assert/strict';
import { BoundedMemo } from '../../src/core/bounded-memo';

describe('BoundedMemo', () => {
  it('when a key is asked for again, then the kept value comes back without building, undefined included', () => {
    const memo = new BoundedMemo<string | undefined>(4);
    let built = 0;
    const build = (value: string | undefined) => () => {
      built += 1;
      return value;
    };
    assert.equal(memo.get('a', build('one')), 'one');
    assert.equal(memo.get('a', build('other')), 'one');
    assert.equal(memo.get('none', build(undefined)), undefined);
    assert.equal(memo.get('none', build('late')), undefined);
    assert.equal(built, 2);
  });

  it('when it is full, then the value kept longest goes first; a forgotten key is built again', () => {
    const memo = new BoundedMemo<number>(2);
    memo.get('a', () => 1);
    memo.get('b', () => 2);
    memo.get('c', () => 3);
    assert.deepEqual([memo.get('a', () => 10), memo.get('c', () => 30)], [10, 3]);
    memo.forget('c');
    assert.equal(memo.get('c', () => 31), 31);
  });
});
