import assert from 'node:assert/strict';
import { pairedRatios } from '../../scripts/bench-turns/paired';

describe('bench:turns paired ratios', () => {
  it('when both bots slow down together in one round, then that round\'s ratio is unchanged and the median holds', () => {
    const paired = pairedRatios([400, 200, 410, 390, 100], [500, 250, 500, 500, 400]);
    assert.deepEqual(paired.ratios, [0.8, 0.8, 0.82, 0.78, 0.25]);
    assert.deepEqual([paired.median, paired.min, paired.max], [0.8, 0.25, 0.82]);
  });

  it('when there is an even number of rounds, then the median is the mean of the two middle ratios', () => {
    assert.equal(pairedRatios([1, 3, 2, 4], [1, 1, 1, 1]).median, 2.5);
  });

  it('when the bots ran a different number of rounds, then it refuses to pair them', () => {
    assert.throws(() => pairedRatios([1, 2], [1]), /2 project rounds against 1 echo rounds/);
  });
});
