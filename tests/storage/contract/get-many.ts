import assert from 'node:assert/strict';
import type { StoredRecord } from '../../../src/storage/store';
import type { ContractContext } from '../store-contract';

const summary = (records: ReadonlyArray<StoredRecord<unknown> | undefined>): unknown[] =>
  records.map((record) => (record ? [record.collection, record.id, record.version, record.owner, record.body] : undefined));

export function describeGetManyContract(context: ContractContext): void {
  const { store, collection, owner } = context;

  describe('getMany', () => {
    it('when records of several collections are asked for, then each key gets its own record, in the order asked, and a missing one undefined', async () => {
      const anna = owner('anna');
      const [settings, chats] = [collection('settings'), collection('chats')];
      await store().put({ collection: settings, id: 'u1', owner: anna, body: { locale: 'sv' }, expectedVersion: 0 });
      await store().put({ collection: settings, id: 'u1', body: { locale: 'en' }, expectedVersion: 1 });
      await store().put({ collection: chats, id: 'u1', body: { conversationKey: 'c1' } });

      const found = await store().getMany([
        { collection: chats, id: 'u1' },
        { collection: settings, id: 'missing' },
        { collection: settings, id: 'u1' },
        { collection: chats, id: 'u1' },
      ]);

      assert.deepEqual(summary(found), [
        [chats, 'u1', 1, undefined, { conversationKey: 'c1' }],
        undefined,
        [settings, 'u1', 2, anna, { locale: 'en' }],
        [chats, 'u1', 1, undefined, { conversationKey: 'c1' }],
      ]);
      assert.deepEqual(found[2], await store().get(settings, 'u1'), 'the same record get returns, updatedAt included');
    });

    it('when a collection name and an id could be read as another split of the same text, then only the exact key matches', async () => {
      const [short, long] = [collection('a'), collection('a:b')];
      await store().put({ collection: long, id: 'c', body: { which: 'long' } });
      await store().put({ collection: short, id: 'b:c', body: { which: 'short' } });

      const found = await store().getMany([
        { collection: short, id: 'c' },
        { collection: long, id: 'c' },
        { collection: short, id: 'b:c' },
      ]);

      assert.deepEqual(found.map((record) => record?.body), [undefined, { which: 'long' }, { which: 'short' }]);
    });

    it('when no keys are given, then nothing is returned', async () => {
      assert.deepEqual(await store().getMany([]), []);
    });

    it('when hundreds of keys are asked for at once, then every one is answered, in the order asked', async () => {
      const ids = Array.from({ length: 230 }, (_, index) => `id-${String(index).padStart(3, '0')}`);
      await store().transaction(async (session) => {
        for (const id of ids.filter((_, index) => index % 3 !== 0)) await session.put({ collection: collection(), id, body: { id }, expectedVersion: 0 });
      });

      const found = await store().getMany([...ids].reverse().map((id) => ({ collection: collection(), id })));

      assert.deepEqual(
        found.map((record) => record?.id),
        [...ids].reverse().map((id) => (Number(id.slice(3)) % 3 === 0 ? undefined : id)),
      );
    });

    it('when getMany runs inside a transaction, then it sees the transaction\'s own writes, which are there after the commit', async () => {
      await store().transaction(async (session) => {
        await session.put({ collection: collection(), id: 'new', body: { n: 1 }, expectedVersion: 0 });
        const inside = await session.getMany([{ collection: collection(), id: 'new' }]);
        assert.deepEqual(inside.map((record) => record?.body), [{ n: 1 }]);
      });

      assert.deepEqual((await store().getMany([{ collection: collection(), id: 'new' }])).map((record) => record?.version), [1]);
    });
  });
}
