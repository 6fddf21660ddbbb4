import { UserFacingError } from '../core/errors';
import { SendFailure, type Messenger } from '../core/messenger';
import { fileOfferReply, fileReply, textReply, type DeliveredFile, type FileOffer, type Reply } from '../core/reply';
import type { Turn } from '../core/turn';
import type { Planner } from '../delivery/delivery-service';
import type { Logger } from '../logger';
import type { FileExport } from './file-export';
import type { PendingExport, PendingExports } from './pending-exports';

/** Why the bytes did not arrive: the storage refused them (4xx), failed (5xx, network) or did not answer in time. */
export class UploadFailure extends Error {
  constructor(
    readonly reason: 'refused' | 'unavailable' | 'timeout',
    readonly status?: number,
  ) {
    super(`upload failed: ${reason}${status ? ` (${status})` : ''}`);
    this.name = 'UploadFailure';
  }
}

/** Puts a file's bytes where the person's chat client asked for them (in Teams: their OneDrive). Throws UploadFailure. */
export interface FileUpload {
  put(file: FileExport): Promise<DeliveredFile>;
}

export interface ExportOffersDependencies {
  readonly pending: PendingExports;
  readonly messenger: Messenger;
  readonly logger: Logger;
}

const offerOf = (pending: PendingExport): FileOffer => ({
  exportId: pending.id,
  name: pending.file.name,
  sizeInBytes: pending.file.bytes.byteLength,
  description: pending.file.description,
});

/** Exports reach only the person who asked, in their 1:1 chat, and only once they allow it; nothing is lost on the way. */
export class ExportOffers {
  constructor(private readonly deps: ExportOffersDependencies) {}

  /** In the 1:1 chat the offers are the answer; from a channel or group chat they go to the 1:1 chat and only a line stays here. */
  async offer(turn: Turn, files: readonly FileExport[]): Promise<readonly Reply[]> {
    const { pending, messenger, logger } = this.deps;
    const kept: PendingExport[] = [];
    for (const file of files) kept.push(await pending.keep(turn.actor.userKey, file, turn.now));
    const offers = kept.map((entry) => fileOfferReply(offerOf(entry)));
    if (turn.conversation.kind === 'personal') return offers;
    try {
      await messenger.send({ userKey: turn.actor.userKey }, offers);
    } catch (error) {
      for (const entry of kept) await pending.drop(entry.id);
      if (!(error instanceof SendFailure)) throw error;
      logger.info({ conversationKey: turn.conversation.key, reason: error.reason }, 'could not offer an export in the personal chat');
      const passing = error.reason === 'throttled' || error.reason === 'transient';
      throw new UserFacingError(passing ? 'exports.errors.personalChatBusy' : 'exports.errors.noPersonalChat');
    }
    return [textReply(turn.t(files.length > 1 ? 'exports.sentThemToPersonalChat' : 'exports.sentToPersonalChat'))];
  }

  /** "Allow": the bytes go up, the kept copy goes; if the upload fails, the copy stays and a fresh offer comes with the apology. */
  async accept(turn: Turn, exportId: string, upload: FileUpload | undefined): Promise<readonly Reply[]> {
    const pending = await this.deps.pending.find(exportId, turn.actor.userKey, turn.now);
    if (!pending) return [textReply(turn.t('exports.gone'))];
    try {
      if (!upload) throw new UploadFailure('refused');
      const delivered = await upload.put(pending.file);
      await this.deps.pending.drop(pending.id);
      return [fileReply(delivered)];
    } catch (error) {
      if (!(error instanceof UploadFailure)) throw error;
      this.deps.logger.warn({ exportId, reason: error.reason, status: error.status }, 'an export could not be uploaded; it is kept for another try');
      return [textReply(turn.t('exports.uploadFailed')), fileOfferReply(offerOf(pending))];
    }
  }

  /** "Decline": the kept copy goes at once. */
  async decline(turn: Turn, exportId: string): Promise<readonly Reply[]> {
    const pending = await this.deps.pending.find(exportId, turn.actor.userKey, turn.now);
    if (pending) await this.deps.pending.drop(pending.id);
    return [textReply(turn.t('exports.declined'))];
  }
}

/** Each planning round also removes offers nobody answered in time. */
export function expiredExportSweeper(pending: PendingExports): Planner {
  return {
    name: 'expired-exports',
    plan: async (now) => {
      await pending.sweep(now);
      return 0;
    },
  };
}
