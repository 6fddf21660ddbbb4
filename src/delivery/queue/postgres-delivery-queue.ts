import { randomUUID } from 'node:crypto';
import { Pool, type QueryResultRow } from 'pg';
import { applyPostgresMigrations } from '../../storage/postgres/postgres-migrate';
import { StorageUnavailableError } from '../../storage/store';
import type { Delivery, DeliveryQueue, FinalStatus, NewDelivery, StatusCounts } from '../delivery';
import { checkNewDelivery, errorText, toDelivery, type DeliveryRow } from './delivery-rows';
import { PostgresTenantBudget } from '../pacing/postgres-tenant-budget';
import type { TenantBudget } from '../pacing/tenant-budget';

const sql = {
  insert: `INSERT INTO deliveries (id, occurrence_key, recipient_key, kind, tenant_id, destination, payload, status,
      due_at, next_attempt_at, created_at, completed_at)
    SELECT id, occurrence_key, recipient_key, kind, tenant_id, destination, payload, status, due_at, due_at, $10,
      CASE WHEN status = 'pending' THEN NULL ELSE $10::timestamptz END
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[], $7::jsonb[], $8::text[], $9::timestamptz[])
      AS t(id, occurrence_key, recipient_key, kind, tenant_id, destination, payload, status, due_at)
    ON CONFLICT (occurrence_key, recipient_key) DO NOTHING`,
  // SKIP LOCKED: instances claiming at the same moment take different rows instead of waiting for each other.
  claim: `UPDATE deliveries d SET status = 'sending', lease_token = $3, next_attempt_at = $4, claims = d.claims + 1
    FROM (SELECT id FROM deliveries WHERE status IN ('pending', 'sending') AND next_attempt_at <= $1
      ORDER BY next_attempt_at, id LIMIT $2 FOR UPDATE SKIP LOCKED) due
    WHERE d.id = due.id RETURNING d.*`,
  sent: `UPDATE deliveries SET status = 'sent', lease_token = NULL, attempts = attempts + 1, activity_ids = $4::jsonb,
      last_error = NULL, completed_at = $3 WHERE id = $1 AND lease_token = $2 AND status = 'sending'`,
  retry: `UPDATE deliveries SET status = 'pending', lease_token = NULL, attempts = attempts + $5, next_attempt_at = $3,
      last_error = coalesce($4, last_error) WHERE id = $1 AND lease_token = $2 AND status = 'sending'`,
  finish: `UPDATE deliveries SET status = $3, lease_token = NULL, attempts = attempts + $6, last_error = $5, completed_at = $4
    WHERE id = $1 AND lease_token = $2 AND status = 'sending'`,
  cancel: `UPDATE deliveries SET status = 'cancelled', completed_at = $3
    WHERE occurrence_key = $1 AND ($2::text IS NULL OR recipient_key = $2) AND status = 'pending'`,
  forOccurrence: 'SELECT * FROM deliveries WHERE occurrence_key = $1 ORDER BY recipient_key COLLATE "C"',
  find: 'SELECT * FROM deliveries WHERE occurrence_key = $1 AND recipient_key = $2',
  counts: `SELECT status, count(*)::integer AS n FROM deliveries WHERE $1::text IS NULL OR starts_with(occurrence_key, $1)
    GROUP BY status`,
  purge: 'DELETE FROM deliveries WHERE completed_at IS NOT NULL AND completed_at < $1',
  forget: `DELETE FROM deliveries WHERE recipient_key = $1 OR strpos(occurrence_key, $1) > 0
    OR EXISTS (SELECT 1 FROM unnest($2::text[]) AS mention WHERE strpos(destination::text, mention) > 0 OR strpos(payload::text, mention) > 0)`,
};

const insertChunk = 1000;

/**
 * The queue on a small pool of its own on the store's URL: claims and results of a big fan-out do not take
 * connections from the turns, and the store's internals stay its own.
 */
export async function openPostgresDeliveryQueue(
  url: string,
  now: () => Date = () => new Date(),
  onBackgroundError: (error: Error) => void = () => undefined,
): Promise<DeliveryQueue> {
  const pool = new Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 5_000, statement_timeout: 15_000, application_name: 'partner-coach-delivery' });
  pool.on('error', onBackgroundError);
  try {
    const client = await pool.connect();
    try {
      await applyPostgresMigrations(client, now());
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end();
    throw new StorageUnavailableError(error);
  }
  return new PostgresDeliveryQueue(pool, now);
}

