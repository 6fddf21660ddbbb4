import type { IncomingMessage, Server } from 'node:http';
import type { Socket } from 'node:net';
import { HttpProblem } from './http-problem';

/** How long a caller may take: first the request line and headers, then the body. */
export interface RequestTimeouts {
  readonly headersMs: number;
  readonly bodyMs: number;
}

export const defaultRequestTimeouts: RequestTimeouts = Object.freeze({ headersMs: 10_000, bodyMs: 10_000 });

/** Only a server-side caller with a JSON body: a web page can send neither without the browser adding an Origin. */
export function assertServerSideJson(req: IncomingMessage): void {
  if (req.headers.origin !== undefined) throw new HttpProblem(403, 'requests from a web page are not accepted');
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') throw new HttpProblem(415, 'content type must be application/json');
}

/** Closes a connection whose request line and headers have not all arrived in time (again for each keep-alive request). */
export function enforceHeaderDeadline(server: Server, headersMs: number): void {
  const timers = new WeakMap<Socket, NodeJS.Timeout>();
  const arm = (socket: Socket): void => {
    clearTimeout(timers.get(socket));
    const timer = setTimeout(() => socket.destroy(), headersMs);
    timer.unref();
    timers.set(socket, timer);
  };
  server.on('connection', (socket: Socket) => {
    arm(socket);
    socket.once('close', () => clearTimeout(timers.get(socket)));
  });
  server.on('request', (req: IncomingMessage, res: { once(event: 'finish', listener: () => void): unknown }) => {
    clearTimeout(timers.get(req.socket));
    res.once('finish', () => {
      if (!req.socket.destroyed) arm(req.socket);
    });
  });
}
