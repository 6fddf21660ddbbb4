import assert from 'node:assert/strict';
import type { Store } from '../../../src/storage/store';
import type { ContractContext } from '../store-contract';

async function putAll(store: Store, collection: string, ids: string[], owner?: string): Promise<void> {
  for (const id of ids) await store.put({ collection, id, owner, body: { id }, expectedVersion: 0 });
}

async function idsOf(records: Promise<{ id: string }[]>): Promise<string[]> {
  return (await records).map((record) => record.id);
}

export function describeListContract(context: ContractContext): void {
  const { store, collection, owner } = context;

  describe('list', () => {
    it('when a collection is listed, then its records come back ordered by id in code point order', async () => {
      await putAll(store(), collection(), ['b', 'a', 'B', 'ä', 'a10', 'a2', 'A']);
      await putAll(store(), collection('other'), ['0']);

      assert.deepEqual(await idsOf(store().list(collection())), ['A', 'B', 'a', 'a10', 'a2', 'b', 'ä']);
    });

    it('when a collection is listed by owner, then only that owner\'s records come back', async () => {
      const [anna, bo] = [owner('anna'), owner('bo')];
      await putAll(store(), collection(), ['a1', 'a2'], anna);
      await putAll(store(), collection(), ['b1'], bo);
      await putAll(store(), collection(), ['shared']);
      await putAll(store(), collection('other'), ['a3'], anna);

      assert.deepEqual(await idsOf(store().list(collection(), { owner: anna })), ['a1', 'a2']);
      assert.deepEqual(await idsOf(store().list(collection(), { owner: owner('nobody') })), []);
    });

    it('when a collection is listed by id prefix, then only ids starting with it come back, case and wildcards taken literally', async () => {
      await putAll(store(), collection(), ['week-1', 'week-2', 'Week-3', 'weekly', 'week_%', 'wee']);

      assert.deepEqual(await idsOf(store().list(collection(), { idPrefix: 'week-' })), ['week-1', 'week-2']);
      assert.deepEqual(await idsOf(store().list(collection(), { idPrefix: 'week_' })), ['week_%']);
      assert.deepEqual(await idsOf(store().list(collection(), { idPrefix: '%' })), []);
      assert.deepEqual(await idsOf(store().list(collection(), { idPrefix: '' })), [
        'Week-3', 'wee', 'week-1', 'week-2', 'week_%', 'weekly',
      ]);
    });

    it('when a prefix ends in the highest code points, then the ids starting with it come back and none after it', async () => {
      const ids = ['a\u{10FFFF}', 'a\u{10FFFF}x', 'a\uFFFF1', 'a\uD7FFz', 'a\uE000', 'b', '\u{10FFFF}'];
      for (const id of ids) await store().put({ collection: collection(), id, body: {}, expectedVersion: 0 });

      assert.deepEqual(await idsOf(store().list(collection(), { idPrefix: 'a\u{10FFFF}' })), ['a\u{10FFFF}', 'a\u{10FFFF}x']);
      assert.deepEqual(await idsOf(store().list(collection(), { idPrefix: 'a\uD7FF' })), ['a\uD7FFz']);
      assert.deepEqual(await idsOf(store().list(collection(), { idPrefix: 'a\uFFFF' })), ['a\uFFFF1']);
      assert.deepEqual(await idsOf(store().list(collection(), { idPrefix: '\u{10FFFF}' })), ['\u{10FFFF}']);
    });

    it('when a collection is listed with a limit, then the first records by id come back, at most that many', async () => {
      const anna = owner('anna');
      await putAll(store(), collection(), ['c', 'a', 'd', 'b'], anna);

      assert.deepEqual(await idsOf(store().list(collection(), { limit: 2 })), ['a', 'b']);
      assert.deepEqual(await idsOf(store().list(collection(), { limit: 10, owner: anna, idPrefix: 'd' })), ['d']);
      assert.deepEqual(await idsOf(store().list(collection(), { limit: 0 })), []);
      await assert.rejects(store().list(collection(), { limit: -1 }), RangeError);
    });

    it('when a listed record comes back, then it carries body, owner and version like get', async () => {
      const anna = owner('anna');
      await store().put({ collection: collection(), id: 'a', owner: anna, body: { deep: { ok: 'ja' } }, expectedVersion: 0 });
      await store().put({ collection: collection(), id: 'a', body: { deep: { ok: 'jå' } }, expectedVersion: 1 });

      assert.deepEqual(await store().list(collection()), [await store().get(collection(), 'a')]);
    });
  });
}
