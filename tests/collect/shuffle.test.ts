import assert from 'node:assert/strict';
import { shuffled } from '../../src/collect/shuffle';

describe('shuffled', () => {
  it('when given a source of picks, then it swaps as Fisher–Yates does and leaves the input as it was', () => {
    const input = ['a', 'b', 'c', 'd'] as const;
    const picks: number[] = [];
    const result = shuffled(input, (below) => {
      picks.push(below);
      return 0;
    });
    assert.deepEqual(picks, [4, 3, 2], 'one pick per place, from all places not yet fixed');
    assert.deepEqual(result, ['b', 'c', 'd', 'a']);
    assert.deepEqual(input, ['a', 'b', 'c', 'd']);
  });

  it('when left to the secure generator, then every order of three comes up and nothing is lost', () => {
    const seen = new Set<string>();
    for (let round = 0; round < 300; round += 1) {
      const result = shuffled([1, 2, 3]);
      assert.deepEqual([...result].sort(), [1, 2, 3]);
      seen.add(result.join(''));
    }
    assert.equal(seen.size, 6);
  });
});
