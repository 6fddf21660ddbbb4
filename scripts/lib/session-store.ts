import type { RecordKey, RecordQuery, RecordWrite, Store, StoreSession, StoredRecord, UnlinkedRecords } from '../../src/storage/store';

const notInBatch = (what: string) => (): never => {
  throw new Error(`${what} is not available inside a seeding batch`);
};

/**
 * An open transaction's session seen as a Store, so the app's own repositories write a whole batch in one commit
 * (one commit per record made seeding take minutes). Only the record calls work; anything that would need its own
 * transaction or the unlinked table throws instead of waiting for the open one.
 */
export function sessionAsStore(session: StoreSession, engine: Store['engine']): Store {
  const unlinked: UnlinkedRecords = { get: notInBatch('unlinked.get'), list: notInBatch('unlinked.list'), put: notInBatch('unlinked.put'), remove: notInBatch('unlinked.remove') };
  return {
    engine,
    unlinked,
    get: <T>(collection: string, id: string): Promise<StoredRecord<T> | undefined> => session.get<T>(collection, id),
    getMany: (keys: readonly RecordKey[]): Promise<ReadonlyArray<StoredRecord<unknown> | undefined>> => session.getMany(keys),
    list: <T>(collection: string, query?: RecordQuery): Promise<StoredRecord<T>[]> => session.list<T>(collection, query),
    put: <T>(write: RecordWrite<T>): Promise<number> => session.put(write),
    remove: (collection: string, id: string, expectedVersion?: number): Promise<boolean> => session.remove(collection, id, expectedVersion),
    removeOwnedBy: (owner: string): Promise<number> => session.removeOwnedBy(owner),
    wipeDeleted: notInBatch('wipeDeleted'),
    transaction: notInBatch('a nested transaction'),
    ping: notInBatch('ping'),
    close: notInBatch('close'),
  };
}
