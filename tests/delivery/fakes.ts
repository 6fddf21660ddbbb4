import pino from 'pino';
import type { CardView } from '../../src/cards/card-view';
import { SendFailure, type Destination, type Messenger } from '../../src/core/messenger';
import type { Reply } from '../../src/core/reply';
import { systemClock, type Clock } from '../../src/delivery/clock';
import type { Delivery, NewDelivery } from '../../src/delivery/delivery';
import type { DeliveryHandler, Prepared } from '../../src/delivery/delivery-handler';

/**
 * Virtual time: sleepers wake in time order, each when everything runnable has run (one macrotask later), so a
 * send happens at the virtual instant its rate-limit slot was granted. Nothing really waits.
 */
export class FakeClock implements Clock {
  readonly sleeps: number[] = [];
  private timers: Array<{ readonly at: number; readonly wake: () => void }> = [];
  private ticking = false;

  constructor(public time: number) {}

  now(): Date {
    return new Date(this.time);
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    return new Promise<void>((resolve) => {
      if (signal?.aborted) {
        resolve();
        return;
      }
      const onAbort = (): void => {
        this.timers = this.timers.filter((other) => other !== timer);
        resolve();
      };
      const timer = {
        at: this.time + Math.max(0, ms),
        wake: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      this.timers.push(timer);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.tick();
    });
  }

  advance(ms: number): void {
    this.time += ms;
  }

  private tick(): void {
    if (this.ticking) return;
    this.ticking = true;
    setImmediate(() => {
      this.ticking = false;
      const earliest = Math.min(...this.timers.map((timer) => timer.at));
      if (!Number.isFinite(earliest)) return;
      this.time = Math.max(this.time, earliest);
      const due = this.timers.filter((timer) => timer.at <= this.time);
      this.timers = this.timers.filter((timer) => timer.at > this.time);
      for (const timer of due) timer.wake();
      if (this.timers.length > 0) this.tick();
    });
  }
}

/**
 * The bot's time running `speed` times faster than real time, on real timers: for real HTTP, where a FakeClock
 * would jump its time past a request still in flight (and so past its time-out).
 */
export class FastClock implements Clock {
  private readonly realStart = performance.now();
  private readonly timers = systemClock();

  constructor(
    private readonly origin: number,
    private readonly speed: number,
  ) {}

  get time(): number {
    return this.origin + (performance.now() - this.realStart) * this.speed;
  }

  now(): Date {
    return new Date(Math.floor(this.time));
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return this.timers.sleep(ms / this.speed, signal);
  }

  /** Resolves once the bot's time reaches `at`. */
  async until(at: number): Promise<void> {
    while (this.time < at) await this.timers.sleep(Math.max(1, (at - this.time) / this.speed));
  }
}

export interface SentMessage {
  readonly destination: Destination;
  readonly replies: readonly Reply[];
  readonly at: number;
}

/** A Messenger that records what it was asked to send; `failWith` decides per call whether the send fails. */
export class RecordingMessenger implements Messenger {
  readonly sent: SentMessage[] = [];
  readonly updates: Array<{ conversationKey: string; activityId: string; view: CardView }> = [];
  calls = 0;
  failWith: (destination: Destination, call: number) => SendFailure | undefined = () => undefined;
  afterSend: (count: number) => void = () => undefined;

  constructor(private readonly clock: { now(): Date }) {}

  async send(destination: Destination, replies: readonly Reply[]): Promise<readonly string[]> {
    this.calls += 1;
    const failure = this.failWith(destination, this.calls);
    if (failure) throw failure;
    this.sent.push({ destination, replies, at: this.clock.now().getTime() });
    this.afterSend(this.sent.length);
    return replies.map((_reply, index) => `activity-${this.sent.length}-${index}`);
  }

  async updateCard(conversationKey: string, activityId: string, view: CardView): Promise<void> {
    this.updates.push({ conversationKey, activityId, view });
  }

  /** How many times each recipient got a message. */
  perRecipient(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const message of this.sent) {
      const key = 'userKey' in message.destination ? message.destination.userKey : message.destination.conversationKey;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts;
  }
}

/** A handler for kind "test" that sends the payload's text and remembers what it heard. */
export class TestHandler implements DeliveryHandler {
  readonly kind = 'test';
  readonly deliveredTo: string[] = [];
  readonly unreachableRecipients: string[] = [];
  readonly missedRecipients: string[] = [];
  cancel: (delivery: Delivery) => boolean = () => false;

  async prepare(delivery: Delivery): Promise<Prepared> {
    if (this.cancel(delivery)) return { kind: 'cancel', reason: 'answered already' };
    return { kind: 'send', replies: [{ kind: 'text', text: typeof delivery.payload.text === 'string' ? delivery.payload.text : 'hello' }] };
  }

  async delivered(delivery: Delivery): Promise<void> {
    this.deliveredTo.push(delivery.recipientKey);
  }

  async unreachable(delivery: Delivery): Promise<void> {
    this.unreachableRecipients.push(delivery.recipientKey);
  }

  async missed(delivery: Delivery): Promise<void> {
    this.missedRecipients.push(delivery.recipientKey);
  }
}

/** `count` deliveries of one occurrence, one per user, all due at `dueAt`. */
export function deliveriesFor(occurrenceKey: string, count: number, dueAt: Date, tenantId = 'tenant-a'): NewDelivery[] {
  return Array.from({ length: count }, (_unused, index) => {
    const userKey = `u_${String(index).padStart(5, '0')}`;
    return { occurrenceKey, recipientKey: userKey, kind: 'test', tenantId, destination: { userKey }, payload: { text: `${occurrenceKey} #${index}` }, dueAt };
  });
}

export const silentLogger = pino({ level: 'silent' });

/**
 * Time that moves only when the test says so, for real HTTP: a request in flight stays in flight at one instant
 * until the test moves on, so what times out is exactly what the test lets time out.
 */
export class ManualClock implements Clock {
  private timers: Array<{ readonly at: number; readonly wake: () => void }> = [];

  constructor(public time: number) {}

  now(): Date {
    return new Date(this.time);
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve) => {
      if (signal?.aborted) {
        resolve();
        return;
      }
      const timer = {
        at: this.time + Math.max(0, ms),
        wake: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = (): void => {
        this.timers = this.timers.filter((other) => other !== timer);
        resolve();
      };
      this.timers.push(timer);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Moves on by `ms`, waking the sleepers whose time came in time order, each after what the last one started has run. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      const earliest = Math.min(...this.timers.map((timer) => timer.at));
      if (!(earliest <= end)) break;
      this.time = Math.max(this.time, earliest);
      const due = this.timers.filter((timer) => timer.at <= this.time);
      this.timers = this.timers.filter((timer) => timer.at > this.time);
      for (const timer of due) timer.wake();
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.time = end;
  }

  /** Moves on in `stepMs` steps, letting real I/O run between them, until `done` holds (or `limitMs` have passed). */
  async until(done: () => boolean | Promise<boolean>, stepMs: number, limitMs: number): Promise<void> {
    const start = this.time;
    while (!(await done()) && this.time - start < limitMs) {
      await this.advance(stepMs);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }
}
