import { parseDatabaseUrl } from '../storage/open-store';
import type { DeliveryQueue } from './delivery';
import { openPostgresDeliveryQueue } from './postgres-delivery-queue';
import { openSqliteDeliveryQueue } from './sqlite-delivery-queue';

/** Opens the delivery queue in the database DATABASE_URL names (the same one as the store). */
export async function openDeliveryQueue(databaseUrl: string, now?: () => Date, onBackgroundError?: (error: Error) => void): Promise<DeliveryQueue> {
  const target = parseDatabaseUrl(databaseUrl);
  return target.engine === 'postgres'
    ? openPostgresDeliveryQueue(target.url, now, onBackgroundError)
    : openSqliteDeliveryQueue(target.path, now);
}
