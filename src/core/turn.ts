import type { Locale } from './locale';
import type { Translate } from './translator';

/** The person acting in this turn, identified by our own key (never by data on a card). */
export interface Actor {
  /** Our own opaque id for (tenant, Entra object id). */
  readonly userKey: string;
  readonly tenantId: string;
  readonly displayName: string;
}

export type ConversationKind = 'personal' | 'groupChat' | 'channel';

export interface ConversationInfo {
  /** Our own opaque id for (tenant, conversation id). */
  readonly key: string;
  readonly kind: ConversationKind;
  /** The team's key when the conversation is a team channel. */
  readonly teamKey: string | undefined;
}

/** A member of the conversation, by our own key. */
export interface ConversationMember {
  readonly userKey: string;
  readonly displayName: string;
  /** The channel's own id for the person (a Teams MRI, 29:…), only for card features that need it (refresh.userIds). */
  readonly channelUserId?: string;
}

/** What a capability knows about one turn: who, where, in which language and time zone, and when. */
export interface Turn {
  readonly actor: Actor;
  readonly conversation: ConversationInfo;
  readonly locale: Locale;
  readonly t: Translate;
  /** IANA zone: the one the person chose, else the one their client reports (or reported before), if any. */
  readonly timeZone: string | undefined;
  readonly now: Date;
  /** Everyone in this conversation (paged roster calls in Teams); only call when needed, it is a network round trip. */
  members(): Promise<readonly ConversationMember[]>;
}
