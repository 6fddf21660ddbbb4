import assert from 'node:assert/strict';
import { VersionConflictError } from '../../../src/storage/store';
import type { ContractContext } from '../store-contract';

export function describeVersionedWriteContract(context: ContractContext): void {
  const { store, collection, owner } = context;

  describe('get and versioned put', () => {
    it('when a record does not exist, then get returns undefined', async () => {
      assert.equal(await store().get(collection(), 'nobody'), undefined);
    });

    it('when a new record is put, then get returns its body, owner, version 1 and the time of the write', async () => {
      const writtenAt = new Date('2026-03-02T08:30:00.123Z');
      const clocked = await context.openAnother({ now: () => writtenAt });
      const anna = owner('anna');

      assert.equal(await clocked.put({ collection: collection(), id: 'a', owner: anna, body: { n: 1 }, expectedVersion: 0 }), 1);

      assert.deepEqual(await store().get(collection(), 'a'), {
        collection: collection(),
        id: 'a',
        owner: anna,
        version: 1,
        body: { n: 1 },
        updatedAt: writtenAt,
      });
    });

    it('when a record is put with its current version, then the version goes up by one', async () => {
      await store().put({ collection: collection(), id: 'a', body: { n: 1 }, expectedVersion: 0 });

      assert.equal(await store().put({ collection: collection(), id: 'a', body: { n: 2 }, expectedVersion: 1 }), 2);
      assert.equal(await store().put({ collection: collection(), id: 'a', body: { n: 3 }, expectedVersion: 2 }), 3);

      const stored = await store().get(collection(), 'a');
      assert.deepEqual([stored?.version, stored?.body], [3, { n: 3 }]);
    });

    it('when a record is put with a stale version, then VersionConflictError is thrown and the stored body is unchanged', async () => {
      await store().put({ collection: collection(), id: 'a', body: { n: 1 }, expectedVersion: 0 });
      await store().put({ collection: collection(), id: 'a', body: { n: 2 }, expectedVersion: 1 });

      await assert.rejects(
        store().put({ collection: collection(), id: 'a', body: { n: 99 }, expectedVersion: 1 }),
        (error) => error instanceof VersionConflictError && error.id === 'a' && error.expectedVersion === 1,
      );

      const stored = await store().get(collection(), 'a');
      assert.deepEqual([stored?.version, stored?.body], [2, { n: 2 }]);
    });

    it('when an existing id is inserted with expectedVersion 0, then VersionConflictError is thrown', async () => {
      await store().put({ collection: collection(), id: 'a', body: { first: true }, expectedVersion: 0 });

      await assert.rejects(
        store().put({ collection: collection(), id: 'a', body: { first: false }, expectedVersion: 0 }),
        VersionConflictError,
      );
      assert.deepEqual((await store().get(collection(), 'a'))?.body, { first: true });
    });

    it('when a missing record is put with a version above 0, then VersionConflictError is thrown and nothing is created', async () => {
      await assert.rejects(
        store().put({ collection: collection(), id: 'gone', body: {}, expectedVersion: 4 }),
        VersionConflictError,
      );
      assert.equal(await store().get(collection(), 'gone'), undefined);
    });

    it('when a record is put without a version, then it is created or overwritten with the next version', async () => {
      assert.equal(await store().put({ collection: collection(), id: 'ref', body: { url: 'one' } }), 1);
      assert.equal(await store().put({ collection: collection(), id: 'ref', body: { url: 'two' } }), 2);

      assert.deepEqual((await store().get(collection(), 'ref'))?.body, { url: 'two' });
    });

    it('when an update names no owner, then the stored owner is kept', async () => {
      const anna = owner('anna');
      await store().put({ collection: collection(), id: 'a', owner: anna, body: { n: 1 }, expectedVersion: 0 });

      await store().put({ collection: collection(), id: 'a', body: { n: 2 }, expectedVersion: 1 });
      await store().put({ collection: collection(), id: 'a', body: { n: 3 } });

      assert.equal((await store().get(collection(), 'a'))?.owner, anna);
    });

    it('when expectedVersion is negative or fractional, then put rejects with RangeError and writes nothing', async () => {
      await assert.rejects(store().put({ collection: collection(), id: 'a', body: {}, expectedVersion: -1 }), RangeError);
      await assert.rejects(store().put({ collection: collection(), id: 'a', body: {}, expectedVersion: 1.5 }), RangeError);
      assert.equal(await store().get(collection(), 'a'), undefined);
    });

    it('when a body has unicode text and nested objects, then it round-trips unchanged', async () => {
      const body = {
        text: 'Hej! Vi ses på mötet i Göteborg, ÅÄÖ 🤝🏽 👩‍💻 "citat" \\ \n ny rad',
        nested: { list: [1, 'två', { deep: [true, false, null] }], empty: {}, none: null },
        number: -12.5,
      };
      const id = 'reflektion-å-🚀';

      await store().put({ collection: collection(), id, owner: owner('åsa-😀'), body, expectedVersion: 0 });

      const stored = await store().get<typeof body>(collection(), id);
      assert.deepEqual(stored?.body, body);
      assert.equal(stored?.id, id);
      assert.equal(stored?.owner, owner('åsa-😀'));
    });
  });
}
