import assert from 'node:assert/strict';
import { AsyncMutex } from '../../src/storage/async-mutex';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

describe('AsyncMutex', () => {
  it('when work is queued, then each piece starts only after the one before it has finished, in call order', async () => {
    const mutex = new AsyncMutex();
    const events: string[] = [];
    const firstMayFinish = deferred();

    const first = mutex.run(async () => {
      events.push('first started');
      await firstMayFinish.promise;
      events.push('first finished');
      return 1;
    });
    const second = mutex.run(async () => {
      events.push('second started');
      return 2;
    });
    for (let turn = 0; turn < 10; turn += 1) await new Promise(setImmediate);
    assert.deepEqual(events, ['first started']);

    firstMayFinish.resolve();

    assert.deepEqual(await Promise.all([first, second]), [1, 2]);
    assert.deepEqual(events, ['first started', 'first finished', 'second started']);
  });

  it('when a piece of work fails, then its caller gets the error and the next piece still runs', async () => {
    const mutex = new AsyncMutex();
    const failure = new Error('broken');

    const failing = mutex.run(async () => {
      throw failure;
    });
    const next = mutex.run(async () => 'ran');

    await assert.rejects(failing, (error) => error === failure);
    assert.equal(await next, 'ran');
  });
});
