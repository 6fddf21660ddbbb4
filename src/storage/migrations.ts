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
];
