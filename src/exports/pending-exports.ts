import { randomUUID } from 'node:crypto';
import type { Store } from '../storage/store';
import type { FileExport } from './file-export';

const collection = 'pending-exports';
/** How long an offered file waits for "Allow"; after that it is gone and the person asks again. */
export const pendingExportLifetimeMs = 24 * 60 * 60_000;

/** An offered file, kept under its owner's key so that "delete my data" removes it with everything else. */
export interface PendingExport {
  readonly id: string;
  readonly ownerKey: string;
  readonly file: FileExport;
  readonly expiresAt: Date;
}

interface PendingBody {
  readonly name: string;
  readonly mediaType: FileExport['mediaType'];
  readonly description: string;
  readonly base64: string;
  readonly expiresAt: string;
}

/** Files offered through a consent card and not yet accepted or declined; the offer itself carries only the id. */
export class PendingExports {
  constructor(private readonly store: Store) {}

  async keep(ownerKey: string, file: FileExport, now: Date): Promise<PendingExport> {
    const pending: PendingExport = { id: randomUUID(), ownerKey, file, expiresAt: new Date(now.getTime() + pendingExportLifetimeMs) };
    const body: PendingBody = {
      name: file.name,
      mediaType: file.mediaType,
      description: file.description,
      base64: Buffer.from(file.bytes).toString('base64'),
      expiresAt: pending.expiresAt.toISOString(),
    };
    await this.store.put({ collection, id: pending.id, owner: ownerKey, body, expectedVersion: 0 });
    return pending;
  }

  /** The person's own pending export, if it is still there and not past its time. */
  async find(id: string, ownerKey: string, now: Date): Promise<PendingExport | undefined> {
    const record = id ? await this.store.get<PendingBody>(collection, id) : undefined;
    if (!record || record.owner !== ownerKey) return undefined;
    const expiresAt = new Date(record.body.expiresAt);
    if (expiresAt.getTime() <= now.getTime()) return undefined;
    const { name, mediaType, description, base64 } = record.body;
    return { id, ownerKey, expiresAt, file: { name, mediaType, description, bytes: new Uint8Array(Buffer.from(base64, 'base64')) } };
  }

  async drop(id: string): Promise<void> {
    await this.store.remove(collection, id);
  }

  /** Removes every export past its time; returns how many. */
  async sweep(now: Date): Promise<number> {
    let removed = 0;
    for (const record of await this.store.list<PendingBody>(collection)) {
      if (new Date(record.body.expiresAt).getTime() > now.getTime()) continue;
      if (await this.store.remove(collection, record.id)) removed += 1;
    }
    return removed;
  }
}
