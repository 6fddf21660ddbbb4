import type { Locale } from '../core/locale';
import type { ConversationKind, ConversationMember } from '../core/turn';
import type { ScheduleRule } from '../schedules/recurrence';
import type { CustomQuestions } from './question-sets';

/** Who is asked: one post in the conversation it was scheduled in, or each member 1:1. */
export type Audience = 'channel' | 'members';

/** What a manager chooses on the setup card. */
export interface CheckinSettings {
  /** A content question set id, or customSetId. */
  readonly questionSetId: string;
  readonly custom?: CustomQuestions | undefined;
  readonly audience: Audience;
  readonly rule: ScheduleRule;
  /** Each person at the rule's local time in their own zone (members audience only). */
  readonly perRecipientTime: boolean;
  readonly anonymous: boolean;
  readonly minResponses: number;
  readonly openHours: number;
  /** One reminder to those who have not answered, halfway through the open window. */
  readonly remind: boolean;
}

/** A recurring team check-in, owned by the manager who scheduled it. */
export interface CheckinSchedule extends CheckinSettings {
  readonly id: string;
  readonly ownerKey: string;
  readonly ownerName: string;
  readonly tenantId: string;
  /** Where it was scheduled; channel posts go here. */
  readonly conversationKey: string;
  readonly conversationKind: ConversationKind;
  /** The owner's language, for posts that many people read. */
  readonly locale: Locale;
  /** The roster when it was scheduled or last edited (members audience). */
  readonly members: readonly ConversationMember[];
  readonly status: 'active' | 'paused';
  /** The planner's cursor: the instant of the last occurrence planned (or the creation time). */
  readonly plannedThrough: string;
  readonly occurrenceIds: readonly string[];
  readonly createdAt: string;
}

/** One occurrence of a schedule: its answer collection, its window and the owner's summary card. */
export interface CheckinOccurrence {
  readonly id: string;
  readonly scheduleId: string;
  /** The local date (yyyy-MM-dd) in the schedule's zone. */
  readonly date: string;
  readonly at: string;
  readonly closesAt: string;
  readonly collectionId: string | undefined;
  readonly invited: number;
  readonly summary: { readonly conversationKey: string; readonly activityId: string } | undefined;
  readonly closed: boolean;
  /** When the owner shared the totals with the team (posted once, as a new message where the check-in was asked). */
  readonly sharedAt?: string | undefined;
}

/** A person's choice about one schedule: stopped for good, or snoozed until a time. */
export interface CheckinOptOut {
  readonly scheduleId: string;
  readonly until: string | undefined;
}

export const occurrenceIdOf = (scheduleId: string, date: string): string => `${scheduleId}@${date}`;
export const scheduleIdOf = (occurrenceId: string): string => occurrenceId.split('@')[0] ?? '';

/** Delivery occurrence keys, one family per message kind, so each is planned once per recipient. */
export const deliveryKeys = {
  ask: (occurrenceId: string): string => `checkin:${occurrenceId}`,
  nudge: (occurrenceId: string): string => `checkin-nudge:${occurrenceId}`,
  summary: (occurrenceId: string): string => `checkin-summary:${occurrenceId}`,
  refresh: (occurrenceId: string, bucket: number): string => `checkin-refresh:${occurrenceId}:${bucket}`,
  closed: (occurrenceId: string): string => `checkin-closed:${occurrenceId}`,
  unreachable: (scheduleId: string): string => `checkin-unreachable:${scheduleId}`,
  share: (occurrenceId: string): string => `checkin-share:${occurrenceId}`,
};

export const deliveryKinds = {
  ask: 'checkin.ask',
  nudge: 'checkin.nudge',
  summary: 'checkin.summary',
  refresh: 'checkin.refresh',
  share: 'checkin.share',
  closed: 'checkin.closed',
} as const;

export const maxMinResponses = 50;
export const maxOpenHours = 14 * 24;
/** Teams refreshes a card for each person (refresh.userIds) for at most this many people. */
export const maxRefreshUsers = 60;

/** Who gets their own view of a posted question card: everyone asked in a channel (when few enough), or the one person in a 1:1. */
export function refreshUserIdsOf(schedule: Pick<CheckinSchedule, 'audience' | 'members'>, recipientKey: string | undefined): string[] {
  const chosen = schedule.audience === 'channel' ? (schedule.members.length <= maxRefreshUsers ? schedule.members : []) : schedule.members.filter((member) => member.userKey === recipientKey);
  return chosen.flatMap((member) => (member.channelUserId ? [member.channelUserId] : []));
}

/** Whether a snooze or stop covers this instant. */
export function optedOutAt(optOut: CheckinOptOut | undefined, now: Date): boolean {
  if (!optOut) return false;
  return optOut.until === undefined || now.getTime() < Date.parse(optOut.until);
}
