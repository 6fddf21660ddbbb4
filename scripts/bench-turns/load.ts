import { Agent, request } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';

/** The answer to one POST: its status and body text. */
export interface Answer {
  readonly status: number;
  readonly text: string;
}

/** A keep-alive HTTP client with a fixed number of connections, as the Bot Connector keeps to a bot. */
export class Client {
  private readonly agent: Agent;

  constructor(connections: number) {
    // Idle connections are dropped here after 2 s, before the bots' 5 s keep-alive limit can close one as a request goes out on it.
    this.agent = new Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections, timeout: 2000 });
  }

  post(url: string, body: unknown): Promise<Answer> {
    const payload = Buffer.from(JSON.stringify(body));
    return new Promise<Answer>((resolve, reject) => {
      const req = request(url, { method: 'POST', agent: this.agent, headers: { 'content-type': 'application/json', 'content-length': payload.length } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** One turn to send: the request, and a check of its answer (throws when the bot did not do the turn's work). */
export type SendTurn = () => Promise<Answer>;

export interface SaturationResult {
  readonly turns: number;
  readonly seconds: number;
  readonly failures: number;
  /** What the first failed turn got back (status and text, or the connection error). */
  readonly firstFailure?: string;
}

const failed = (error: unknown): Answer => ({ status: 0, text: error instanceof Error ? error.message : String(error) });
const describeFailure = (answer: Answer): string => `${answer.status} ${answer.text.slice(0, 160)}`;

/** Closed loop: `workers` senders, each sending its next turn as soon as the last one is answered. */
export async function saturate(turns: number, workers: number, send: SendTurn): Promise<SaturationResult> {
  let started = 0;
  let failures = 0;
  let firstFailure: string | undefined;
  const begin = process.hrtime.bigint();
  const worker = async (): Promise<void> => {
    while (started < turns) {
      started += 1;
      const answer = await send().catch(failed);
      if (answer.status !== 200) {
        failures += 1;
        firstFailure ??= describeFailure(answer);
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  return { turns, seconds: Number(process.hrtime.bigint() - begin) / 1e9, failures, firstFailure };
}

export interface OpenLoopResult {
  /** Milliseconds from each turn's scheduled arrival to its answer, sorted. */
  readonly latencies: readonly number[];
  readonly failures: number;
  readonly firstFailure?: string;
}

/**
 * Open loop: turn i arrives at start + i / rate whatever the bot is doing, and its latency counts from that moment,
 * so a slow answer that delays later sends (a full connection pool, a late timer) is charged to the bot, not hidden.
 */
export async function openLoop(rate: number, seconds: number, send: SendTurn): Promise<OpenLoopResult> {
  const count = Math.max(1, Math.round(rate * seconds));
  const intervalMs = 1000 / rate;
  const latencies: number[] = [];
  let failures = 0;
  let firstFailure: string | undefined;
  const start = performance.now() + 5;
  const pending: Array<Promise<void>> = [];
  for (let index = 0; index < count; index += 1) {
    const due = start + index * intervalMs;
    const wait = due - performance.now();
    if (wait > 1) await delay(wait);
    pending.push(
      send()
        .catch(failed)
        .then((answer) => {
          latencies.push(performance.now() - due);
          if (answer.status !== 200) {
            failures += 1;
            firstFailure ??= describeFailure(answer);
          }
        }),
    );
  }
  await Promise.all(pending);
  return { latencies: latencies.sort((a, b) => a - b), failures, firstFailure };
}

/** The value below which `share` of the sorted samples fall (nearest rank). */
export function percentile(sorted: readonly number[], share: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))] ?? Number.NaN;
}
