import type { RecordQuery, RecordWrite } from './store';

/** Rejects a version that no record can have, before it reaches SQL. */
export function checkExpectedVersion(expectedVersion: number | undefined): void {
  if (expectedVersion !== undefined && !(Number.isSafeInteger(expectedVersion) && expectedVersion >= 0)) {
    throw new RangeError(`expectedVersion must be a whole number >= 0, got ${expectedVersion}`);
  }
}

/** The row limit as SQL wants it: undefined for "no limit". */
export function checkedLimit(query: RecordQuery): number | undefined {
  const { limit } = query;
  if (limit !== undefined && !(Number.isSafeInteger(limit) && limit >= 0)) {
    throw new RangeError(`limit must be a whole number >= 0, got ${limit}`);
  }
  return limit;
}

/** The body as JSON text; throws TypeError for a body JSON cannot express. */
export function bodyJson<T>(write: RecordWrite<T>): string {
  const json: string | undefined = JSON.stringify(write.body);
  if (json === undefined) throw new TypeError(`body of ${write.collection}/${write.id} is not JSON`);
  return json;
}
