import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { ConversationReferenceRepository } from '../src/bot/conversation-references';
import { createProactiveAdapter } from '../src/bot/proactive-adapter';
import { ProactiveMessenger } from '../src/bot/proactive-messenger';
import { CardRenderer } from '../src/cards/card-renderer';
import type { Destination, Messenger, SendWatch } from '../src/core/messenger';
import { loadConfig } from '../src/config';
import { Translator } from '../src/core/translator';
import { systemClock } from '../src/delivery/clock';
import type { NewDelivery } from '../src/delivery/delivery';
import { DeliveryHandlers } from '../src/delivery/delivery-handler';
import { DeliveryWorker } from '../src/delivery/delivery-worker';
import { noticeDelivery, noticeHandler } from '../src/delivery/notice-handler';
import { openSqliteDeliveryQueue } from '../src/delivery/queue/sqlite-delivery-queue';
import { RateLimiter, SlidingWindowLog, teamsConversationWindows, teamsTenantWindows, type RateSlot } from '../src/delivery/pacing/rate-limiter';
import { openSqliteStore } from '../src/storage/sqlite/sqlite-store';

/**
 * npm run bench:fanout [-- --recipients 10000 --scale 4 --throttled 0.05 --trace]
 * 10,000 one-to-one messages through the real worker, Messenger and Bot Framework client to a loopback Bot Connector
 * that enforces the per-tenant limit (Teams' 50/s times `scale`, same sliding-window algorithm) and answers a share of
 * sends with 429 + Retry-After. Prints the achieved rate against that ceiling, lost, duplicated and delay from due time;
 * --trace adds where the time between sends goes (timer, SDK, wire, answer) and the accepted sends of the first and last seconds.
 */
const args = new Map(process.argv.slice(2).flatMap((arg, index, all) => (arg.startsWith('--') ? [[arg.slice(2), all[index + 1] ?? '']] : [])));
const recipients = Number(args.get('recipients') ?? 10_000);
const scale = Number(args.get('scale') ?? 4);
const throttledShare = Number(args.get('throttled') ?? 0.05);
const ceiling = 50 * scale;
const tenantId = 'bench-tenant';

interface Accepted {
  readonly at: number;
  readonly conversationId: string;
}

/** --trace: when each attempt was reserved, given to the SDK, left, arrived and was answered, to see where time goes. */
interface Attempt {
  reservedAt?: number;
  sendingAt?: number;
  leftAt?: number;
  arrivedAt?: number;
  answeredAt?: number;
}
const trace = args.has('trace');
const attempts = new Map<string, Attempt[]>();
const attemptOf = (index: string, field: keyof Attempt, at: number): void => {
  const list = attempts.get(index) ?? [];
  attempts.set(index, list);
  const open = list.find((attempt) => attempt[field] === undefined) ?? {};
  if (!list.includes(open)) list.push(open);
  open[field] = at;
};

