import { fileURLToPath } from 'node:url';
import { openSqliteStore } from './sqlite/sqlite-store';
import type { Store } from './store';
import type { StoreOptions } from './store-options';

/** Where DATABASE_URL points: a SQLite file (or ":memory:") or a PostgreSQL server. */
export type DatabaseTarget = { readonly engine: 'sqlite'; readonly path: string } | { readonly engine: 'postgres'; readonly url: string };

/**
 * Opens the store DATABASE_URL names: `postgres://`/`postgresql://`, or `sqlite:<path>`, `file:<path>` or a plain path.
 * The PostgreSQL driver is loaded only for PostgreSQL.
 */
export async function openStore(databaseUrl: string, options: StoreOptions = {}): Promise<Store> {
  const target = parseDatabaseUrl(databaseUrl);
  return target.engine === 'postgres'
    ? (await import('./postgres/postgres-store.js')).openPostgresStore(target.url, options)
    : openSqliteStore(target.path, options);
}

/** Reads a database URL; throws naming only the scheme, since the rest may hold a password. */
export function parseDatabaseUrl(databaseUrl: string): DatabaseTarget {
  const url = databaseUrl.trim();
  // One letter before the colon is a Windows drive, not a scheme.
  const scheme = /^([a-z][a-z0-9+.-]+):/i.exec(url)?.[1]?.toLowerCase();
  switch (scheme) {
    case 'postgres':
    case 'postgresql':
      return { engine: 'postgres', url };
    case 'sqlite':
      return sqliteTarget(url.slice('sqlite:'.length).replace(/^\/\//, ''));
    case 'file':
      return sqliteTarget(url.startsWith('file://') ? fileURLToPath(url) : url.slice('file:'.length));
    case undefined:
      return sqliteTarget(url);
    default:
      throw new Error(`unsupported database URL scheme "${scheme}:": use sqlite:<path> or postgres://…`);
  }
}

function sqliteTarget(path: string): DatabaseTarget {
  if (path === '') throw new Error('the SQLite database URL names no file: use sqlite:<path> or sqlite::memory:');
  return { engine: 'sqlite', path };
}
