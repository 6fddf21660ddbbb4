import { AsyncLocalStorage } from 'node:async_hooks';
import type { SendWatch } from '../core/messenger';

/** The watch of the send whose turn logic is running; the SDK passes nothing per request down to its HTTP pipeline. */
const current = new AsyncLocalStorage<SendWatch>();
/** Watched sends under way, beside the context they share: it is switched off when none is. */
let watchedSendsUnderWay = 0;

/** Runs `work` (a proactive turn) so that each HTTP request it makes tells `watch` when it leaves and when it is answered. */
export async function watchingSends<T>(watch: SendWatch | undefined, work: () => Promise<T>): Promise<T> {
  if (!watch) return work();
  watchedSendsUnderWay += 1;
  try {
    return await current.run(watch, work);
  } finally {
    watchedSendsUnderWay -= 1;
    // While enabled, Node 20 follows every promise in the process (hundreds per turn): so only while a watched send runs.
    if (watchedSendsUnderWay === 0) current.disable();
  }
}

/**
 * A Connector client pipeline policy placed last, next to the HTTP client (after token fetching): the request leaves
 * when it gets here, and is answered when the HTTP client has the response (before the SDK parses it).
 */
export const sendWatchPolicy = {
  name: 'partnerCoachSendWatch',
  async sendRequest<Request, Response>(request: Request, next: (request: Request) => Promise<Response>): Promise<Response> {
    const watch = current.getStore();
    watch?.leaving();
    try {
      return await next(request);
    } finally {
      watch?.answered();
    }
  },
};
