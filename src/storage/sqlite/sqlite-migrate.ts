import type Database from 'better-sqlite3';
import { migrations } from '../migrations';

/** Applies the migrations this SQLite file lacks, all or none; returns the ids it applied. */
export function applySqliteMigrations(db: Database.Database, appliedAt: Date): string[] {
  const apply = db.transaction(() => {
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
    const done = new Set(db.prepare('SELECT id FROM schema_migrations').pluck().all() as string[]);
    const record = db.prepare('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)');
    const applied: string[] = [];
    for (const migration of migrations.filter((candidate) => !done.has(candidate.id))) {
      db.exec(migration.sqlite);
      record.run(migration.id, appliedAt.toISOString());
      applied.push(migration.id);
    }
    return applied;
  });
  // IMMEDIATE takes the write lock first, so two processes opening one file apply each migration once.
  return apply.immediate();
}
