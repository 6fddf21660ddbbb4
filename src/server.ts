import type { Activity, TurnContext } from 'botbuilder';
import './http/legacy-http-parser';
import restify from 'restify';
import { InboundAuthenticationError, type PartnerCoachAdapter } from './bot/adapter';
import { checkActivity, isLoopbackServiceUrl } from './bot/inbound-activity';
import { CallerWentAwayError, HttpProblem } from './http/http-problem';
import { readBody } from './http/request-body';
import { assertServerSideJson, defaultRequestTimeouts, enforceHeaderDeadline, type RequestTimeouts } from './http/request-guards';
import type { Logger } from './logger';
import { StorageLostError } from './storage/store';

export interface ServerDependencies {
  readonly adapter: PartnerCoachAdapter;
  readonly logic: (context: TurnContext) => Promise<void>;
  /** Resolves when storage takes a write. */
  readonly ready: () => Promise<void>;
  readonly logger: Logger;
  readonly maxBodyBytes: number;
  /** Local mode (no inbound authentication): replies go only to a Bot Connector on this machine. */
  readonly localMode: boolean;
  readonly timeouts?: RequestTimeouts;
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

/** restify with /api/messages, /healthz and /readyz; every error answered without internal text. */
export function createServer(deps: ServerDependencies): restify.Server {
  const server = restify.createServer({ name: 'partner-coach', handleUncaughtExceptions: false });
  const timeouts = deps.timeouts ?? defaultRequestTimeouts;
  enforceHeaderDeadline(server.server, timeouts.headersMs);
  const jsonBody = (req: restify.Request): Promise<string> => {
    assertServerSideJson(req);
    return readBody(req, { maxBytes: deps.maxBodyBytes, deadlineMs: timeouts.bodyMs });
  };

  server.get('/healthz', (_req, res, next) => {
    res.json(200, { status: 'alive' });
    next();
  });

  server.get('/readyz', async (_req, res) => {
    try {
      await deps.ready();
      res.json(200, { status: 'ready' });
    } catch (error) {
      // A database file that vanished or was replaced means data is being lost: loud, whoever is watching.
      if (error instanceof StorageLostError) deps.logger.error({ reason: error.message }, 'STORAGE LOST: readiness check failed');
      else deps.logger.warn({ err: error }, 'readiness check failed');
      res.json(503, { status: 'storage unavailable' });
    }
  });

  server.post('/api/messages', async (req, res) => {
    try {
      const activity = parseActivity(await jsonBody(req), deps.localMode);
      const invokeResponse = await deps.adapter.handle(req.header('authorization') ?? '', activity, deps.logic);
      if (invokeResponse?.body === undefined) res.send(invokeResponse?.status ?? 200);
      else res.json(invokeResponse.status, invokeResponse.body);
    } catch (error) {
      answerFailure(deps.logger, req, res, error);
    }
  });

  const advanceClock = deps.advanceClock;
  if (advanceClock) {
    server.post('/test/clock', async (req, res) => {
      try {
        const minutes = clockAdvanceOf(await jsonBody(req));
        res.json(200, { now: (await advanceClock(minutes)).toISOString() });
      } catch (error) {
        answerFailure(deps.logger, req, res, error);
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

function parseActivity(body: string, localMode: boolean): Activity {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new HttpProblem(400, 'request body is not valid JSON');
  }
  const checked = checkActivity(parsed);
  if (!checked.ok) throw new HttpProblem(400, `request body is not a Bot Framework activity (${checked.field})`);
  if (localMode && !isLoopbackServiceUrl(checked.activity.serviceUrl)) {
    throw new HttpProblem(403, 'in local mode the serviceUrl must be on this machine (127.0.0.1, localhost or [::1])');
  }
  return checked.activity;
}

/** The request's one error boundary: callers' mistakes at info without a stack, only our own failures as errors. */
function answerFailure(logger: Logger, req: restify.Request, res: restify.Response, error: unknown): void {
  if (error instanceof CallerWentAwayError) {
    logger.info({ path: req.path() }, 'the caller went away before the request arrived');
    return;
  }
  if (error instanceof InboundAuthenticationError) {
    if (error.keysUnavailable) logger.warn({ reason: error.reason }, 'inbound token refused: the signing keys could not be loaded');
    else logger.info({ status: 401, reason: error.reason }, 'request refused');
    res.json(401, { error: 'unauthorized' });
    return;
  }
  if (error instanceof HttpProblem) {
    logger.info({ status: error.status, reason: error.publicMessage }, 'request refused');
    if (error.closeConnection) res.setHeader('connection', 'close');
    res.json(error.status, { error: error.publicMessage });
    return;
  }
  logger.error({ err: error, path: req.path() }, 'request failed');
  res.json(500, { error: 'the bot could not process this activity' });
}
