import type { Pool, PoolClient } from 'pg';
import { StorageUnavailableError } from '../store';

/** Lends one client to `use`; a client whose connection failed is destroyed instead of going back to the pool. */
export async function withClient<T>(pool: Pool, use: (client: PoolClient) => Promise<T>): Promise<T> {
  let client: PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    throw new StorageUnavailableError(error);
  }
  let broken: Error | undefined;
  // A checked-out client that loses its connection emits 'error'; unheard, that would crash the process.
  const onError = (error: Error): void => {
    broken = error;
  };
  client.on('error', onError);
  try {
    return await use(client);
  } catch (error) {
    if (error instanceof StorageUnavailableError) broken ??= error;
    throw error;
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}
