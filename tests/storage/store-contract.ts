import { randomUUID } from 'node:crypto';
import type { Store } from '../../src/storage/store';
import type { StoreOptions } from '../../src/storage/store-options';
import { describeGetManyContract } from './contract/get-many';
import { describeLifecycleContract } from './contract/lifecycle';
import { describeListContract } from './contract/list';
import { describeRaceContract } from './contract/races';
import { describeRemoveContract } from './contract/remove';
import { describeTransactionContract } from './contract/transactions';
import { describeUnlinkedContract } from './contract/unlinked';
import { describeVersionedWriteContract } from './contract/versioned-writes';

/** Opens a new store on the same database at every call, like another instance of the bot would. */
export type OpenStore = (options?: StoreOptions) => Promise<Store>;

/** What each part of the contract gets: the test's store, more stores on its database, and names no other test uses. */
export interface ContractContext {
  readonly store: () => Store;
  readonly openAnother: (options?: StoreOptions) => Promise<Store>;
  /** A collection name unique to the running test, so tests never see each other's records. */
  readonly collection: (label?: string) => string;
  /** An owner key unique to the running test. */
  readonly owner: (label: string) => string;
}

/** The storage port's behaviour, run against one engine; every store a test opens is closed after it. */
export function describeStoreContract(name: string, open: OpenStore, cleanup: () => Promise<void> = async () => undefined): void {
  describe(`${name} store contract`, () => {
    const opened: Store[] = [];
    let current: Store | undefined;
    let testId = '';

    const context: ContractContext = {
      store: () => {
        if (!current) throw new Error('no store is open for this test');
        return current;
      },
      openAnother: async (options) => {
        const store = await open(options);
        opened.push(store);
        return store;
      },
      collection: (label = 'records') => `${label}-${testId}`,
      owner: (label) => `${label}-${testId}`,
    };

    beforeEach(async () => {
      testId = randomUUID();
      current = await context.openAnother();
    });

    afterEach(async () => {
      for (const store of opened.splice(0)) await store.close();
      current = undefined;
    });

    after(cleanup);

    describeVersionedWriteContract(context);
    describeRaceContract(context);
    describeListContract(context);
    describeGetManyContract(context);
    describeRemoveContract(context);
    describeTransactionContract(context);
    describeLifecycleContract(context);
    describeUnlinkedContract(context);
  });
}
