import assert from 'node:assert/strict';
import { VersionConflictError, type StoreSession } from '../../../src/storage/store';
import type { ContractContext } from '../store-contract';

export function describeTransactionContract(context: ContractContext): void {
  const { store, collection, owner } = context;

  describe('transactions', () => {
    it('when a transaction completes, then all its writes land, it sees them itself and it returns what the work returned', async () => {
      await store().put({ collection: collection(), id: 'old', body: { n: 1 }, expectedVersion: 0 });

      const result = await store().transaction(async (session) => {
        await session.put({ collection: collection(), id: 'old', body: { n: 2 }, expectedVersion: 1 });
        await session.put({ collection: collection(), id: 'new', body: { n: 1 }, expectedVersion: 0 });
        await session.remove(collection(), 'old', 2);
        return (await session.list(collection())).map((record) => record.id);
      });

      assert.deepEqual(result, ['new']);
      assert.equal(await store().get(collection(), 'old'), undefined);
      assert.equal((await store().get(collection(), 'new'))?.version, 1);
    });

    it('when a transaction throws midway, then none of its writes remain, earlier data is intact and the error comes through', async () => {
      const anna = owner('anna');
      await store().put({ collection: collection(), id: 'before', owner: anna, body: { n: 1 }, expectedVersion: 0 });
      const failure = new Error('the work failed');

      await assert.rejects(
        store().transaction(async (session) => {
          await session.put({ collection: collection(), id: 'before', body: { n: 2 }, expectedVersion: 1 });
          await session.put({ collection: collection(), id: 'during', body: {}, expectedVersion: 0 });
          await session.removeOwnedBy(anna);
          throw failure;
        }),
        (error) => error === failure,
      );

      const before = await store().get(collection(), 'before');
      assert.deepEqual([before?.version, before?.body, before?.owner], [1, { n: 1 }, anna]);
      assert.equal(await store().get(collection(), 'during'), undefined);
    });

    it('when a version conflict happens inside a transaction, then the earlier writes in it roll back', async () => {
      await store().put({ collection: collection(), id: 'taken', body: {}, expectedVersion: 0 });

      await assert.rejects(
        store().transaction(async (session) => {
          await session.put({ collection: collection(), id: 'first', body: {}, expectedVersion: 0 });
          await session.put({ collection: collection(), id: 'taken', body: {}, expectedVersion: 0 });
        }),
        VersionConflictError,
      );

      assert.equal(await store().get(collection(), 'first'), undefined);
      assert.equal((await store().get(collection(), 'taken'))?.version, 1);
    });

    it('when the work catches a version conflict, then the rest of the transaction still commits', async () => {
      await store().put({ collection: collection(), id: 'taken', body: { by: 'earlier' }, expectedVersion: 0 });

      await store().transaction(async (session) => {
        await session.put({ collection: collection(), id: 'taken', body: { by: 'me' }, expectedVersion: 0 }).catch((error: unknown) => {
          if (!(error instanceof VersionConflictError)) throw error;
        });
        await session.put({ collection: collection(), id: 'mine', body: {}, expectedVersion: 0 });
      });

      assert.deepEqual((await store().get(collection(), 'taken'))?.body, { by: 'earlier' });
      assert.equal((await store().get(collection(), 'mine'))?.version, 1);
    });

    it('when transactions on one store read, modify and write one record concurrently, then no update is lost', async () => {
      await store().put({ collection: collection(), id: 'counter', body: { count: 0 }, expectedVersion: 0 });
      const bump = async (session: StoreSession): Promise<void> => {
        const current = await session.get<{ count: number }>(collection(), 'counter');
        const count = (current?.body.count ?? 0) + 1;
        await session.put({ collection: collection(), id: 'counter', body: { count }, expectedVersion: current?.version ?? -1 });
      };

      const results = await Promise.allSettled([1, 2, 3, 4].map(() => store().transaction(bump)));

      const committed = results.filter((result) => result.status === 'fulfilled').length;
      assert.ok(committed >= 1, 'at least the first transaction commits');
      const rejected = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
      assert.ok(rejected.every((reason) => reason instanceof VersionConflictError), String(rejected[0]));
      assert.equal((await store().get<{ count: number }>(collection(), 'counter'))?.body.count, committed);
    });

    it('when the store itself is called inside its own transaction, then the call rejects instead of waiting for ever', async () => {
      const outcome = await store().transaction(async (session) => {
        await session.put({ collection: collection(), id: 'a', body: {}, expectedVersion: 0 });
        await assert.rejects(store().get(collection(), 'a'), /inside its own transaction/);
        await assert.rejects(store().transaction(async () => undefined), /inside its own transaction/);
        return 'finished';
      });

      assert.equal(outcome, 'finished');
      assert.equal((await store().get(collection(), 'a'))?.version, 1);
    });

    it('when a session is used after its transaction ended, then it rejects and writes nothing', async () => {
      let leaked: StoreSession | undefined;
      await store().transaction(async (session) => {
        leaked = session;
      });

      await assert.rejects(
        leaked?.put({ collection: collection(), id: 'late', body: {}, expectedVersion: 0 }) ?? Promise.resolve(),
        /after its transaction ended/,
      );
      assert.equal(await store().get(collection(), 'late'), undefined);
    });
  });
}
