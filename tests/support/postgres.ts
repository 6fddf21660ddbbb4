import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * The server .ci/start-postgres.sh starts. TEST_DATABASE_URL may name another one; its user must be allowed
 * to CREATE DATABASE, because every suite works in a database of its own made from this URL.
 */
export const defaultPostgresTestUrl = 'postgres://postgres:postgres@127.0.0.1:5432/postgres';

/** The admin URL the PostgreSQL tests start from. */
export function postgresTestUrl(): string {
  const configured = process.env['TEST_DATABASE_URL']?.trim();
  return configured ? configured : defaultPostgresTestUrl;
}

/** A database made for one suite; drop() removes it even if a test left connections open. */
export interface FreshDatabase {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

/** Creates pc_test_<random> on the test server; fails (never skips) when the server cannot be reached. */
export async function createFreshDatabase(): Promise<FreshDatabase> {
  const adminUrl = postgresTestUrl();
  const name = `pc_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, async (admin) => {
    try {
      // An ICU collation sorts like most production servers ("a" < "B"), so id ordering is really tested.
      await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US'`);
    } catch {
      await admin.query(`CREATE DATABASE ${name}`);
    }
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () =>
      withAdmin(adminUrl, async (admin) => {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }),
  };
}

/** Runs SQL on the admin database, for tests that look under the store or end its connections. */
export async function withAdmin<T>(adminUrl: string, use: (admin: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  try {
    await admin.connect();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `PostgreSQL not reachable at ${withoutPassword(adminUrl)} (${reason}): start it with .ci/start-postgres.sh ` +
        'or set TEST_DATABASE_URL',
      { cause: error },
    );
  }
  try {
    return await use(admin);
  } finally {
    await admin.end();
  }
}

function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable TEST_DATABASE_URL)';
  }
}
