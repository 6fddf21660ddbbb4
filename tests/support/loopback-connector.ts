import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the bot made to the Bot Connector REST API. */
export interface ConnectorCall {
  readonly method: 'POST' | 'PUT' | 'GET' | 'DELETE';
  readonly conversationId: string;
  /** The activity id in the path: the one replied to (POST) or updated (PUT). */
  readonly activityId: string | undefined;
  readonly body: Record<string, unknown>;
  readonly path: string;
  /** The id this stand-in gave a posted activity, as Teams does; later updates of that message name it. */
  readonly createdId?: string;
}

/**
 * An answer, `{ hang: true }` to never answer (a stuck connection; stop() drops it), `{ answerWhen }` for the normal
 * answer once that promise settles (a slow Connector), or undefined for the normal one.
 */
export type ConnectorResponder = (
  call: ConnectorCall,
) => { status: number; body?: unknown; headers?: Record<string, string> } | { readonly hang: true } | { readonly answerWhen: Promise<unknown> } | undefined;

/** A loopback stand-in for Teams' Bot Connector: records what the bot sends and answers like the real REST API. */
export class LoopbackConnector {
  readonly calls: ConnectorCall[] = [];
  private responder: ConnectorResponder = () => undefined;
  private nextId = 1;
  private waiters: Array<() => void> = [];
  private readonly hanging = new Set<ServerResponse>();

  private constructor(private readonly server: Server, readonly serviceUrl: string) {}

  /** On a free port unless given one (a bench keeps to its own range). */
  static async start(listenOn = 0): Promise<LoopbackConnector> {
    // No request can arrive before listen() resolves, so the holder is always filled when one does.
    const holder: { connector?: LoopbackConnector } = {};
    const server = createServer((req, res) => void holder.connector?.handle(req, res));
    await new Promise<void>((resolve) => server.listen(listenOn, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    holder.connector = new LoopbackConnector(server, `http://127.0.0.1:${port}/`);
    return holder.connector;
  }

  /** Answers chosen calls differently (429, 403…); undefined keeps the normal answer. */
  respondWith(responder: ConnectorResponder): void {
    this.responder = responder;
  }

  /** Messages the bot posted (new activities and replies), in order. */
  posted(): ConnectorCall[] {
    return this.calls.filter((call) => call.method === 'POST' && call.path.includes('/activities'));
  }

  updated(): ConnectorCall[] {
    return this.calls.filter((call) => call.method === 'PUT');
  }

  /** Waits until at least `count` calls have arrived (the bot may answer after the HTTP response). */
  async waitForCalls(count: number, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.calls.length < count) {
      if (Date.now() > deadline) throw new Error(`expected ${count} connector calls, got ${this.calls.length}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  reset(): void {
    this.calls.length = 0;
    this.responder = () => undefined;
  }

  async stop(): Promise<void> {
    for (const response of this.hanging) response.destroy();
    this.hanging.clear();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const path = decodeURI(req.url ?? '');
    const match = /\/v3\/conversations\/([^/]+)(?:\/activities(?:\/([^/?]+))?)?/.exec(path);
    const method = (req.method ?? 'GET') as ConnectorCall['method'];
    const call: ConnectorCall = {
      method,
      conversationId: decodeURIComponent(match?.[1] ?? ''),
      activityId: match?.[2] ? decodeURIComponent(match[2]) : undefined,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      path,
      ...(method === 'POST' ? { createdId: `activity-${this.nextId++}` } : {}),
    };
    this.calls.push(call);
    for (const wake of this.waiters.splice(0)) wake();
    let custom = this.responder(call);
    if (custom && 'hang' in custom) {
      this.hanging.add(res);
      return;
    }
    if (custom && 'answerWhen' in custom) {
      await custom.answerWhen.catch(() => undefined);
      custom = undefined;
    }
    const status = custom?.status ?? 200;
    const body = custom?.body ?? { id: call.method === 'PUT' ? call.activityId : call.createdId };
    res.writeHead(status, { 'content-type': 'application/json', ...(custom?.headers ?? {}) });
    res.end(JSON.stringify(body));
  }
}

/** A member as Teams' roster API returns it. */
export interface RosterMember {
  readonly id: string;
  readonly name: string;
  readonly aadObjectId: string;
}

/** Answers roster calls (GET …/pagedmembers) with these members, as Teams does; other calls go to `otherwise`. */
export function rosterResponder(members: readonly RosterMember[], otherwise: ConnectorResponder = () => undefined): ConnectorResponder {
  return (call) => (call.method === 'GET' && call.path.includes('/pagedmembers') ? { status: 200, body: { members } } : otherwise(call));
}
