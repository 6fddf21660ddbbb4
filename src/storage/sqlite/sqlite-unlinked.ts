import type Database from 'better-sqlite3';
import type { UnlinkedRecord, UnlinkedRecords } from '../store';
import { dayOf, groupOf, rewrittenGroup } from '../unlinked-groups';

interface UnlinkedRow {
  collection: string;
  id: string;
  version: number;
  body: string;
  day: string;
}

const columns = 'collection, id, version, body, day';
const inGroup = 'collection = @collection AND substr(id, 1, length(@prefix)) = @prefix';
const sql = {
  get: `SELECT ${columns} FROM unlinked_records WHERE collection = @collection AND id = @id`,
  list: `SELECT ${columns} FROM unlinked_records WHERE ${inGroup} ORDER BY id`,
  clear: `DELETE FROM unlinked_records WHERE ${inGroup}`,
  insert: `INSERT INTO unlinked_records (${columns}) VALUES (@collection, @id, @version, @body, @day)`,
};

/** The unlinked_records table (WITHOUT ROWID, keyed by pseudonymous ids) of one SQLite connection. */
export class SqliteUnlinked implements UnlinkedRecords {
  private readonly statements: { [name in keyof typeof sql]: Database.Statement<[Record<string, unknown>]> };
  private readonly rewrite: (collection: string, prefix: string, rows: readonly UnlinkedRecord<unknown>[]) => void;

  constructor(
    db: Database.Database,
    private readonly now: () => Date,
  ) {
    this.statements = Object.fromEntries(Object.entries(sql).map(([name, text]) => [name, db.prepare<Record<string, unknown>>(text)])) as typeof this.statements;
    this.rewrite = db.transaction((collection: string, prefix: string, rows: readonly UnlinkedRecord<unknown>[]) => {
      this.statements.clear.run({ collection, prefix });
      for (const row of rows) this.statements.insert.run({ ...row, body: JSON.stringify(row.body) });
    });
  }

  async get<T>(collection: string, id: string): Promise<UnlinkedRecord<T> | undefined> {
    const row = this.statements.get.get({ collection, id }) as UnlinkedRow | undefined;
    return row === undefined ? undefined : toRecord<T>(row);
  }

  async list<T>(collection: string, idPrefix: string): Promise<UnlinkedRecord<T>[]> {
    return (this.statements.list.all({ collection, prefix: idPrefix }) as UnlinkedRow[]).map((row) => toRecord<T>(row));
  }

  async put<T>(collection: string, id: string, body: T, expectedVersion: number): Promise<number> {
    const prefix = groupOf(id);
    const rows = rewrittenGroup(await this.list(collection, prefix), { collection, id, body, expectedVersion, day: dayOf(this.now()) }) ?? [];
    this.rewrite(collection, prefix, rows);
    return rows.find((row) => row.id === id)?.version ?? 0;
  }

  async remove(collection: string, id: string, expectedVersion?: number): Promise<boolean> {
    const prefix = groupOf(id);
    const rows = rewrittenGroup(await this.list(collection, prefix), { collection, id, body: undefined, expectedVersion, day: dayOf(this.now()) });
    if (rows === undefined) return false;
    this.rewrite(collection, prefix, rows);
    return true;
  }
}

function toRecord<T>(row: UnlinkedRow): UnlinkedRecord<T> {
  return { collection: row.collection, id: row.id, version: row.version, body: JSON.parse(row.body) as T, day: row.day };
}
