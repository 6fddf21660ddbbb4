import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { applySqliteMigrations } from '../../storage/sqlite/sqlite-migrate';
import { StorageUnavailableError } from '../../storage/store';
import type { Delivery, DeliveryQueue, FinalStatus, NewDelivery, StatusCounts } from '../delivery';
import { checkNewDelivery, errorText, toDelivery, type DeliveryRow } from './delivery-rows';

type Params = Record<string, unknown>;

const sql = {
  insert: `INSERT INTO deliveries (id, occurrence_key, recipient_key, kind, tenant_id, destination, payload, status,
      due_at, next_attempt_at, created_at, completed_at)
    VALUES (@id, @occurrenceKey, @recipientKey, @kind, @tenantId, @destination, @payload, @status,
      @dueAt, @dueAt, @now, CASE WHEN @status = 'pending' THEN NULL ELSE @now END)
    ON CONFLICT (occurrence_key, recipient_key) DO NOTHING`,
  // One statement, so the pick and the claim are atomic; an expired lease makes a `sending` row due again.
  claim: `UPDATE deliveries SET status = 'sending', lease_token = @token, next_attempt_at = @leaseUntil, claims = claims + 1
    WHERE id IN (SELECT id FROM deliveries WHERE status IN ('pending', 'sending') AND next_attempt_at <= @now
      ORDER BY next_attempt_at, id LIMIT @limit)
    RETURNING *`,
  sent: `UPDATE deliveries SET status = 'sent', lease_token = NULL, attempts = attempts + 1, activity_ids = @activityIds,
      last_error = NULL, completed_at = @now WHERE id = @id AND lease_token = @token AND status = 'sending'`,
  retry: `UPDATE deliveries SET status = 'pending', lease_token = NULL, attempts = attempts + @counted, next_attempt_at = @at,
      last_error = coalesce(@error, last_error) WHERE id = @id AND lease_token = @token AND status = 'sending'`,
  finish: `UPDATE deliveries SET status = @status, lease_token = NULL, attempts = attempts + @counted, last_error = @error,
      completed_at = @now WHERE id = @id AND lease_token = @token AND status = 'sending'`,
  cancel: `UPDATE deliveries SET status = 'cancelled', completed_at = @now
    WHERE occurrence_key = @occurrenceKey AND (@recipientKey IS NULL OR recipient_key = @recipientKey) AND status = 'pending'`,
  forOccurrence: 'SELECT * FROM deliveries WHERE occurrence_key = @occurrenceKey ORDER BY recipient_key',
  find: 'SELECT * FROM deliveries WHERE occurrence_key = @occurrenceKey AND recipient_key = @recipientKey',
  counts: `SELECT status, count(*) AS n FROM deliveries
    WHERE @prefix IS NULL OR substr(occurrence_key, 1, length(@prefix)) = @prefix GROUP BY status`,
  purge: 'DELETE FROM deliveries WHERE completed_at IS NOT NULL AND completed_at < @before',
  forget: `DELETE FROM deliveries WHERE recipient_key = @key OR instr(occurrence_key, @key) > 0
    OR (@mention IS NOT NULL AND (instr(destination, @mention) > 0 OR instr(payload, @mention) > 0))`,
};

type Statements = { [name in keyof typeof sql]: Database.Statement<[Params]> };

const busyRetryMs = [2, 5, 10, 20, 50, 100, 200, 400, 800, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000];

/**
 * The queue on its own connection to the store's SQLite file. The connection never waits synchronously for the
 * write lock (that would freeze the event loop while a store transaction holds it): a busy database is retried
 * after a timer instead.
 */
export async function openSqliteDeliveryQueue(filePath: string, now: () => Date = () => new Date()): Promise<DeliveryQueue> {
  const db = new Database(filePath, { timeout: 0 });
  try {
    db.pragma('journal_mode = WAL');
    // Each send writes a row, and a commit that waits for the disk (about 3 ms) holds the event loop, which a fan-out
    // at Teams' rate cannot spare. In WAL mode NORMAL loses no commit when the process dies, only at a power cut
    // (then a few deliveries sent just before it are sent again, as after an expired lease).
    db.pragma('synchronous = NORMAL');
    // Deleted rows are overwritten with zeros on this connection too ("delete my data").
    db.pragma('secure_delete = ON');
    await whenNotBusy(() => applySqliteMigrations(db, now()));
  } catch (error) {
    db.close();
    throw error instanceof StorageUnavailableError ? error : new StorageUnavailableError(error);
  }
  return new SqliteDeliveryQueue(db, now);
}

