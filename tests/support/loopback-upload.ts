import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What Teams puts in a fileConsent/invoke "accept": where to upload, and how the finished file is named and found. */
export interface UploadInfo {
  readonly name: string;
  readonly uploadUrl: string;
  readonly contentUrl: string;
  readonly uniqueId: string;
  readonly fileType: string;
}

/** One PUT the bot made to an upload session. */
export interface UploadCall {
  readonly sessionId: string;
  readonly contentRange: string | undefined;
  readonly bytes: number;
  readonly status: number;
}

/** How a session answers: as OneDrive does, with a fixed status for every PUT, or not at all (a time-out). */
export type SessionBehaviour = { readonly kind: 'normal' } | { readonly kind: 'status'; readonly status: number } | { readonly kind: 'hang' };

interface Session {
  readonly info: UploadInfo;
  readonly behaviour: SessionBehaviour;
  readonly received: Buffer[];
  next: number;
  total: number | undefined;
  done: boolean;
}

const contentRange = /^bytes (\d+)-(\d+)\/(\d+)$/;

/**
 * A loopback stand-in for the OneDrive upload session behind Teams' file consent flow: PUT fragments in order with
 * Content-Range; 202 with nextExpectedRanges until the last, then 201 with the file's metadata.
 */
export class LoopbackUploadServer {
  readonly calls: UploadCall[] = [];
  private readonly sessions = new Map<string, Session>();
  private readonly hanging = new Set<ServerResponse>();

  private constructor(private readonly server: Server, readonly baseUrl: string) {}

  static async start(): Promise<LoopbackUploadServer> {
    const holder: { uploads?: LoopbackUploadServer } = {};
    const server = createServer((req, res) => void holder.uploads?.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    holder.uploads = new LoopbackUploadServer(server, `http://127.0.0.1:${port}`);
    return holder.uploads;
  }

  /** Opens a session for a file, as Teams does when the person presses Allow. */
  open(name: string, behaviour: SessionBehaviour = { kind: 'normal' }): UploadInfo {
    const id = randomUUID();
    const info: UploadInfo = {
      name,
      uploadUrl: `${this.baseUrl}/upload-sessions/${id}`,
      contentUrl: `${this.baseUrl}/personal/Documents/Microsoft%20Teams%20Chat%20Files/${encodeURIComponent(name)}`,
      uniqueId: id.toUpperCase(),
      fileType: name.split('.').at(-1) ?? '',
    };
    this.sessions.set(id, { info, behaviour, received: [], next: 0, total: undefined, done: false });
    return info;
  }

  /** The bytes of a finished upload; undefined while it is incomplete. */
  fileAt(uploadUrl: string): Buffer | undefined {
    const session = this.sessions.get(uploadUrl.split('/').at(-1) ?? '');
    return session?.done ? Buffer.concat(session.received) : undefined;
  }

  async stop(): Promise<void> {
    for (const response of this.hanging) response.destroy();
    this.hanging.clear();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const sessionId = /^\/upload-sessions\/([^/?]+)$/.exec(req.url ?? '')?.[1] ?? '';
    const session = this.sessions.get(sessionId);
    const range = req.headers['content-range'];
    const answer = (status: number, json: unknown): void => {
      this.calls.push({ sessionId, contentRange: range, bytes: body.length, status });
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(json));
    };
    if (req.method !== 'PUT' || !session) return answer(404, { error: { code: 'itemNotFound' } });
    if (session.behaviour.kind === 'hang') {
      this.calls.push({ sessionId, contentRange: range, bytes: body.length, status: 0 });
      this.hanging.add(res);
      return;
    }
    if (session.behaviour.kind === 'status') return answer(session.behaviour.status, { error: { code: 'generalException' } });
    if (req.headers.authorization) return answer(401, { error: { code: 'unauthenticated', message: 'the upload URL carries its own authorisation' } });
    const match = contentRange.exec(range ?? '');
    if (!match) return answer(400, { error: { code: 'invalidRequest', message: 'Content-Range is required' } });
    const [start, end, total] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (session.done || start !== session.next || end - start + 1 !== body.length || (session.total !== undefined && session.total !== total) || end >= total) {
      return answer(416, { error: { code: 'invalidRange' }, nextExpectedRanges: [`${session.next}-`] });
    }
    session.received.push(body);
    session.next = end + 1;
    session.total = total;
    if (session.next < total) return answer(202, { expirationDateTime: '2026-12-03T00:00:00Z', nextExpectedRanges: [`${session.next}-`] });
    session.done = true;
    return answer(201, { id: session.info.uniqueId, name: session.info.name, size: total, file: {}, webUrl: session.info.contentUrl });
  }
}
