import type restify from 'restify';
import type { ShiftableClock } from '../delivery/clock';
import type { Logger } from '../logger';

const maxAdvanceMs = 400 * 24 * 3_600_000;

/**
 * POST /test/clock {"advanceMinutes": n}: moves the app's clock forward, then runs `afterAdvance` (planning).
 * Only registered in TEST_MODE, which config allows only in local mode (bound to 127.0.0.1, no app id).
 */
export function addTestClockRoute(server: restify.Server, clock: ShiftableClock, afterAdvance: () => Promise<unknown>, logger: Logger): void {
  server.post('/test/clock', async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
    let minutes = Number.NaN;
    try {
      minutes = Number((JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { advanceMinutes?: unknown }).advanceMinutes);
    } catch {
      // Answered as a bad request below.
    }
    if (!Number.isFinite(minutes) || minutes < 0 || minutes * 60_000 > maxAdvanceMs) {
      res.json(400, { error: 'advanceMinutes must be a number of minutes from 0 to about a year' });
      return;
    }
    clock.advance(minutes * 60_000);
    try {
      await afterAdvance();
    } catch (error) {
      logger.error({ err: error }, 'planning after a test clock advance failed');
    }
    logger.warn({ advanceMinutes: minutes, now: clock().toISOString() }, 'TEST MODE: the clock was moved forward');
    res.json(200, { now: clock().toISOString() });
  });
}
