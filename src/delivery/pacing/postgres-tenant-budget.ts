import type { Pool } from 'pg';
import { StorageUnavailableError } from '../../storage/store';
import { slotSpacingMs, type TenantBudget } from './tenant-budget';

const sql = {
  // One row per tenant holds the time of its next free slot; the upsert takes it atomically, or takes nothing when
  // it is too far ahead (then the old row says how far).
  reserve: `WITH previous AS (SELECT next_slot_ms FROM delivery_tenant_budgets WHERE tenant_id = $1),
    taken AS (
      INSERT INTO delivery_tenant_budgets AS b (tenant_id, next_slot_ms) VALUES ($1, $2::bigint + $3::double precision)
      ON CONFLICT (tenant_id) DO UPDATE SET next_slot_ms = greatest(b.next_slot_ms, $2::bigint) + $3::double precision
        WHERE b.next_slot_ms <= $2::bigint + $4::bigint
      RETURNING next_slot_ms)
    SELECT (SELECT next_slot_ms FROM taken) AS taken, (SELECT next_slot_ms FROM previous) AS previous`,
  refund: `UPDATE delivery_tenant_budgets SET next_slot_ms = greatest(next_slot_ms - $2::double precision, $3::double precision)
    WHERE tenant_id = $1`,
};

/** The per-tenant budget in PostgreSQL, shared by every instance on the database. */
export class PostgresTenantBudget implements TenantBudget {
  private readonly spacingMs: number;

  constructor(
    private readonly pool: Pool,
    perSecond: number,
    readonly toleranceMs = 10,
  ) {
    this.spacingMs = slotSpacingMs(perSecond, toleranceMs);
  }

  async reserve(tenant: string, now: number, maxWaitMs: number): Promise<{ readonly at: number } | { readonly waitMs: number }> {
    const { rows } = await this.run<{ taken: number | null; previous: number | null }>(sql.reserve, [tenant, Math.floor(now), this.spacingMs, Math.floor(maxWaitMs)]);
    const taken = rows[0]?.taken;
    if (taken !== null && taken !== undefined) return { at: Number(taken) - this.spacingMs };
    return { waitMs: Math.max(1, Math.ceil(Number(rows[0]?.previous ?? now) - now)) };
  }

  async refund(tenant: string, at: number): Promise<void> {
    await this.run(sql.refund, [tenant, this.spacingMs, at]);
  }

  private async run<R extends Record<string, unknown>>(text: string, values: unknown[]): Promise<{ rows: R[] }> {
    try {
      return await this.pool.query<R>(text, values);
    } catch (error) {
      throw new StorageUnavailableError(error);
    }
  }
}
