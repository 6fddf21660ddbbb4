import { VersionConflictError } from './store';

/** Runs a read-change-write again when another writer won the race, up to `retries` times; then the conflict is thrown. */
export async function retryOnConflict<T>(retries: number, readChangeWrite: () => Promise<T>): Promise<T> {
  for (let tried = 0; ; tried += 1) {
    try {
      return await readChangeWrite();
    } catch (error) {
      if (tried >= retries || !(error instanceof VersionConflictError)) throw error;
    }
  }
}
