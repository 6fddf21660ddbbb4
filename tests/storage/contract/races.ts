import assert from 'node:assert/strict';
import { VersionConflictError, type Store } from '../../../src/storage/store';
import type { ContractContext } from '../store-contract';

interface Counter {
  count: number;
}

/** Reads the counter and writes it back one higher, retrying on a version conflict as callers are expected to. */
async function increment(store: Store, collection: string): Promise<number> {
  for (let conflicts = 0; ; conflicts += 1) {
    const current = await store.get<Counter>(collection, 'counter');
    try {
      await store.put({
        collection,
        id: 'counter',
        body: { count: (current?.body.count ?? 0) + 1 },
        expectedVersion: current?.version ?? 0,
      });
      return conflicts;
    } catch (error) {
      if (!(error instanceof VersionConflictError)) throw error;
    }
  }
}

function outcomes(results: PromiseSettledResult<unknown>[]): { won: number; conflicted: number } {
  const conflicted = results.filter((r) => r.status === 'rejected' && r.reason instanceof VersionConflictError).length;
  const won = results.filter((r) => r.status === 'fulfilled').length;
  assert.equal(won + conflicted, results.length, 'every write either wins or conflicts');
  return { won, conflicted };
}

export function describeRaceContract(context: ContractContext): void {
  const { store, collection } = context;

  describe('racing writers', () => {
    it('when two callers read, modify and write one record concurrently, then exactly one wins', async () => {
      await store().put({ collection: collection(), id: 'a', body: { by: 'nobody' }, expectedVersion: 0 });
      const [first, second] = await Promise.all([store().get(collection(), 'a'), store().get(collection(), 'a')]);

      const results = await Promise.allSettled([
        store().put({ collection: collection(), id: 'a', body: { by: 'first' }, expectedVersion: first?.version ?? -1 }),
        store().put({ collection: collection(), id: 'a', body: { by: 'second' }, expectedVersion: second?.version ?? -1 }),
      ]);

      assert.deepEqual(outcomes(results), { won: 1, conflicted: 1 });
      const winner = results[0]?.status === 'fulfilled' ? 'first' : 'second';
      const stored = await store().get(collection(), 'a');
      assert.deepEqual([stored?.version, stored?.body], [2, { by: winner }]);
    });

    it('when two store instances write the same version of one record concurrently, then exactly one wins', async () => {
      const other = await context.openAnother();
      await store().put({ collection: collection(), id: 'a', body: { round: 0 }, expectedVersion: 0 });

      const writers = [store(), other, store(), other, store(), other];
      const results = await Promise.allSettled(
        writers.map((writer, index) => writer.put({ collection: collection(), id: 'a', body: { index }, expectedVersion: 1 })),
      );

      assert.deepEqual(outcomes(results), { won: 1, conflicted: writers.length - 1 });
      assert.equal((await other.get(collection(), 'a'))?.version, 2);
    });

    it('when two store instances insert one new id concurrently, then exactly one wins', async () => {
      const other = await context.openAnother();

      const results = await Promise.allSettled([
        store().put({ collection: collection(), id: 'new', body: { by: 'one' }, expectedVersion: 0 }),
        other.put({ collection: collection(), id: 'new', body: { by: 'other' }, expectedVersion: 0 }),
      ]);

      assert.deepEqual(outcomes(results), { won: 1, conflicted: 1 });
    });

    it('when several instances increment a counter with retries, then no increment is lost', async () => {
      const stores = [store(), await context.openAnother(), await context.openAnother()];
      const perStore = 4;

      await Promise.all(
        stores.map(async (each) => {
          for (let i = 0; i < perStore; i += 1) await increment(each, collection());
        }),
      );

      // Read by an instance opened after the writes: a SQLite instance sees another's writes within its row cache's next look.
      const stored = await (await context.openAnother()).get<Counter>(collection(), 'counter');
      assert.equal(stored?.body.count, stores.length * perStore);
      assert.equal(stored?.version, stores.length * perStore);
    });
  });
}
