import assert from 'node:assert/strict';
import { VersionConflictError } from '../../../src/storage/store';
import type { ContractContext } from '../store-contract';

export function describeUnlinkedContract(context: ContractContext): void {
  const { store, collection } = context;

  describe('unlinked records', () => {
    it('when records are written in a group, then they read back by id and by group in key order, with only the day kept', async () => {
      const unlinked = store().unlinked;
      assert.equal(await unlinked.put(collection(), 'g/zz', { n: 1 }, 0), 1);
      assert.equal(await unlinked.put(collection(), 'g/aa', { n: 2 }, 0), 1);
      assert.equal(await unlinked.put(collection(), 'other/mm', { n: 3 }, 0), 1);
      assert.equal(await unlinked.put(collection(), 'g/zz', { n: 4 }, 1), 2);

      const group = await unlinked.list<{ n: number }>(collection(), 'g/');
      assert.deepEqual(group.map((record) => [record.id, record.version, record.body.n]), [['g/aa', 1, 2], ['g/zz', 2, 4]]);
      assert.match(group[0]?.day ?? '', /^\d{4}-\d{2}-\d{2}$/);
      assert.deepEqual((await unlinked.get(collection(), 'other/mm'))?.body, { n: 3 });
      assert.deepEqual(await store().list(collection()), [], 'nothing lands in the owned records');
    });

    it('when a write or removal carries a stale version, then VersionConflictError is thrown and nothing changes', async () => {
      const unlinked = store().unlinked;
      await unlinked.put(collection(), 'g/a', { kept: true }, 0);
      await assert.rejects(unlinked.put(collection(), 'g/a', { kept: false }, 0), VersionConflictError);
      await assert.rejects(unlinked.put(collection(), 'g/a', { kept: false }, 2), VersionConflictError);
      await assert.rejects(unlinked.put(collection(), 'g/new', { kept: false }, 1), VersionConflictError);
      await assert.rejects(unlinked.remove(collection(), 'g/a', 3), VersionConflictError);
      assert.deepEqual((await unlinked.list(collection(), 'g/')).map((record) => record.body), [{ kept: true }]);
    });

    it('when a record is removed, then only it leaves its group, and a second removal returns false', async () => {
      const unlinked = store().unlinked;
      await unlinked.put(collection(), 'g/a', {}, 0);
      await unlinked.put(collection(), 'g/b', {}, 0);
      assert.equal(await unlinked.remove(collection(), 'g/a', 1), true);
      assert.equal(await unlinked.remove(collection(), 'g/a'), false);
      assert.deepEqual((await unlinked.list(collection(), 'g/')).map((record) => record.id), ['g/b']);
    });

    it('when many people write to one group at once, then every write lands once', async () => {
      const unlinked = store().unlinked;
      await Promise.all(Array.from({ length: 12 }, (_, index) => unlinked.put(collection(), `g/p${String(index).padStart(2, '0')}`, { index }, 0)));
      assert.equal((await unlinked.list(collection(), 'g/')).length, 12);
    });
  });
}
