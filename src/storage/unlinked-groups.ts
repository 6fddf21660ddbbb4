import { VersionConflictError, type UnlinkedRecord } from './store';

/** The group an unlinked id belongs to: everything up to and including its first "/" (or the id itself). */
export function groupOf(id: string): string {
  const slash = id.indexOf('/');
  return slash < 0 ? id : id.slice(0, slash + 1);
}

/** The only time kept on an unlinked record. */
export const dayOf = (now: Date): string => now.toISOString().slice(0, 10);

/**
 * The group as it is after the write (or, with `body` undefined, the removal), in key order; throws
 * VersionConflictError on a stale version. Returns undefined when a removal finds nothing to remove.
 */
export function rewrittenGroup<T>(
  group: readonly UnlinkedRecord<unknown>[],
  change: { readonly collection: string; readonly id: string; readonly body: T | undefined; readonly expectedVersion: number | undefined; readonly day: string },
): UnlinkedRecord<unknown>[] | undefined {
  const current = group.find((record) => record.id === change.id);
  const { expectedVersion } = change;
  const stale = expectedVersion === 0 ? current !== undefined : expectedVersion !== undefined && current !== undefined && current.version !== expectedVersion;
  if (stale || (change.body !== undefined && expectedVersion !== 0 && current === undefined)) {
    throw new VersionConflictError(change.collection, change.id, expectedVersion ?? 0);
  }
  const others = group.filter((record) => record.id !== change.id);
  if (change.body === undefined) return current === undefined ? undefined : others;
  const written: UnlinkedRecord<unknown> = { collection: change.collection, id: change.id, version: (current?.version ?? 0) + 1, body: change.body, day: change.day };
  return [...others, written].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
