import type { IncomingMessage } from 'node:http';
import { CallerWentAwayError, HttpProblem } from './http-problem';

export interface BodyLimits {
  readonly maxBytes: number;
  /** From the end of the headers to the last byte of the body. */
  readonly deadlineMs: number;
}

/** Reads a whole request body within a size and a time limit; a caller that leaves is told apart from a failure. */
export function readBody(req: IncomingMessage, { maxBytes, deadlineMs }: BodyLimits): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > maxBytes) return Promise.reject(new HttpProblem(413, `request body larger than ${maxBytes} bytes`, true));
  return new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (outcome: () => void): void => {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('error', onGone).off('close', onGone);
      outcome();
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > maxBytes) finish(() => reject(new HttpProblem(413, `request body larger than ${maxBytes} bytes`, true)));
      else chunks.push(chunk);
    };
    const onEnd = (): void => finish(() => resolve(Buffer.concat(chunks).toString('utf8')));
    const onGone = (): void => finish(() => reject(new CallerWentAwayError()));
    const timer = setTimeout(() => finish(() => reject(new HttpProblem(408, 'request body not received in time', true))), deadlineMs);
    req.on('data', onData).on('end', onEnd).on('error', onGone).on('close', onGone);
  });
}
