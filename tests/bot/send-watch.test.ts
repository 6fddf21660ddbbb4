import assert from 'node:assert/strict';
import { AsyncLocalStorage } from 'node:async_hooks';
import sinon from 'sinon';
import type { SendWatch } from '../../src/core/messenger';
import { sendWatchPolicy, watchingSends } from '../../src/bot/send-watch';

/** A watch that notes what it was told, and a request through the policy as the Connector client's pipeline sends it. */
function recordingWatch(): SendWatch & { readonly told: string[] } {
  const told: string[] = [];
  return { told, leaving: () => told.push('leaving'), answered: () => told.push('answered') };
}
const request = (): Promise<string> => sendWatchPolicy.sendRequest('request', async () => 'response');

describe('send watch', () => {
  afterEach(() => sinon.restore());

  it('when a watched send ends, then its request was watched and the async context is switched off, so the process stops following every promise', async () => {
    const disable = sinon.spy(AsyncLocalStorage.prototype, 'disable');
    const watch = recordingWatch();
    assert.equal(await watchingSends(watch, request), 'response');
    assert.deepEqual(watch.told, ['leaving', 'answered']);
    assert.equal(disable.callCount, 1);
    const next = recordingWatch();
    await watchingSends(next, request);
    assert.deepEqual(next.told, ['leaving', 'answered'], 'the next send switches it on again');
  });

  it('when a send has no watch, then it runs without the context and switches nothing', async () => {
    const run = sinon.spy(AsyncLocalStorage.prototype, 'run');
    const disable = sinon.spy(AsyncLocalStorage.prototype, 'disable');
    assert.equal(await watchingSends(undefined, request), 'response');
    assert.deepEqual([run.callCount, disable.callCount], [0, 0]);
  });

  it('when one of two overlapping sends ends, then the other still finds its own watch, and the context goes off only when it ends too', async () => {
    const disable = sinon.spy(AsyncLocalStorage.prototype, 'disable');
    const [first, second] = [recordingWatch(), recordingWatch()];
    let finishSecond: () => void = () => undefined;
    const secondMayGoOn = new Promise<void>((resolve) => {
      finishSecond = resolve;
    });
    const running = watchingSends(second, async () => {
      await secondMayGoOn;
      return request();
    });
    await watchingSends(first, request);
    assert.equal(disable.callCount, 0, 'the second send is still under way');
    finishSecond();
    await running;
    assert.deepEqual([first.told, second.told], [['leaving', 'answered'], ['leaving', 'answered']]);
    assert.equal(disable.callCount, 1);
  });

  it('when a watched send fails, then the context is switched off all the same', async () => {
    const disable = sinon.spy(AsyncLocalStorage.prototype, 'disable');
    const failure = new Error('the send failed');
    await assert.rejects(watchingSends(recordingWatch(), async () => Promise.reject(failure)), (error) => error === failure);
    assert.equal(disable.callCount, 1);
  });
});
