import assert from 'node:assert/strict';
import { VersionConflictError } from '../../../src/storage/store';
import type { ContractContext } from '../store-contract';

export function describeRemoveContract(context: ContractContext): void {
  const { store, collection, owner } = context;

  describe('remove', () => {
    it('when a record is removed without a version, then it is gone and a second remove returns false', async () => {
      await store().put({ collection: collection(), id: 'a', body: {}, expectedVersion: 0 });

      assert.equal(await store().remove(collection(), 'a'), true);
      assert.equal(await store().get(collection(), 'a'), undefined);
      assert.equal(await store().remove(collection(), 'a'), false);
    });

    it('when a record is removed with its current version, then it is gone', async () => {
      await store().put({ collection: collection(), id: 'a', body: {}, expectedVersion: 0 });
      await store().put({ collection: collection(), id: 'a', body: {}, expectedVersion: 1 });

      assert.equal(await store().remove(collection(), 'a', 2), true);
      assert.equal(await store().get(collection(), 'a'), undefined);
    });

    it('when a record is removed with a stale version, then VersionConflictError is thrown and the record stays', async () => {
      await store().put({ collection: collection(), id: 'a', body: { kept: true }, expectedVersion: 0 });
      await store().put({ collection: collection(), id: 'a', body: { kept: true }, expectedVersion: 1 });

      await assert.rejects(store().remove(collection(), 'a', 1), VersionConflictError);
      await assert.rejects(store().remove(collection(), 'a', 0), VersionConflictError);
      assert.equal((await store().get(collection(), 'a'))?.version, 2);
    });

    it('when a missing record is removed with a version, then remove returns false', async () => {
      assert.equal(await store().remove(collection(), 'never', 3), false);
    });

    it('when removeOwnedBy runs, then only that owner\'s records go, in every collection, and it counts them', async () => {
      const [anna, bo] = [owner('anna'), owner('bo')];
      await store().put({ collection: collection('check-ins'), id: '1', owner: anna, body: {}, expectedVersion: 0 });
      await store().put({ collection: collection('check-ins'), id: '2', owner: bo, body: {}, expectedVersion: 0 });
      await store().put({ collection: collection('settings'), id: anna, owner: anna, body: {}, expectedVersion: 0 });
      await store().put({ collection: collection('references'), id: 'team', body: {}, expectedVersion: 0 });

      assert.equal(await store().removeOwnedBy(anna), 2);

      assert.equal(await store().get(collection('check-ins'), '1'), undefined);
      assert.equal(await store().get(collection('settings'), anna), undefined);
      assert.equal((await store().get(collection('check-ins'), '2'))?.owner, bo);
      assert.notEqual(await store().get(collection('references'), 'team'), undefined);
      assert.equal(await store().removeOwnedBy(anna), 0);
    });
  });
}
