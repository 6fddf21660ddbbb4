/** One schema step, written once per engine; applied in order and recorded in schema_migrations. */
export interface Migration {
  readonly id: string;
  readonly sqlite: string;
  readonly postgres: string;
}

export const migrations: readonly Migration[] = [
  {
    id: '001-records',
    sqlite: `
      CREATE TABLE records (
        collection TEXT NOT NULL,
        id TEXT NOT NULL,
        owner TEXT,
        version INTEGER NOT NULL,
        body TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (collection, id)
      );
      CREATE INDEX records_owner ON records (owner) WHERE owner IS NOT NULL;
      CREATE INDEX records_collection_owner ON records (collection, owner);
    `,
    postgres: `
      CREATE TABLE records (
        collection TEXT NOT NULL,
        id TEXT NOT NULL,
        owner TEXT,
        version INTEGER NOT NULL,
        body JSONB NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (collection, id)
      );
      CREATE INDEX records_owner ON records (owner) WHERE owner IS NOT NULL;
      CREATE INDEX records_collection_owner ON records (collection, owner);
    `,
  },
  {
    // The delivery queue: one row per (occurrence, recipient); a worker claims due rows under a lease.
    id: '002-deliveries',
    sqlite: `
      CREATE TABLE deliveries (
        id TEXT PRIMARY KEY,
        occurrence_key TEXT NOT NULL,
        recipient_key TEXT NOT NULL,
        kind TEXT NOT NULL,
        tenant_id TEXT NOT NULL,
        destination TEXT NOT NULL,
        payload TEXT NOT NULL,
        status TEXT NOT NULL,
        due_at INTEGER NOT NULL,
        next_attempt_at INTEGER NOT NULL,
        lease_token TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        claims INTEGER NOT NULL DEFAULT 0,
        activity_ids TEXT NOT NULL DEFAULT '[]',
        last_error TEXT,
        created_at INTEGER NOT NULL,
        completed_at INTEGER,
        UNIQUE (occurrence_key, recipient_key)
      );
      CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE status IN ('pending', 'sending');
      CREATE INDEX deliveries_completed ON deliveries (completed_at) WHERE completed_at IS NOT NULL;
    `,
    postgres: `
      CREATE TABLE deliveries (
        id TEXT PRIMARY KEY,
        occurrence_key TEXT NOT NULL,
        recipient_key TEXT NOT NULL,
        kind TEXT NOT NULL,
        tenant_id TEXT NOT NULL,
        destination JSONB NOT NULL,
        payload JSONB NOT NULL,
        status TEXT NOT NULL,
        due_at TIMESTAMPTZ NOT NULL,
        next_attempt_at TIMESTAMPTZ NOT NULL,
        lease_token TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        claims INTEGER NOT NULL DEFAULT 0,
        activity_ids JSONB NOT NULL DEFAULT '[]',
        last_error TEXT,
        created_at TIMESTAMPTZ NOT NULL,
        completed_at TIMESTAMPTZ,
        UNIQUE (occurrence_key, recipient_key)
      );
      CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE status IN ('pending', 'sending');
      CREATE INDEX deliveries_completed ON deliveries (completed_at) WHERE completed_at IS NOT NULL;
    `,
  },
  {
    // One row that readiness rewrites, so /readyz proves a write lands rather than that a connection answers.
    id: '003-health-check',
    sqlite: 'CREATE TABLE health_check (id INTEGER PRIMARY KEY CHECK (id = 1), checked_at TEXT NOT NULL);',
    postgres: 'CREATE TABLE health_check (id INTEGER PRIMARY KEY CHECK (id = 1), checked_at TIMESTAMPTZ NOT NULL);',
  },
  {
    // Anonymous answers and votes: no owner, no rowid order, a day instead of a time (moved out of records).
    id: '004-unlinked-records',
    sqlite: `
      CREATE TABLE unlinked_records (
        collection TEXT NOT NULL,
        id TEXT NOT NULL,
        version INTEGER NOT NULL,
        body TEXT NOT NULL,
        day TEXT NOT NULL,
        PRIMARY KEY (collection, id)
      ) WITHOUT ROWID;
      INSERT INTO unlinked_records (collection, id, version, body, day)
        SELECT collection, id, version, body, substr(updated_at, 1, 10) FROM records
        WHERE collection IN ('collection-responses', 'workshop-votes') AND owner IS NULL ORDER BY collection, id;
      DELETE FROM records WHERE collection IN ('collection-responses', 'workshop-votes') AND owner IS NULL;
    `,
    postgres: `
      CREATE TABLE unlinked_records (
        collection TEXT NOT NULL,
        id TEXT NOT NULL,
        version INTEGER NOT NULL,
        body JSONB NOT NULL,
        day TEXT NOT NULL,
        PRIMARY KEY (collection, id)
      );
      INSERT INTO unlinked_records (collection, id, version, body, day)
        SELECT collection, id, version, body, to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') FROM records
        WHERE collection IN ('collection-responses', 'workshop-votes') AND owner IS NULL ORDER BY collection, id COLLATE "C";
      DELETE FROM records WHERE collection IN ('collection-responses', 'workshop-votes') AND owner IS NULL;
    `,
  },
  {
    // The per-tenant send budget that instances on one PostgreSQL share; SQLite has a single instance and keeps it in memory.
    id: '005-delivery-tenant-budgets',
    sqlite: `
      CREATE TABLE delivery_tenant_budgets (tenant_id TEXT PRIMARY KEY, next_slot_ms REAL NOT NULL);
    `,
    postgres: `
      CREATE TABLE delivery_tenant_budgets (tenant_id TEXT PRIMARY KEY, next_slot_ms DOUBLE PRECISION NOT NULL);
    `,
  },
  {
    // Every SQLite write updated four b-trees (the rows, the key, two owner indexes) on the one thread that runs turns;
    // the (collection, owner) index serves "delete my data" too, one collection at a time. PostgreSQL keeps its index.
    id: '006-sqlite-without-owner-index',
    sqlite: 'DROP INDEX records_owner;',
    postgres: 'SELECT 1;',
  },
];
