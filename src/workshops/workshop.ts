import { DateTime } from 'luxon';
import type { AnswerForm } from '../collect';
import type { ThemeId } from '../content/themes';
import type { Locale } from '../core/locale';
import { countedVotes, type Merges } from './answer-merges';

/** draft: the facilitator is filling in the setup card; answering: open (before and after reveal); voting; closed. */
export type WorkshopPhase = 'draft' | 'cancelled' | 'answering' | 'voting' | 'closed';

/** What was asked: a template from content, or the facilitator's own words. */
export interface WorkshopPrompt {
  readonly templateId?: string;
  readonly custom?: string;
  readonly theme?: ThemeId;
  readonly form: AnswerForm;
}

/** One workshop prompt in one conversation; its answers live in the collection `collectionId`. */
export interface Workshop {
  readonly id: string;
  readonly conversationKey: string;
  readonly facilitatorKey: string;
  readonly facilitatorName: string;
  readonly coFacilitatorKeys: readonly string[];
  /** The facilitator's language when it started: the shared card is written in it. */
  readonly locale: Locale;
  readonly phase: WorkshopPhase;
  readonly prompt?: WorkshopPrompt;
  readonly collectionId?: string;
  readonly votesPerPerson: number;
  /** The one card in the conversation, when the bot posted it itself and can update it for everyone. */
  readonly cardActivityId?: string;
  /** Answers the facilitator merged because they say the same thing; votes for them count once per person. */
  readonly merges?: Merges;
  /** Themes the facilitator gave answers, for pledges; otherwise an answer has the prompt's theme. */
  readonly answerThemes?: Readonly<Record<string, ThemeId>>;
  readonly createdAt: string;
  readonly closedAt?: string;
}

export const defaultVotesPerPerson = 3;
/** Below this many answers an anonymous answer could be traced to its author, so results wait. */
export const anonymousMinResponses = 3;
export const maxFreeTextAnswers = 5;
/** Teams shows user-specific views (refresh.userIds) to at most this many people. */
export const maxRefreshUsers = 60;

/** Only the facilitator who posted, and the co-facilitators they added, run the workshop. */
export function canManage(workshop: Workshop, userKey: string): boolean {
  return workshop.facilitatorKey === userKey || workshop.coFacilitatorKeys.includes(userKey);
}

/** "HH:mm" typed in the facilitator's zone: today at that time, or tomorrow if it has already passed. */
export function closingTime(hhmm: string, timeZone: string | undefined, now: Date): Date | undefined {
  const match = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  if (!match) return undefined;
  const [hour, minute] = [Number(match[1]), Number(match[2])];
  if (hour > 23 || minute > 59) return undefined;
  const zone = timeZone ?? 'UTC';
  const today = DateTime.fromJSDate(now, { zone }).set({ hour, minute, second: 0, millisecond: 0 });
  const closing = today.toMillis() <= now.getTime() ? today.plus({ days: 1 }) : today;
  return closing.toJSDate();
}

/** A closing time as the reader sees it, in their zone. */
export function clockTime(iso: string, timeZone: string | undefined): string {
  return DateTime.fromISO(iso, { zone: timeZone ?? 'UTC' }).toFormat('HH:mm');
}

/** Ranks answers by votes, most first; ties keep the sheet's order (which says nothing about authors). */
export function rankByVotes<T extends { readonly answerId: string }>(answers: readonly T[], votes: ReadonlyMap<string, number>): T[] {
  return answers
    .map((answer, index) => ({ answer, index, votes: votes.get(answer.answerId) ?? 0 }))
    .sort((a, b) => b.votes - a.votes || a.index - b.index)
    .map(({ answer }) => answer);
}

/** Toggles one vote on a kept answer (votes for merged answers count once); undefined when no vote is left. */
export function toggleVote(current: readonly string[], answerId: string, allowance: number, canonical: (answerId: string) => string = (id) => id): string[] | undefined {
  const target = canonical(answerId);
  const counted = countedVotes(current, canonical);
  // Stored as counted: a vote once given to merged answers stays with the kept one, so a later split never exceeds the allowance.
  if (counted.includes(target)) return counted.filter((id) => id !== target);
  if (counted.length >= allowance) return undefined;
  return [...counted, target];
}
