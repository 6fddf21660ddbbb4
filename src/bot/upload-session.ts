import type { FileUploadInfo } from 'botbuilder';
import type { DeliveredFile } from '../core/reply';
import { UploadFailure, type FileUpload } from '../exports/export-offers';
import type { FileExport } from '../exports/file-export';

export interface UploadOptions {
  /** For each fragment, from sending to the last byte of the answer. */
  readonly timeoutMs: number;
  /** OneDrive takes fragments in multiples of 320 KiB, under 60 MiB. */
  readonly fragmentBytes: number;
  /** Local mode only: the loopback stand-in speaks plain HTTP; Teams' upload URLs are always HTTPS. */
  readonly allowPlainHttp: boolean;
}

export const defaultUploadOptions: UploadOptions = { timeoutMs: 30_000, fragmentBytes: 10 * 320 * 1024, allowPlainHttp: false };

/**
 * The OneDrive upload session Teams opens when a person allows a file: PUT the bytes in order with Content-Range,
 * 202 for each fragment but the last, 200 or 201 for the last. The URL carries its own authorisation, so no token goes with it.
 */
export class UploadSession implements FileUpload {
  constructor(
    private readonly info: FileUploadInfo | undefined,
    private readonly options: UploadOptions,
  ) {}

  async put(file: FileExport): Promise<DeliveredFile> {
    const { info } = this;
    const url = this.uploadUrl();
    if (!info?.contentUrl || !info.uniqueId) throw new UploadFailure('refused');
    const total = file.bytes.byteLength;
    for (let start = 0; start < total; start += this.options.fragmentBytes) {
      const end = Math.min(start + this.options.fragmentBytes, total);
      const status = await this.putFragment(url, file, start, end);
      const expected = end < total ? [202] : [200, 201];
      if (!expected.includes(status)) throw new UploadFailure(status >= 400 && status < 500 ? 'refused' : 'unavailable', status);
    }
    return { name: info.name ?? file.name, contentUrl: info.contentUrl, uniqueId: info.uniqueId, fileType: info.fileType ?? file.name.split('.').at(-1) ?? '' };
  }

  private uploadUrl(): URL {
    try {
      const url = new URL(this.info?.uploadUrl ?? '');
      if (url.protocol === 'https:' || (url.protocol === 'http:' && this.options.allowPlainHttp)) return url;
    } catch {
      // Not a URL at all: refused below like any other unusable one.
    }
    throw new UploadFailure('refused');
  }

  private async putFragment(url: URL, file: FileExport, start: number, end: number): Promise<number> {
    try {
      const response = await fetch(url, {
        method: 'PUT',
        headers: { 'content-range': `bytes ${start}-${end - 1}/${file.bytes.byteLength}`, 'content-type': file.mediaType },
        body: file.bytes.slice(start, end),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      await response.arrayBuffer();
      return response.status;
    } catch (error) {
      throw new UploadFailure(error instanceof Error && error.name === 'TimeoutError' ? 'timeout' : 'unavailable');
    }
  }
}
