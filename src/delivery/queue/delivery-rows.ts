import type { Destination } from '../../core/messenger';
import type { Delivery, DeliveryStatus, NewDelivery } from '../delivery';

/** A deliveries row as either driver returns it: times as epoch ms (SQLite) or Date (PostgreSQL), JSON as text or parsed. */
export interface DeliveryRow {
  id: string;
  occurrence_key: string;
  recipient_key: string;
  kind: string;
  tenant_id: string;
  destination: unknown;
  payload: unknown;
  status: string;
  due_at: number | Date;
  next_attempt_at: number | Date;
  lease_token: string | null;
  attempts: number;
  claims: number;
  activity_ids: unknown;
  last_error: string | null;
  completed_at: number | Date | null;
}

const json = <T>(value: unknown): T => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T));
const instant = (value: number | Date): Date => (value instanceof Date ? value : new Date(Number(value)));

export function toDelivery(row: DeliveryRow): Delivery {
  return {
    id: row.id,
    occurrenceKey: row.occurrence_key,
    recipientKey: row.recipient_key,
    kind: row.kind,
    tenantId: row.tenant_id,
    destination: json<Destination>(row.destination),
    payload: json<Record<string, unknown>>(row.payload),
    status: row.status as DeliveryStatus,
    dueAt: instant(row.due_at),
    nextAttemptAt: instant(row.next_attempt_at),
    leaseToken: row.lease_token ?? undefined,
    attempts: row.attempts,
    claims: row.claims,
    activityIds: json<string[]>(row.activity_ids),
    lastError: row.last_error ?? undefined,
    completedAt: row.completed_at === null ? undefined : instant(row.completed_at),
  };
}

/** Error text kept on a row: short, and never the message body. */
export function errorText(error: string | undefined): string | null {
  return error === undefined ? null : error.slice(0, 300);
}

export function checkNewDelivery(delivery: NewDelivery): void {
  if (!delivery.occurrenceKey || !delivery.recipientKey || !delivery.kind) {
    throw new TypeError('a delivery needs an occurrence key, a recipient key and a kind');
  }
  if (Number.isNaN(delivery.dueAt.getTime())) throw new TypeError(`delivery ${delivery.occurrenceKey} has no valid due time`);
}
