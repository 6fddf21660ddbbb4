import type { PoolClient } from 'pg';
import { migrations } from '../migrations';

/** Applies the migrations this database lacks, all or none; returns the ids it applied. */
export async function applyPostgresMigrations(client: PoolClient, appliedAt: Date): Promise<string[]> {
  await client.query('BEGIN');
  try {
    // Instances starting together queue here; the lock ends with the transaction.
    await client.query("SELECT pg_advisory_xact_lock(hashtext('partner-coach:schema-migrations'))");
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)',
    );
    const { rows } = await client.query<{ id: string }>('SELECT id FROM schema_migrations');
    const done = new Set(rows.map((row) => row.id));
    const applied: string[] = [];
    for (const migration of migrations.filter((candidate) => !done.has(candidate.id))) {
      await client.query(migration.postgres);
      await client.query('INSERT INTO schema_migrations (id, applied_at) VALUES ($1, $2)', [migration.id, appliedAt]);
      applied.push(migration.id);
    }
    await client.query('COMMIT');
    return applied;
  } catch (error) {
    // The migration error is the one worth reporting; a client that cannot roll back is discarded by the caller.
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