class SqliteDeliveryQueue implements DeliveryQueue {
  private readonly statements: Statements;

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date,
  ) {
    this.statements = Object.fromEntries(Object.entries(sql).map(([name, text]) => [name, db.prepare<[Params]>(text)])) as Statements;
  }

  async enqueue(deliveries: readonly NewDelivery[]): Promise<number> {
    deliveries.forEach(checkNewDelivery);
    const now = this.now().getTime();
    const insertAll = this.db.transaction((rows: readonly NewDelivery[]) =>
      rows.reduce((inserted, row) => inserted + this.statements.insert.run(insertParams(row, now)).changes, 0),
    );
    return whenNotBusy(() => insertAll.immediate(deliveries));
  }

  async claim(now: Date, limit: number, leaseMs: number): Promise<Delivery[]> {
    const params = { token: randomUUID(), now: now.getTime(), leaseUntil: now.getTime() + leaseMs, limit };
    const rows = await whenNotBusy(() => this.statements.claim.all(params) as DeliveryRow[]);
    return rows.map(toDelivery).sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || a.dueAt.getTime() - b.dueAt.getTime());
  }

  async markSent(claimed: Delivery, now: Date, activityIds: readonly string[]): Promise<boolean> {
    return this.change('sent', { ...this.fence(claimed), now: now.getTime(), activityIds: JSON.stringify(activityIds) });
  }

  async retryLater(claimed: Delivery, at: Date, error: string | undefined, countAttempt: boolean): Promise<boolean> {
    return this.change('retry', { ...this.fence(claimed), at: at.getTime(), error: errorText(error), counted: countAttempt ? 1 : 0 });
  }

  async finish(claimed: Delivery, status: FinalStatus, now: Date, error?: string): Promise<boolean> {
    const counted = status === 'unreachable' || status === 'failed' ? 1 : 0;
    return this.change('finish', { ...this.fence(claimed), status, now: now.getTime(), error: errorText(error), counted });
  }

  async cancelPending(occurrenceKey: string, recipientKey?: string): Promise<number> {
    const params = { occurrenceKey, recipientKey: recipientKey ?? null, now: this.now().getTime() };
    return whenNotBusy(() => this.statements.cancel.run(params).changes);
  }

  async forOccurrence(occurrenceKey: string): Promise<Delivery[]> {
    return (this.statements.forOccurrence.all({ occurrenceKey }) as DeliveryRow[]).map(toDelivery);
  }

  async find(occurrenceKey: string, recipientKey: string): Promise<Delivery | undefined> {
    const row = this.statements.find.get({ occurrenceKey, recipientKey }) as DeliveryRow | undefined;
    return row === undefined ? undefined : toDelivery(row);
  }

  async counts(occurrencePrefix?: string): Promise<StatusCounts> {
    const rows = this.statements.counts.all({ prefix: occurrencePrefix ?? null }) as { status: string; n: number }[];
    return Object.fromEntries(rows.map((row) => [row.status, row.n]));
  }

  async purgeFinished(before: Date): Promise<number> {
    return whenNotBusy(() => this.statements.purge.run({ before: before.getTime() }).changes);
  }

  async forget(recipientKey: string, mentions: readonly string[]): Promise<number> {
    const forgetAll = this.db.transaction(() =>
      [null, ...mentions].reduce((removed, mention) => removed + this.statements.forget.run({ key: recipientKey, mention }).changes, 0),
    );
    return whenNotBusy(() => forgetAll.immediate());
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private fence(claimed: Delivery): Params {
    if (!claimed.leaseToken) throw new Error(`delivery ${claimed.id} is not claimed`);
    return { id: claimed.id, token: claimed.leaseToken };
  }

  private async change(statement: 'sent' | 'retry' | 'finish', params: Params): Promise<boolean> {
    return (await whenNotBusy(() => this.statements[statement].run(params).changes)) === 1;
  }
}

function insertParams(row: NewDelivery, now: number): Params {
  return {
    id: randomUUID(),
    occurrenceKey: row.occurrenceKey,
    recipientKey: row.recipientKey,
    kind: row.kind,
    tenantId: row.tenantId,
    destination: JSON.stringify(row.destination),
    payload: JSON.stringify(row.payload),
    status: row.status ?? 'pending',
    dueAt: row.dueAt.getTime(),
    now,
  };
}

/** Runs a synchronous statement, retrying on a timer while another connection holds the write lock. */
async function whenNotBusy<T>(statement: () => T): Promise<T> {
  for (const waitMs of [...busyRetryMs, undefined]) {
    try {
      return statement();
    } catch (error) {
      const busy = error instanceof Database.SqliteError && /^SQLITE_(BUSY|LOCKED)/.test(error.code);
      if (!busy) throw error instanceof Database.SqliteError ? new StorageUnavailableError(error) : error;
      if (waitMs === undefined) throw new StorageUnavailableError(error);
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }
  throw new Error('unreachable');
}
