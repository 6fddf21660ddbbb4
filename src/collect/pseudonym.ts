import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseDatabaseUrl } from '../storage/open-store';

/**
 * The key under which a person's answers are stored: their user key in named collections, and in anonymous ones
 * HMAC(server secret, collection id + user key), which only the running bot (holding the secret) can recompute.
 */
export function respondentKeyOf(secret: Buffer, collection: { readonly id: string; readonly settings: { readonly anonymous: boolean } }, userKey: string): string {
  if (!collection.settings.anonymous) return userKey;
  const digest = createHmac('sha256', secret).update(`respondent\u0000${collection.id}\u0000${userKey}`).digest('base64url');
  return `p_${digest.slice(0, 27)}`;
}

const secretBytes = 32;

/** Reads the pseudonym secret from its file, creating it (owner-only permissions) on first start. */
export function loadOrCreateSecret(file: string): Buffer {
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${randomBytes(secretBytes).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  }
  const secret = Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  if (secret.length < secretBytes) throw new Error(`the answer pseudonym secret in ${file} is shorter than ${secretBytes} bytes`);
  chmodSync(file, 0o600);
  return secret;
}

/** Beside the SQLite file (never inside the database); for PostgreSQL or :memory:, under data/ in the project. */
export function secretFileFor(databaseUrl: string, projectRoot: string): string {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.engine === 'sqlite' && target.path !== ':memory:') return `${path.resolve(target.path)}.collect-secret`;
  return path.join(projectRoot, 'data', 'collect-secret');
}
