import { openPostgresDeliveryQueue } from '../../src/delivery/queue/postgres-delivery-queue';
import { createFreshDatabase, withAdmin, type FreshDatabase } from '../support/postgres';
import { describeQueueContract } from './queue-contract';

describe('PostgreSQL delivery queue', () => {
  let database: FreshDatabase | undefined;
  before(async () => {
    database = await createFreshDatabase();
  });
  after(async () => {
    await database?.drop();
  });

  describeQueueContract('PostgreSQL', async (now) => {
    if (!database) throw new Error('the test database was not created');
    const queue = await openPostgresDeliveryQueue(database.url, now);
    await withAdmin(database.url, (db) => db.query('TRUNCATE deliveries'));
    return queue;
  });
});
