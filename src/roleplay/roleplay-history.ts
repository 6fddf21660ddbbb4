import type { Turn } from '../core/turn';
import type { PastDebriefEntry } from './views/roleplay-cards';
import type { SessionRecord } from './roleplay-records';
import { formatWhen } from './views/roleplay-views';
import type { Debrief, JudgedCheck } from './judging/rule-judge';
import type { StorylineCatalog } from './storyline-catalog';

/** A meeting that ended with a debrief, as stored in the learner's session records. */
export type DebriefedSession = SessionRecord & { readonly debrief: Debrief; readonly endedAt: string };

/** How many past debriefs the opening card lists; "my data" lists them all. */
export const pastDebriefsShown = 8;

/** The one place that reads a verdict out of a judged check, so progress and "my data" count alike. */
export const checkVerdict = (check: JudgedCheck): 'met' | 'partly' | 'not' => check.verdict;

/** Every ended meeting with a debrief, newest first. */
export function debriefedSessions(sessions: readonly SessionRecord[]): DebriefedSession[] {
  return sessions
    .filter((session): session is DebriefedSession => session.status === 'ended' && session.debrief !== undefined && session.endedAt !== undefined)
    .sort((a, b) => b.endedAt.localeCompare(a.endedAt));
}

/** The opening card's list of past debriefs, each with a button that reopens it as a new message. */
export function pastDebriefEntries(turn: Turn, catalog: StorylineCatalog, sessions: readonly DebriefedSession[]): PastDebriefEntry[] {
  const { t, locale } = turn;
  return sessions.slice(0, pastDebriefsShown).flatMap((session) => {
    const storyline = catalog.find(session.storylineId);
    if (!storyline) return [];
    const { checks, trustBefore, trustAfter } = session.debrief;
    return [
      {
        title: t('roleplay.past.entry', {
          storyline: storyline[locale].title,
          number: session.meetingNumber,
          meeting: storyline.meetings[session.meetingNumber - 1]?.[locale].title ?? '',
        }),
        details: t('roleplay.past.details', {
          date: formatWhen(turn, new Date(session.endedAt)),
          name: storyline.customer.name,
          before: trustBefore,
          after: trustAfter,
          met: checks.filter((check) => checkVerdict(check) === 'met').length,
          total: checks.length,
        }),
        open: { title: t('roleplay.past.open'), verb: 'roleplay.debrief', sessionId: session.id },
      },
    ];
  });
}
