import { TeamsInfo, type Activity, type TurnContext } from 'botbuilder';
import { conversationKeyOf, teamKeyOf, userKeyOf } from '../core/keys';
import { localeFromTag, type Locale } from '../core/locale';
import type { Translator } from '../core/translator';
import type { ConversationKind, ConversationMember, Turn } from '../core/turn';
import type { Logger } from '../logger';
import { settingsIn, settingsKey, type UserSettings, type UserSettingsRepository } from '../home/user-settings';
import { isKnownZone } from '../schedules/time-zones';
import type { StoreSession } from '../storage/store';
import { rememberedKeys, type RememberedConversation } from './conversation-references';

export interface TurnFactoryDependencies {
  readonly translator: Translator;
  readonly settings: UserSettingsRepository;
  /** Reads the person's settings and the conversation's stored reference in one round trip. */
  readonly store: Pick<StoreSession, 'getMany'>;
  readonly defaultLocale: Locale;
  readonly clock: () => Date;
  readonly logger: Logger;
  /** Card verbs that take anonymous answers or votes: such a turn writes nothing about the person (no settings, no reference). */
  readonly quietVerbs?: ReadonlySet<string>;
}

interface TeamsChannelData {
  readonly tenant?: { readonly id?: string };
  readonly team?: { readonly id?: string };
}

/** A new turn, and what its conversation reference is compared with (undefined for a quiet turn or when it could not be read). */
export interface CreatedTurn {
  readonly turn: Turn;
  readonly remembered: RememberedConversation | undefined;
}

/** Translates an incoming activity into the core's Turn: our own keys, language and time zone. */
export class TurnFactory {
  constructor(private readonly deps: TurnFactoryDependencies) {}

  async create(context: TurnContext): Promise<CreatedTurn> {
    const activity = context.activity;
    const tenantId = tenantIdOf(activity);
    const channelData = (activity.channelData ?? {}) as TeamsChannelData;
    const userKey = userKeyOf(tenantId, activity.from.aadObjectId ?? activity.from.id);
    const conversationKey = conversationKeyOf(tenantId, activity.conversation.id);
    const quiet = this.isQuiet(activity);
    const { stored, remembered } = await this.storedRecords(userKey, quiet ? undefined : conversationKey);
    const locale = stored?.locale ?? localeFromTag(activity.locale) ?? this.deps.defaultLocale;
    const reported = this.timeZoneOf(activity);
    if (!quiet) await this.rememberTimeZone(userKey, stored, reported);
    // The person's own choice wins; a client that sends no zone gets the one Teams reported before.
    const timeZone = stored?.timeZoneChosen && stored.timeZone ? stored.timeZone : (reported ?? stored?.timeZone);
    const turn: Turn = {
      actor: { userKey, tenantId, displayName: activity.from.name ?? '' },
      conversation: {
        key: conversationKey,
        kind: conversationKindOf(activity),
        teamKey: channelData.team?.id ? teamKeyOf(tenantId, channelData.team.id) : undefined,
      },
      locale,
      t: this.deps.translator.forLocale(locale),
      timeZone,
      now: this.deps.clock(),
      members: () => conversationMembers(context, tenantId),
    };
    return { turn, remembered };
  }

  /** True for a card action that may store an anonymous answer: any write about the person beside it could link them to it. */
  isQuiet(activity: Partial<Activity>): boolean {
    const value = (activity.value ?? {}) as { readonly verb?: unknown; readonly action?: { readonly verb?: unknown } };
    const verb = activity.type === 'invoke' ? value.action?.verb : value.verb;
    return typeof verb === 'string' && (this.deps.quietVerbs?.has(verb) ?? false);
  }

  private timeZoneOf(activity: Activity): string | undefined {
    const zone = reportedZone(activity);
    if (!zone) return undefined;
    // The runtime's own zone list answers every name Teams sends without building a formatter each turn.
    return isKnownZone(zone) || isIanaZone(zone) ? zone : undefined;
  }

  /**
   * The person's settings and, unless the turn is quiet, the conversation's stored reference and personal chat, in one
   * read. A stored choice wins; if storage is down the turn still gets a language for its apology.
   */
  private async storedRecords(userKey: string, conversationKey: string | undefined): Promise<{ stored?: UserSettings; remembered?: RememberedConversation }> {
    const keys = [settingsKey(userKey), ...(conversationKey === undefined ? [] : rememberedKeys(conversationKey, userKey))];
    try {
      const [settings, reference, personalChat] = await this.deps.store.getMany(keys);
      return { stored: settingsIn(settings), remembered: conversationKey === undefined ? undefined : { reference, personalChat } };
    } catch (error) {
      this.deps.logger.warn({ err: error, userKey }, 'could not read language preference');
      return {};
    }
  }

  /** Scheduled messages reach each person at their own local time, so the zone Teams reports is kept (written only on change). */
  private async rememberTimeZone(userKey: string, stored: UserSettings | undefined, timeZone: string | undefined): Promise<void> {
    if (!stored || !timeZone || stored.timeZone === timeZone || stored.timeZoneChosen) return;
    try {
      await this.deps.settings.update(userKey, { timeZone });
    } catch (error) {
      this.deps.logger.warn({ err: error, userKey }, 'could not remember the time zone');
    }
  }
}

/** Pages through the roster (Teams returns at most a few hundred per call). */
async function conversationMembers(context: TurnContext, tenantId: string): Promise<ConversationMember[]> {
  const members: ConversationMember[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await TeamsInfo.getPagedMembers(context, 200, continuationToken);
    for (const member of page.members) {
      members.push({
        userKey: userKeyOf(tenantId, member.aadObjectId ?? member.id),
        displayName: member.name ?? '',
        channelUserId: member.id,
      });
    }
    continuationToken = page.continuationToken || undefined;
  } while (continuationToken);
  return members;
}

export function tenantIdOf(activity: Partial<Activity>): string {
  const channelData = (activity.channelData ?? {}) as TeamsChannelData;
  return channelData.tenant?.id ?? activity.conversation?.tenantId ?? 'no-tenant';
}

function conversationKindOf(activity: Activity): ConversationKind {
  const type = activity.conversation.conversationType;
  return type === 'channel' || type === 'groupChat' ? type : 'personal';
}

function reportedZone(activity: Activity): string | undefined {
  const clientInfo = activity.entities?.find((entity) => entity.type === 'clientInfo') as { timezone?: unknown } | undefined;
  return (typeof clientInfo?.timezone === 'string' ? clientInfo.timezone : activity.localTimezone) || undefined;
}

function isIanaZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