/** The Bot Connector stand-in: 429 for a random share and for anything over the tenant window, 200 otherwise. */
async function startConnector(): Promise<{ url: string; accepted: Accepted[]; requests: { total: number; injected429: number; limit429: number }; stop(): Promise<void> }> {
  const window = new SlidingWindowLog(teamsTenantWindows(ceiling));
  const accepted: Accepted[] = [];
  const requests = { total: 0, injected429: 0, limit429: 0 };
  let seed = 42;
  const random = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.on('end', () => {
      const conversationId = decodeURIComponent(/\/v3\/conversations\/([^/]+)/.exec(req.url ?? '')?.[1] ?? '');
      const now = Date.now();
      if (trace) attemptOf(conversationId.replace('a:personal-', ''), 'arrivedAt', now);
      requests.total += 1;
      const answer = (status: number, headers: Record<string, string> = {}, body: unknown = {}): void => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
      };
      if (random() < throttledShare) {
        requests.injected429 += 1;
        answer(429, { 'retry-after': '1' });
        return;
      }
      const waitMs = window.delayAt(now);
      if (waitMs > 0) {
        requests.limit429 += 1;
        answer(429, { 'retry-after': String(Math.ceil(waitMs / 1000)) });
        return;
      }
      window.record(now);
      accepted.push({ at: now, conversationId });
      answer(200, {}, { id: `activity-${accepted.length}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, accepted, requests, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Sends whose reserved slot no longer fitted when due (answers came later than planned), so they took another. */
const refits = { count: 0 };

class TracedLimiter extends RateLimiter {
  override sending(slot: RateSlot, now: number): boolean {
    const reservedAt = slot.at;
    const fits = super.sending(slot, now);
    const index = slot.conversation.replace('personal:u_', '');
    if (fits) {
      attemptOf(index, 'reservedAt', reservedAt);
      attemptOf(index, 'sendingAt', now);
    } else {
      refits.count += 1;
    }
    return fits;
  }
}

function traced(messenger: Messenger): Messenger {
  if (!trace) return messenger;
  const watched = (destination: Destination, watch: SendWatch | undefined): SendWatch | undefined => {
    const index = 'userKey' in destination ? destination.userKey.replace('u_', '') : '';
    return watch && {
      leaving: () => {
        attemptOf(index, 'leftAt', Date.now());
        return watch.leaving();
      },
      answered: () => {
        attemptOf(index, 'answeredAt', Date.now());
        watch.answered();
      },
    };
  };
  return {
    send: (destination, replies, watch) => messenger.send(destination, replies, watched(destination, watch)),
    updateCard: (conversationKey, activityId, view, watch) => messenger.updateCard(conversationKey, activityId, view, watch),
  };
}

function printTrace(accepted: readonly Accepted[]): void {
  const times = accepted.map((entry) => entry.at).sort((a, b) => a - b);
  const first = times[0] ?? 0;
  const last = times.at(-1) ?? 0;
  const buckets = (from: number): string => Array.from({ length: 12 }, (_unused, index) => times.filter((at) => at >= from + index * 250 && at < from + (index + 1) * 250).length).join(' ');
  console.log(`  trace accepted per 250 ms, first 3 s: ${buckets(first)}`);
  console.log(`  trace accepted per 250 ms, last 3 s:  ${buckets(last - 2_999)}`);
  console.log(`  trace slots that no longer fitted when due: ${refits.count}`);
  const all = [...attempts.values()].flat();
  const spans: Array<[string, (attempt: Attempt) => number | undefined]> = [
    ['timer lateness (sending - reserved)', (a) => (a.sendingAt !== undefined && a.reservedAt !== undefined ? a.sendingAt - a.reservedAt : undefined)],
    ['SDK hand-off (left - sending)', (a) => (a.leftAt !== undefined && a.sendingAt !== undefined ? a.leftAt - a.sendingAt : undefined)],
    ['to the Connector (arrived - left)', (a) => (a.arrivedAt !== undefined && a.leftAt !== undefined ? a.arrivedAt - a.leftAt : undefined)],
    ['answer back (answered - arrived)', (a) => (a.answeredAt !== undefined && a.arrivedAt !== undefined ? a.answeredAt - a.arrivedAt : undefined)],
    ['slot held past arrival (answered - sending)', (a) => (a.answeredAt !== undefined && a.sendingAt !== undefined ? a.answeredAt - a.sendingAt : undefined)],
  ];
  for (const [name, span] of spans) {
    const values = all.map(span).filter((value): value is number => value !== undefined).sort((a, b) => a - b);
    const mean = values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
    console.log(`  trace ${name.padEnd(44)} n ${values.length} mean ${mean.toFixed(1)} p50 ${percentile(values, 0.5)} p90 ${percentile(values, 0.9)} p99 ${percentile(values, 0.99)} ms`);
  }
}

const percentile = (sorted: readonly number[], share: number): number => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;

async function main(): Promise<void> {
  const folder = mkdtempSync(path.join(tmpdir(), 'partner-coach-bench-'));
  const root = path.resolve(__dirname, '..');
  const connector = await startConnector();
  const store = await openSqliteStore(path.join(folder, 'bench.db'));
  const queue = await openSqliteDeliveryQueue(path.join(folder, 'bench.db'));
  try {
    const references = new ConversationReferenceRepository(store);
    for (let index = 0; index < recipients; index += 1) {
      const userKey = `u_${index}`;
      await references.remember(`c_${index}`, userKey, {
        kind: 'personal',
        tenantId,
        reference: {
          serviceUrl: connector.url, channelId: 'msteams', bot: { id: '28:bench-bot', name: 'Partner Coach' }, user: { id: `29:${index}`, name: `Person ${index}` },
          conversation: { id: `a:personal-${index}`, tenantId, conversationType: 'personal', isGroup: false, name: '' },
        },
      });
    }
    const dueAt = new Date();
    const deliveries: NewDelivery[] = Array.from({ length: recipients }, (_unused, index) =>
      noticeDelivery({ occurrenceKey: 'bench:fan-out', recipientKey: `u_${index}`, tenantId, destination: { userKey: `u_${index}` }, dueAt, notice: { key: 'reminders.nudge.title', params: {}, locale: 'en' } }),
    );
    await queue.enqueue(deliveries);
    const worker = new DeliveryWorker({
      queue,
      messenger: traced(new ProactiveMessenger({ adapter: createProactiveAdapter(loadConfig({})), references, renderer: CardRenderer.load(path.join(root, 'cards'), []), botAppId: '', allowedTenantIds: [] })),
      handlers: new DeliveryHandlers([noticeHandler(Translator.load(path.join(root, 'content', 'locales')))]),
      limiter: trace ? new TracedLimiter(teamsConversationWindows, teamsTenantWindows(ceiling)) : new RateLimiter(teamsConversationWindows, teamsTenantWindows(ceiling)),
      clock: systemClock(),
      logger: pino({ level: 'silent' }),
      // Four times the default concurrency for four times Teams' tenant rate.
      options: { concurrency: 32 * scale, pollMs: 100, graceMs: 3_600_000 },
    });
    const started = Date.now();
    worker.start();
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const counts = await queue.counts('bench:');
      if ((counts.sent ?? 0) + (counts.failed ?? 0) + (counts.unreachable ?? 0) >= recipients) break;
      if (Date.now() - started > 10 * 60_000) throw new Error('the fan-out did not finish within 10 minutes');
    }
    await worker.stop();
    report(connector.accepted, connector.requests, dueAt.getTime(), await queue.counts('bench:'));
    if (trace) printTrace(connector.accepted);
  } finally {
    await queue.close();
    await store.close();
    await connector.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

function report(accepted: readonly Accepted[], requests: { total: number; injected429: number; limit429: number }, dueAt: number, counts: object): void {
  const perConversation = new Map<string, number>();
  for (const { conversationId } of accepted) perConversation.set(conversationId, (perConversation.get(conversationId) ?? 0) + 1);
  const lost = recipients - perConversation.size;
  const duplicated = [...perConversation.values()].filter((times) => times > 1).length;
  const times = accepted.map((entry) => entry.at).sort((a, b) => a - b);
  const first = times[0] ?? 0;
  const last = times.at(-1) ?? 0;
  const seconds = Math.max(0.001, (last - first) / 1000);
  // n sends fit in (n - 1) / rate seconds at exactly the ceiling, so the rate is measured over the gaps.
  const rate = (accepted.length - 1) / seconds;
  const tenth = times[Math.floor(times.length * 0.1)] ?? first;
  const ninetieth = times[Math.floor(times.length * 0.9)] ?? last;
  const steadyRate = (Math.floor(times.length * 0.9) - Math.floor(times.length * 0.1)) / Math.max(0.001, (ninetieth - tenth) / 1000);
  const delays = times.map((at) => at - dueAt).sort((a, b) => a - b);
  console.log(`fan-out to ${recipients} recipients, tenant ceiling ${ceiling}/s (Teams 50/s x${scale}), ${Math.round(throttledShare * 100)}% of sends answered 429 + Retry-After`);
  console.log(`  duration            ${seconds.toFixed(1)} s from first to last accepted send`);
  console.log(`  achieved rate       ${rate.toFixed(1)}/s of ${ceiling}/s ceiling = ${((rate / ceiling) * 100).toFixed(1)}% (first to last accepted send)`);
  console.log(`  steady rate         ${steadyRate.toFixed(1)}/s = ${((steadyRate / ceiling) * 100).toFixed(1)}% (10th to 90th percentile; the tail waits out the last Retry-After)`);
  const lastSecond = times.filter((at) => at > last - 1_000).length;
  console.log(`  last second         ${lastSecond} accepted sends (the ceiling allows ${ceiling})`);
  console.log(`  requests            ${requests.total} (${requests.injected429} injected 429, ${requests.limit429} 429 for exceeding the window)`);
  console.log(`  lost                ${lost}`);
  console.log(`  duplicated          ${duplicated}`);
  console.log(`  delay from due      p50 ${(percentile(delays, 0.5) / 1000).toFixed(1)} s, p99 ${(percentile(delays, 0.99) / 1000).toFixed(1)} s (a ${recipients}-message fan-out at ${ceiling}/s needs ${(recipients / ceiling).toFixed(0)} s)`);
  console.log(`  queue               ${JSON.stringify(counts)}`);
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
