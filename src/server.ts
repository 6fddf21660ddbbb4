import { AuthenticationError } from 'botframework-connector';
import type { Activity, TurnContext } from 'botbuilder';
import restify from 'restify';
import type { PartnerCoachAdapter } from './bot/adapter';
import type { Logger } from './logger';

export interface ServerDependencies {
  readonly adapter: PartnerCoachAdapter;
  readonly logic: (context: TurnContext) => Promise<void>;
  /** Resolves when storage answers. */
  readonly ready: () => Promise<void>;
  readonly logger: Logger;
  readonly maxBodyBytes: number;
  /** TEST_MODE only: moves the app's clock forward by some minutes and returns the new time. */
  readonly advanceClock?: (minutes: number) => Promise<Date>;
}

/** A year at most: enough for any recurrence test, small enough to catch a unit mistake. */
const maxClockAdvanceMinutes = 400 * 24 * 60;

export interface RunningServer {
  readonly port: number;
  readonly url: string;
  close(): Promise<void>;
}

class HttpProblem extends Error {
  constructor(readonly status: number, readonly publicMessage: string) {
    super(publicMessage);
  }
}

/** restify with /api/messages, /healthz and /readyz; every error answered without internal text. */
export function createServer(deps: ServerDependencies): restify.Server {
  const server = restify.createServer({ name: 'partner-coach', handleUncaughtExceptions: false });

  server.get('/healthz', (_req, res, next) => {
    res.json(200, { status: 'alive' });
    next();
  });

  server.get('/readyz', async (_req, res) => {
    try {
      await deps.ready();
      res.json(200, { status: 'ready' });
    } catch (error) {
      deps.logger.warn({ err: error }, 'readiness check failed');
      res.json(503, { status: 'storage unavailable' });
    }
  });

  server.post('/api/messages', async (req, res) => {
    try {
      const activity = parseActivity(await readBody(req, deps.maxBodyBytes));
      const authHeader = req.header('authorization') ?? '';
      const invokeResponse = await deps.adapter.handle(authHeader, activity, deps.logic);
      if (invokeResponse?.body === undefined) res.send(invokeResponse?.status ?? 200);
      else res.json(invokeResponse.status, invokeResponse.body);
    } catch (error) {
      const problem = toHttpProblem(error);
      if (problem.status >= 500) deps.logger.error({ err: error, path: req.path() }, 'request failed');
      else deps.logger.info({ status: problem.status, reason: problem.publicMessage }, 'request refused');
      res.json(problem.status, { error: problem.publicMessage });
    }
  });

  const advanceClock = deps.advanceClock;
  if (advanceClock) {
    server.post('/test/clock', async (req, res) => {
      try {
        const minutes = clockAdvanceOf(await readBody(req, deps.maxBodyBytes));
        res.json(200, { now: (await advanceClock(minutes)).toISOString() });
      } catch (error) {
        const problem = toHttpProblem(error);
        res.json(problem.status, { error: problem.publicMessage });
      }
    });
  }

  return server;
}

function clockAdvanceOf(body: string): number {
  let minutes = Number.NaN;
  try {
    minutes = Number((JSON.parse(body || '{}') as { advanceMinutes?: unknown }).advanceMinutes);
  } catch {
    // Answered as a bad request below.
  }
  if (!Number.isFinite(minutes) || minutes < 0 || minutes > maxClockAdvanceMinutes) {
    throw new HttpProblem(400, 'advanceMinutes must be a number of minutes from 0 to about a year');
  }
  return minutes;
}

/** Starts listening and returns a handle that closes gracefully (in-flight requests finish first). */
export async function listen(server: restify.Server, port: number, host: string): Promise<RunningServer> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as { port: number };
  return {
    port: address.port,
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
      }),
  };
}

async function readBody(req: restify.Request, limit: number): Promise<string> {
  const declared = Number(req.header('content-length') ?? '0');
  if (declared > limit) throw new HttpProblem(413, `request body larger than ${limit} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new HttpProblem(413, `request body larger than ${limit} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseActivity(body: string): Activity {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new HttpProblem(400, 'request body is not valid JSON');
  }
  if (!isActivityShape(parsed)) throw new HttpProblem(400, 'request body is not a Bot Framework activity');
  return parsed as unknown as Activity;
}

function isActivityShape(value: unknown): value is Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const candidate = value as Record<string, unknown>;
  const conversation = candidate.conversation as Record<string, unknown> | undefined;
  const from = candidate.from as Record<string, unknown> | undefined;
  return (
    typeof candidate.type === 'string' &&
    typeof candidate.serviceUrl === 'string' &&
    typeof conversation?.id === 'string' &&
    typeof from?.id === 'string'
  );
}

function toHttpProblem(error: unknown): HttpProblem {
  if (error instanceof HttpProblem) return error;
  if (error instanceof AuthenticationError) return new HttpProblem(401, 'unauthorized');
  return new HttpProblem(500, 'the bot could not process this activity');
}
