import type { Activity } from 'botbuilder';
import { z } from 'zod';
import { BoundedMemo } from '../core/bounded-memo';

// Only the fields the SDK or our code reads are checked; anything else Teams adds passes through untouched.
const text = z.string().nullish();
const account = z.looseObject({ id: z.string().min(1), name: text, aadObjectId: text, role: text });
const withId = z.looseObject({ id: text });
/** Parsing a URL costs more than the rest of the check; a bot hears from a handful of service URLs, so each is parsed once. */
const knownUrls = new BoundedMemo<URL | undefined>(256);

function parsedUrl(value: string): URL | undefined {
  return knownUrls.get(value, () => {
    try {
      return new URL(value);
    } catch {
      return undefined;
    }
  });
}

const httpUrl = z.string().refine((value) => ['http:', 'https:'].includes(parsedUrl(value)?.protocol ?? ''));

const activitySchema = z.looseObject({
  type: z.string().min(1),
  id: text,
  channelId: text,
  serviceUrl: httpUrl,
  locale: text,
  localTimezone: text,
  text,
  textFormat: text,
  name: text,
  replyToId: text,
  from: account,
  recipient: account,
  conversation: z.looseObject({ id: z.string().min(1), conversationType: text, tenantId: text, name: text, isGroup: z.boolean().nullish() }),
  channelData: z.looseObject({ tenant: withId.nullish(), team: withId.nullish(), eventType: text }).nullish(),
  entities: z.array(z.looseObject({ type: z.string() })).nullish(),
  membersAdded: z.array(account).nullish(),
  membersRemoved: z.array(account).nullish(),
  attachments: z.array(z.looseObject({ contentType: z.string() })).nullish(),
  value: z.record(z.string(), z.unknown()).nullish(),
});

const cardActionValue = z.looseObject({
  action: z.looseObject({ type: z.string(), verb: text, data: z.record(z.string(), z.unknown()).nullish() }),
});

export type ActivityCheck = { readonly ok: true; readonly activity: Activity } | { readonly ok: false; readonly field: string };

/** Checks the shape of a parsed body before the SDK or a turn touches it; names the first bad field. */
export function checkActivity(value: unknown): ActivityCheck {
  const parsed = activitySchema.safeParse(value);
  if (!parsed.success) return { ok: false, field: fieldOf(parsed.error.issues[0]?.path) };
  if (parsed.data.type === 'invoke' && parsed.data.name === 'adaptiveCard/action') {
    const action = cardActionValue.safeParse(parsed.data.value);
    if (!action.success) return { ok: false, field: `value.${fieldOf(action.error.issues[0]?.path)}` };
  }
  return { ok: true, activity: value as Activity };
}

/** Local mode answers only a Bot Connector on this machine (the Playground), never an address a web page chose. */
export function isLoopbackServiceUrl(serviceUrl: string): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(parsedUrl(serviceUrl)?.hostname ?? '');
}

function fieldOf(path: readonly PropertyKey[] | undefined): string {
  return path && path.length > 0 ? path.map(String).join('.') : 'body';
}
