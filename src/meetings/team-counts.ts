import { DateTime } from 'luxon';
import { textReply, type Reply } from '../core/reply';
import type { Turn } from '../core/turn';
import type { MeetingRepository } from './meeting-repository';

/** Fewer people than this and a weekly count could point to someone, so no count is shown. */
export const minimumTeamSize = 3;
const weeksShown = 4;

/** The people in the teams of a check-in owner's schedules, by our own key (wired to check-ins at the root). */
export type TeamMembersOf = (ownerKey: string) => Promise<readonly string[]>;

export interface WeekCount {
  /** ISO week, e.g. "2026-W11". */
  readonly week: string;
  readonly count: number;
}

/** How many reflections the team answered in each of the last weeks, newest first; never who or what. */
export async function weeklyReflectionCounts(repository: MeetingRepository, memberKeys: readonly string[], now: Date, timeZone: string, weeks = weeksShown): Promise<WeekCount[]> {
  const weekOf = (instant: DateTime): string => instant.toFormat("kkkk-'W'WW");
  const current = DateTime.fromJSDate(now, { zone: timeZone });
  const counts = new Map(Array.from({ length: weeks }, (_, back) => [weekOf(current.minus({ weeks: back })), 0]));
  for (const userKey of new Set(memberKeys)) {
    for (const reflection of await repository.reflectionsOf(userKey)) {
      const week = weekOf(DateTime.fromISO(reflection.answeredAt, { zone: timeZone }));
      const count = counts.get(week);
      if (count !== undefined) counts.set(week, count + 1);
    }
  }
  return [...counts.entries()].map(([week, count]) => ({ week, count }));
}

/** `meeting reflections` for check-in owners: the weekly count across the people of their check-ins. */
export async function teamCountsReply(turn: Turn, repository: MeetingRepository, teamMembersOf: TeamMembersOf, fallbackTimeZone: string): Promise<readonly Reply[]> {
  const { t } = turn;
  const members = new Set(await teamMembersOf(turn.actor.userKey));
  if (members.size === 0) return [textReply(t('meetings.team.noCheckins'))];
  if (members.size < minimumTeamSize) return [textReply(t('meetings.team.tooSmall', { minimum: minimumTeamSize }))];
  const counts = await weeklyReflectionCounts(repository, [...members], turn.now, turn.timeZone ?? fallbackTimeZone);
  const lines = counts.map(({ week, count }) => t('meetings.team.week', { week: week.slice(-2).replace(/^0/, ''), count }));
  return [textReply([t('meetings.team.heading', { people: members.size }), ...lines, t('meetings.team.privacy')].join('\n\n'))];
}
