import { parseDatabaseUrl } from '../../storage/open-store';
import type { DeliveryQueue } from '../delivery';
import { openSqliteDeliveryQueue } from './sqlite-delivery-queue';

/** Opens the delivery queue in the database DATABASE_URL names (the same one as the store); pg is loaded only for PostgreSQL. */
export async function openDeliveryQueue(databaseUrl: string, now?: () => Date, onBackgroundError?: (error: Error) => void): Promise<DeliveryQueue> {
  const target = parseDatabaseUrl(databaseUrl);
  return target.engine === 'postgres'
    ? (await import('./postgres-delivery-queue.js')).openPostgresDeliveryQueue(target.url, now, onBackgroundError)
    : openSqliteDeliveryQueue(target.path, now);
}
