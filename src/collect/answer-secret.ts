import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Store } from '../storage/store';
import { VersionConflictError } from '../storage/store';
import { loadOrCreateSecret, secretFileFor } from './pseudonym';

/** Where the answer secret comes from: the environment (e.g. a Key Vault reference) or a file. */
export interface AnswerSecretSource {
  readonly answerSecret: string | undefined;
  readonly answerSecretFile: string | undefined;
  readonly databaseUrl: string;
}

/** The secret that keys anonymous answers: ANSWER_SECRET (hex) when given, otherwise the file (created on first start). */
export function loadAnswerSecret(source: AnswerSecretSource, projectRoot: string): Buffer {
  if (source.answerSecret !== undefined) return Buffer.from(source.answerSecret, 'hex');
  return loadOrCreateSecret(source.answerSecretFile ?? secretFileFor(source.databaseUrl, projectRoot));
}

/** The database holds answers keyed by another secret than the one this instance has. */
export class AnswerSecretMismatchError extends Error {
  constructor() {
    super(
      'the answer secret does not match the one this database was started with, so anonymous answers could no longer be matched to their ' +
        'respondents. Restore the original ANSWER_SECRET or ANSWER_SECRET_FILE (all instances must share it); do not start with a new one.',
    );
    this.name = 'AnswerSecretMismatchError';
  }
}

const collection = 'system';
const id = 'answer-secret-fingerprint';
type Fingerprint = { readonly fingerprint: string };

// A keyed hash: it tells secrets apart without letting a database reader recover or test guesses of the secret cheaply.
const fingerprintOf = (secret: Buffer): string => createHmac('sha256', secret).update('partner-coach answer secret fingerprint v1').digest('hex');

/** Records the secret's fingerprint on first start; afterwards throws AnswerSecretMismatchError when the secret changed. */
export async function checkAnswerSecret(store: Store, secret: Buffer): Promise<void> {
  const mine = fingerprintOf(secret);
  const stored = await store.get<Fingerprint>(collection, id);
  if (!stored) {
    try {
      await store.put<Fingerprint>({ collection, id, body: { fingerprint: mine }, expectedVersion: 0 });
      return;
    } catch (error) {
      // Another instance started at the same moment and recorded its fingerprint first: compare with that one.
      if (!(error instanceof VersionConflictError)) throw error;
      return checkAnswerSecret(store, secret);
    }
  }
  const theirs = Buffer.from(stored.body.fingerprint, 'hex');
  if (theirs.length !== 32 || !timingSafeEqual(theirs, Buffer.from(mine, 'hex'))) throw new AnswerSecretMismatchError();
}