class PostgresDeliveryQueue implements DeliveryQueue {
  constructor(
    private readonly pool: Pool,
    private readonly now: () => Date,
  ) {}

  async enqueue(deliveries: readonly NewDelivery[]): Promise<number> {
    deliveries.forEach(checkNewDelivery);
    let inserted = 0;
    for (let start = 0; start < deliveries.length; start += insertChunk) {
      const chunk = deliveries.slice(start, start + insertChunk);
      const columns = [
        chunk.map(() => randomUUID()),
        chunk.map((row) => row.occurrenceKey),
        chunk.map((row) => row.recipientKey),
        chunk.map((row) => row.kind),
        chunk.map((row) => row.tenantId),
        chunk.map((row) => JSON.stringify(row.destination)),
        chunk.map((row) => JSON.stringify(row.payload)),
        chunk.map((row) => row.status ?? 'pending'),
        chunk.map((row) => row.dueAt),
      ];
      inserted += (await this.run(sql.insert, [...columns, this.now()])).rowCount ?? 0;
    }
    return inserted;
  }

  async claim(now: Date, limit: number, leaseMs: number): Promise<Delivery[]> {
    const { rows } = await this.run<DeliveryRow>(sql.claim, [now, limit, randomUUID(), new Date(now.getTime() + leaseMs)]);
    return rows.map(toDelivery).sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || a.dueAt.getTime() - b.dueAt.getTime());
  }

  async markSent(claimed: Delivery, now: Date, activityIds: readonly string[]): Promise<boolean> {
    return this.changed(sql.sent, [...this.fence(claimed), now, JSON.stringify(activityIds)]);
  }

  async retryLater(claimed: Delivery, at: Date, error: string | undefined, countAttempt: boolean): Promise<boolean> {
    return this.changed(sql.retry, [...this.fence(claimed), at, errorText(error), countAttempt ? 1 : 0]);
  }

  async finish(claimed: Delivery, status: FinalStatus, now: Date, error?: string): Promise<boolean> {
    const counted = status === 'unreachable' || status === 'failed' ? 1 : 0;
    return this.changed(sql.finish, [...this.fence(claimed), status, now, errorText(error), counted]);
  }

  async cancelPending(occurrenceKey: string, recipientKey?: string): Promise<number> {
    return (await this.run(sql.cancel, [occurrenceKey, recipientKey ?? null, this.now()])).rowCount ?? 0;
  }

  async forOccurrence(occurrenceKey: string): Promise<Delivery[]> {
    return (await this.run<DeliveryRow>(sql.forOccurrence, [occurrenceKey])).rows.map(toDelivery);
  }

  async find(occurrenceKey: string, recipientKey: string): Promise<Delivery | undefined> {
    const [row] = (await this.run<DeliveryRow>(sql.find, [occurrenceKey, recipientKey])).rows;
    return row === undefined ? undefined : toDelivery(row);
  }

  async counts(occurrencePrefix?: string): Promise<StatusCounts> {
    const { rows } = await this.run<{ status: string; n: number }>(sql.counts, [occurrencePrefix ?? null]);
    return Object.fromEntries(rows.map((row) => [row.status, row.n]));
  }

  async purgeFinished(before: Date): Promise<number> {
    return (await this.run(sql.purge, [before])).rowCount ?? 0;
  }

  async forget(recipientKey: string, mentions: readonly string[]): Promise<number> {
    return (await this.run(sql.forget, [recipientKey, mentions])).rowCount ?? 0;
  }

  sharedTenantBudget(perSecond: number): TenantBudget {
    return new PostgresTenantBudget(this.pool, perSecond);
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }

  private fence(claimed: Delivery): [string, string] {
    if (!claimed.leaseToken) throw new Error(`delivery ${claimed.id} is not claimed`);
    return [claimed.id, claimed.leaseToken];
  }

  private async changed(text: string, values: unknown[]): Promise<boolean> {
    return (await this.run(text, values)).rowCount === 1;
  }

  private async run<R extends QueryResultRow>(text: string, values: unknown[]): Promise<{ rows: R[]; rowCount: number | null }> {
    try {
      return await this.pool.query<R>(text, values);
    } catch (error) {
      throw new StorageUnavailableError(error);
    }
  }
}
