import assert from 'node:assert/strict';
import { StorageUnavailableError, type Store } from '../../../src/storage/store';
import type { ContractContext } from '../store-contract';

function everyOperationOf(store: Store, collection: string): [string, () => Promise<unknown>][] {
  return [
    ['get', () => store.get(collection, 'a')],
    ['list', () => store.list(collection)],
    ['put', () => store.put({ collection, id: 'b', body: {} })],
    ['remove', () => store.remove(collection, 'a')],
    ['removeOwnedBy', () => store.removeOwnedBy('anyone')],
    ['transaction', () => store.transaction(async (session) => session.get(collection, 'a'))],
    ['ping', () => store.ping()],
  ];
}

export function describeLifecycleContract(context: ContractContext): void {
  const { store, collection } = context;

  describe('lifecycle', () => {
    it('when the database answers, then ping resolves', async () => {
      await store().ping();
    });

    it('when a store is opened again on the same database, then the data written before is there', async () => {
      const first = await context.openAnother();
      await first.put({ collection: collection(), id: 'a', body: { kept: 'över omstart' }, expectedVersion: 0 });
      await first.close();

      const reopened = await context.openAnother();

      assert.deepEqual((await reopened.get(collection(), 'a'))?.body, { kept: 'över omstart' });
    });

    it('when the store is closed, then every operation rejects with StorageUnavailableError', async () => {
      const closing = await context.openAnother();
      await closing.put({ collection: collection(), id: 'a', body: {}, expectedVersion: 0 });
      await closing.close();

      for (const [name, operation] of everyOperationOf(closing, collection())) {
        await assert.rejects(operation(), StorageUnavailableError, `${name} after close`);
      }
      await closing.close();
    });

    it('when the store is closed while an operation is under way, then that operation still finishes', async () => {
      const closing = await context.openAnother();

      const [written] = await Promise.all([
        closing.put({ collection: collection(), id: 'a', body: {}, expectedVersion: 0 }),
        closing.close(),
      ]);

      assert.equal(written, 1);
      assert.equal((await store().get(collection(), 'a'))?.version, 1);
    });
  });
}
