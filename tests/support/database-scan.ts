import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { Client } from 'pg';

/** Every row of every table, as JSON text per table, for diffing a database around one turn. */
export type TableSnapshot = ReadonlyMap<string, readonly string[]>;

/** All tables of a SQLite file, rowid included where a table has one. */
export function sqliteSnapshot(file: string): TableSnapshot {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string; sql: string }>;
    return new Map(
      tables.map(({ name, sql }) => {
        const rowid = /WITHOUT ROWID/i.test(sql) ? '' : 'rowid AS _rowid, ';
        return [name, (db.prepare(`SELECT ${rowid}* FROM "${name}"`).all()).map((row) => JSON.stringify(row))];
      }),
    );
  } finally {
    db.close();
  }
}

/** All tables of the public schema, with each row's ctid and xmin. */
export async function postgresSnapshot(url: string): Promise<TableSnapshot> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
    const snapshot = new Map<string, string[]>();
    for (const { tablename } of tables) {
      const { rows } = await client.query(`SELECT ctid::text AS _ctid, xmin::text AS _xmin, * FROM "${tablename}"`);
      snapshot.set(tablename, rows.map((row) => JSON.stringify(row)));
    }
    return snapshot;
  } finally {
    await client.end();
  }
}

/** Rows that are in `after` but not in `before` (new or changed), per table; empty tables left out. */
export function addedRows(before: TableSnapshot, after: TableSnapshot): Map<string, string[]> {
  const added = new Map<string, string[]>();
  for (const [table, rows] of after) {
    const earlier = new Set(before.get(table) ?? []);
    const fresh = rows.filter((row) => !earlier.has(row));
    if (fresh.length > 0) added.set(table, fresh);
  }
  return added;
}

/** The raw bytes of a SQLite database: the file, its write-ahead log and its shared-memory index, as they lie on disk. */
export function sqliteFileBytes(file: string): { readonly main: Buffer; readonly wal: Buffer; readonly all: Buffer } {
  const read = (path: string): Buffer => (existsSync(path) ? readFileSync(path) : Buffer.alloc(0));
  const main = read(file);
  const wal = read(`${file}-wal`);
  return { main, wal, all: Buffer.concat([main, wal, read(`${file}-shm`)]) };
}

/** Where `needle` (UTF-8, or as SQLite may store it) occurs in `bytes`. */
export function offsetsOf(bytes: Buffer, needle: string): number[] {
  const found: number[] = [];
  const pattern = Buffer.from(needle, 'utf8');
  for (let at = bytes.indexOf(pattern); at >= 0; at = bytes.indexOf(pattern, at + 1)) found.push(at);
  return found;
}
