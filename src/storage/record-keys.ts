import type { RecordKey, StoredRecord } from './store';

/** The records a getMany statement found, put back in the order of the keys asked for (undefined where none is stored). */
export function inKeyOrder(keys: readonly RecordKey[], found: Iterable<StoredRecord<unknown>>): Array<StoredRecord<unknown> | undefined> {
  const byCollection = new Map<string, Map<string, StoredRecord<unknown>>>();
  for (const record of found) {
    let ids = byCollection.get(record.collection);
    if (!ids) {
      ids = new Map();
      byCollection.set(record.collection, ids);
    }
    ids.set(record.id, record);
  }
  return keys.map((key) => byCollection.get(key.collection)?.get(key.id));
}
