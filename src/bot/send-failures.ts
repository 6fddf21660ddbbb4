import { SendFailure } from '../core/messenger';

interface HttpErrorShape {
  readonly statusCode?: number;
  readonly response?: { readonly headers?: { get?(name: string): string | undefined } | Record<string, string | undefined> };
}

/** Connector errors as the core understands them: 403/404 permanent, 429 throttled (with Retry-After), 412/5xx transient. */
export function toSendFailure(error: unknown, now: () => number = Date.now): SendFailure {
  if (error instanceof SendFailure) return error;
  const shape = (error ?? {}) as HttpErrorShape;
  const status = typeof shape.statusCode === 'number' ? shape.statusCode : undefined;
  if (status === 403 || status === 404) return new SendFailure('unreachable', status);
  if (status === 429) return new SendFailure('throttled', status, retryAfterMs(headerOf(shape, 'retry-after'), now));
  // 412, 502, 503, 504, other server errors and network failures (no status) are worth another try.
  return new SendFailure('transient', status, status === 503 ? retryAfterMs(headerOf(shape, 'retry-after'), now) : undefined);
}

/** Retry-After in seconds ("2") or as an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(value: string | undefined, now: () => number = Date.now): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds * 1000));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now());
}

function headerOf(shape: HttpErrorShape, name: string): string | undefined {
  const headers = shape.response?.headers;
  if (!headers) return undefined;
  if (typeof headers.get === 'function') return headers.get(name) ?? undefined;
  const record = headers as Record<string, string | undefined>;
  return record[name] ?? record[name.toLowerCase()];
}
