import assert from 'node:assert/strict';
import { retryOnConflict } from '../../src/storage/retry-on-conflict';
import { VersionConflictError } from '../../src/storage/store';

const conflict = (): VersionConflictError => new VersionConflictError('things', 'a', 1);

describe('retryOnConflict', () => {
  it('when a write loses a race and then wins, then the result of the winning try comes back', async () => {
    let tries = 0;
    const result = await retryOnConflict(2, async () => {
      tries += 1;
      if (tries < 3) throw conflict();
      return 'saved';
    });
    assert.equal(result, 'saved');
    assert.equal(tries, 3);
  });

  it('when every try loses, then the conflict is thrown after the allowed retries', async () => {
    let tries = 0;
    await assert.rejects(
      retryOnConflict(1, async () => {
        tries += 1;
        throw conflict();
      }),
      VersionConflictError,
    );
    assert.equal(tries, 2);
  });

  it('when another error happens, then it is thrown at once without a retry', async () => {
    let tries = 0;
    await assert.rejects(
      retryOnConflict(3, async () => {
        tries += 1;
        throw new Error('disk full');
      }),
      /disk full/,
    );
    assert.equal(tries, 1);
  });
});
