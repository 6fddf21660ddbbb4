import type { Activity } from 'botbuilder';
import type { UploadInfo } from './loopback-upload';

/** Ids shared by the builders; override per test. */
export const testTenantId = '11111111-2222-3333-4444-555555555555';
export const botId = '28:partner-coach-bot';

export interface ActivityOptions {
  readonly serviceUrl: string;
  readonly userId?: string;
  readonly aadObjectId?: string;
  readonly userName?: string;
  readonly conversationId?: string;
  readonly conversationType?: 'personal' | 'groupChat' | 'channel';
  readonly tenantId?: string;
  readonly locale?: string;
  readonly timeZone?: string;
}

let counter = 0;

/** A Teams activity as the Bot Connector posts it, with sensible defaults for a learner in personal chat. */
export function teamsActivity(options: ActivityOptions, fields: Partial<Activity>): Activity {
  counter += 1;
  const tenantId = options.tenantId ?? testTenantId;
  const aadObjectId = options.aadObjectId ?? 'aad-learner-1';
  return {
    id: `incoming-${counter}`,
    channelId: 'msteams',
    serviceUrl: options.serviceUrl,
    timestamp: new Date(),
    locale: options.locale ?? 'en-US',
    localTimezone: options.timeZone ?? 'Europe/Stockholm',
    from: { id: options.userId ?? `29:${aadObjectId}`, aadObjectId, name: options.userName ?? 'Alex Berg' },
    recipient: { id: botId, name: 'Partner Coach' },
    conversation: {
      id: options.conversationId ?? `a:personal-${aadObjectId}`,
      conversationType: options.conversationType ?? 'personal',
      tenantId,
      isGroup: (options.conversationType ?? 'personal') !== 'personal',
      name: '',
    },
    channelData: { tenant: { id: tenantId } },
    entities: [{ type: 'clientInfo', locale: options.locale ?? 'en-US', timezone: options.timeZone ?? 'Europe/Stockholm' }],
    ...fields,
  } as Activity;
}

export const messageActivity = (options: ActivityOptions, text: string, extra: Partial<Activity> = {}): Activity =>
  teamsActivity(options, { type: 'message', text, ...extra });

export const installActivity = (options: ActivityOptions): Activity =>
  teamsActivity(options, {
    type: 'conversationUpdate',
    membersAdded: [{ id: botId, name: 'Partner Coach' }],
  });

/** An Action.Execute press, as Teams sends it: an adaptiveCard/action invoke. */
export const executeActivity = (options: ActivityOptions, verb: string, data: Record<string, unknown> = {}, replyToId = 'card-1'): Activity =>
  teamsActivity(options, {
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId,
    value: { action: { type: 'Action.Execute', verb, data: { verb, ...data } }, trigger: 'manual' },
  });

/** A plain Action.Submit press: a message whose value carries the data. */
export const submitActivity = (options: ActivityOptions, verb: string, data: Record<string, unknown> = {}, replyToId = 'card-1'): Activity =>
  teamsActivity(options, { type: 'message', replyToId, value: { verb, ...data } });

/** A press on a file consent card, as Teams sends it: a fileConsent/invoke with the card's context and, on Allow, where to upload. */
export const fileConsentActivity = (options: ActivityOptions, action: 'accept' | 'decline', context: unknown, uploadInfo?: UploadInfo): Activity =>
  teamsActivity(options, { type: 'invoke', name: 'fileConsent/invoke', value: { type: 'fileUpload', action, context, ...(uploadInfo ? { uploadInfo } : {}) } });
