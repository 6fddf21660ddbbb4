import assert from 'node:assert/strict';
import { AsyncLocalStorage } from 'node:async_hooks';
import sinon from 'sinon';
import { TransactionScope } from '../../src/storage/transaction-scope';

const inside = /inside its own transaction/;

describe('TransactionScope', () => {
  afterEach(() => sinon.restore());

  it('when code inside a transaction uses the store again, then it is refused; outside and afterwards it is not', async () => {
    const scope = new TransactionScope();
    scope.assertOutside();
    await scope.run(async () => {
      await Promise.resolve();
      assert.throws(() => scope.assertOutside(), inside);
    });
    scope.assertOutside();
  });

  it('when the last open transaction ends, then its async context is switched off, so the process stops following every promise', async () => {
    const disable = sinon.spy(AsyncLocalStorage.prototype, 'disable');
    const scope = new TransactionScope();
    await scope.run(async () => undefined);
    assert.equal(disable.callCount, 1);
  });

  it('when one of two overlapping transactions ends, then the other still refuses re-entry and its context stays on until it ends', async () => {
    const disable = sinon.spy(AsyncLocalStorage.prototype, 'disable');
    const scope = new TransactionScope();
    let finishSecond: () => void = () => undefined;
    const secondMayEnd = new Promise<void>((resolve) => {
      finishSecond = resolve;
    });
    let secondStarted: () => void = () => undefined;
    const started = new Promise<void>((resolve) => {
      secondStarted = resolve;
    });
    const second = scope.run(async () => {
      secondStarted();
      await secondMayEnd;
      assert.throws(() => scope.assertOutside(), inside);
    });
    await started;
    await scope.run(async () => undefined);
    assert.equal(disable.callCount, 0, 'the second transaction is still open');
    finishSecond();
    await second;
    assert.equal(disable.callCount, 1);
    scope.assertOutside();
  });
});
