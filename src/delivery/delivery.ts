import type { Destination } from '../core/messenger';
import type { TenantBudget } from './pacing/tenant-budget';

/** Where a delivery stands. `sending` is claimed under a lease; the last four are final. */
export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'missed' | 'unreachable' | 'failed' | 'cancelled';
export type FinalStatus = Exclude<DeliveryStatus, 'pending' | 'sending' | 'sent'>;

/** One message for one recipient of one occurrence; (occurrenceKey, recipientKey) is unique, so planning twice adds nothing. */
export interface NewDelivery {
  /** e.g. "checkin:<schedule>:2026-03-09"; groups the deliveries of one occurrence. */
  readonly occurrenceKey: string;
  /** Our own user or conversation key. */
  readonly recipientKey: string;
  /** Names the handler that renders and follows up this delivery. */
  readonly kind: string;
  readonly tenantId: string;
  readonly destination: Destination;
  /** Ids the handler needs to render the message at send time; never personal text. */
  readonly payload: Readonly<Record<string, unknown>>;
  readonly dueAt: Date;
  /** `missed` records an occurrence that fell outside the grace window while the bot was down. */
  readonly status?: 'pending' | 'missed';
}

export interface Delivery extends Omit<NewDelivery, 'status'> {
  readonly id: string;
  readonly status: DeliveryStatus;
  /** Send attempts that got an answer (success or failure); waits for a rate-limit slot do not count. */
  readonly attempts: number;
  /** How often a worker claimed it; more claims than attempts means a worker stopped mid-send (in doubt). */
  readonly claims: number;
  readonly nextAttemptAt: Date;
  /** Set while claimed: proves the claim is still this worker's when it records the result. */
  readonly leaseToken: string | undefined;
  readonly activityIds: readonly string[];
  readonly lastError: string | undefined;
  readonly completedAt: Date | undefined;
}

/** Counts by status, for an occurrence or the whole queue. */
export type StatusCounts = Readonly<Partial<Record<DeliveryStatus, number>>>;

/** The durable delivery queue: a real table with a lease per claimed row (SQLite or PostgreSQL). */
export interface DeliveryQueue {
  /** Inserts the deliveries that do not exist yet; returns how many were new. */
  enqueue(deliveries: readonly NewDelivery[]): Promise<number>;
  /** Takes up to `limit` due deliveries (or ones whose lease ran out) for this worker until now + leaseMs. */
  claim(now: Date, limit: number, leaseMs: number): Promise<Delivery[]>;
  /** Records a send; false when the lease was lost (another worker has it now). */
  markSent(claimed: Delivery, now: Date, activityIds: readonly string[]): Promise<boolean>;
  /** Puts a claimed delivery back for later; `countAttempt` false for a wait that was not a send. */
  retryLater(claimed: Delivery, at: Date, error: string | undefined, countAttempt: boolean): Promise<boolean>;
  finish(claimed: Delivery, status: FinalStatus, now: Date, error?: string): Promise<boolean>;
  /** Cancels the deliveries of an occurrence that are still waiting (a schedule deleted, a person who opted out). */
  cancelPending(occurrenceKey: string, recipientKey?: string): Promise<number>;
  forOccurrence(occurrenceKey: string): Promise<Delivery[]>;
  find(occurrenceKey: string, recipientKey: string): Promise<Delivery | undefined>;
  counts(occurrencePrefix?: string): Promise<StatusCounts>;
  /**
   * Deletes every delivery to this recipient, or whose occurrence key holds their key, or whose destination or payload
   * holds one of `mentions` (JSON strings such as a name in a notice); for "delete my data". Returns how many.
   */
  forget(recipientKey: string, mentions: readonly string[]): Promise<number>;
  /** Deletes finished deliveries completed before `before`; returns how many. */
  purgeFinished(before: Date): Promise<number>;
  /** The per-tenant budget shared with every instance on this database, where several can run (PostgreSQL). */
  sharedTenantBudget?(perSecond: number): TenantBudget;
  close(): Promise<void>;
}
