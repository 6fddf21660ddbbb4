import type { ThemeId } from '../content/themes';

/** What the bot edge tells the core about a meeting: our own keys only. */
export interface MeetingRef {
  readonly meetingKey: string;
  /** The tenant of the conversation the meeting belongs to (the organisation's own). */
  readonly tenantId: string;
}

/** A person's choice about reflections after meetings; owned by them. */
export interface ReflectionSettings {
  readonly status: 'on' | 'off';
  readonly tenantId: string;
  /** ISO instant; while it lies ahead, no reflection is asked for. */
  readonly pausedUntil?: string;
  /** The zone Teams reported when they chose, for quiet hours; the latest zone in their settings wins. */
  readonly timeZone?: string;
  readonly changedAt: string;
}

/** A meeting as far as the bot needs it: no title, no join link, no people. */
export interface MeetingRecord {
  readonly tenantId: string;
  readonly startedAt?: string;
  readonly endedAt?: string;
}

/** An opted-in person of the own tenant who joined a meeting; owned by them. */
export interface Attendance {
  readonly meetingKey: string;
  readonly tenantId: string;
  readonly joinedAt: string;
  /** When the reflection card was queued, and for when (after quiet hours). */
  readonly reflectionDueAt?: string;
}

/** The three questions, each tied to a theme of the programme. */
export const reflectionQuestions = [
  { id: 'situation', theme: 'listen' },
  { id: 'customersCustomer', theme: 'customers-customer' },
  { id: 'followUp', theme: 'proactive' },
] as const satisfies ReadonlyArray<{ readonly id: string; readonly theme: ThemeId }>;

export type ReflectionQuestionId = (typeof reflectionQuestions)[number]['id'];

/** One tap per question: yes, partly, not really; stored as a self-rating 5, 3 or 1 for the spaced pick. */
export const answerRatings = { yes: 5, partly: 3, no: 1 } as const;
export type ReflectionAnswer = keyof typeof answerRatings;

/** A follow-up the person wrote, with the local time they named for the reminder. */
export interface FollowUp {
  readonly text: string;
  /** ISO instant of the reminder, absent when they named no date. */
  readonly remindAt?: string;
  readonly timeZone: string;
}

/** A person's answered reflection on one meeting; owned by them, read by exercises by collection name. */
export interface MeetingReflection {
  readonly meetingKey: string;
  readonly tenantId: string;
  readonly answeredAt: string;
  readonly answers: Readonly<Record<ReflectionQuestionId, ReflectionAnswer>>;
  /** Self-rating (1–5) per theme, for the spaced pick of exercises. */
  readonly ratings: Readonly<Partial<Record<ThemeId, number>>>;
  readonly followUp?: FollowUp;
}

export const collections = {
  settings: 'meeting-reflection-settings',
  meetings: 'meetings',
  attendance: 'meeting-attendance',
  /** Read by name in src/exercises/meeting-reflections.ts: keep the two in step. */
  reflections: 'meeting-reflections',
} as const;

export const reflectionKind = 'meeting.reflection';
export const followUpKind = 'meeting.follow-up';
export const reflectionOccurrenceKey = (meetingKey: string): string => `meeting-reflection:${meetingKey}`;
export const followUpOccurrenceKey = (meetingKey: string, remindAt: string): string => `meeting-follow-up:${meetingKey}:${remindAt}`;
