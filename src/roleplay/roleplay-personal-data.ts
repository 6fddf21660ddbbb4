import type { PersonalDataSource } from '../core/capability';
import type { Turn } from '../core/turn';
import { checkVerdict } from './roleplay-history';
import type { RoleplayRecords, SessionRecord } from './roleplay-records';
import type { Debrief } from './judging/rule-judge';
import type { StorylineCatalog } from './storyline-catalog';

/** "My data" for role-play: progress, remembered promises and every transcript, which belong to the learner. */
export function roleplayPersonalData(records: RoleplayRecords, catalog: StorylineCatalog): PersonalDataSource {
  return {
    async describe(userKey: string, turn: Turn) {
      const { t, locale } = turn;
      const learner = (await records.learner(userKey)).body;
      const sessions = await records.sessions(userKey);
      const progress = Object.entries(learner.progress);
      if (progress.length === 0 && sessions.length === 0) return undefined;
      const title = (id: string): string => catalog.find(id)?.[locale].title ?? t('roleplay.personalData.unknownStoryline');
      const lines: string[] = [];
      for (const [storylineId, item] of progress) {
        const total = catalog.find(storylineId)?.meetings.length ?? item.nextMeeting;
        lines.push(
          item.completed
            ? t('roleplay.personalData.completed', { storyline: title(storylineId), trust: item.memory.trust })
            : t('roleplay.personalData.progress', { storyline: title(storylineId), number: item.nextMeeting, total, trust: item.memory.trust }),
        );
        lines.push(...item.memory.promises.map((promise) => t('roleplay.personalData.promise', { meeting: promise.meeting, text: promise.text })));
      }
      const name = (id: string): string => catalog.find(id)?.customer.name ?? '';
      for (const session of sessions) {
        lines.push(
          t('roleplay.personalData.session', {
            storyline: title(session.storylineId),
            number: session.meetingNumber,
            date: session.startedAt.slice(0, 10),
            status: t(`roleplay.personalData.status.${session.status}`),
            count: session.state.learnerTurns,
          }),
        );
        lines.push(...session.state.transcript.map((entry) => `> ${entry.speaker === 'learner' ? t('roleplay.personalData.you') : name(session.storylineId)}: ${entry.text}`));
        if (session.debrief) lines.push(...debriefLines(turn, catalog, session, session.debrief));
        if (session.selfCheck) lines.push(selfCheckLine(turn, catalog, session, session.selfCheck));
      }
      return { heading: t('roleplay.personalData.heading'), lines };
    },
  };
}

/** A rubric check in the learner's words, never its id. */
function checkLabel(turn: Turn, catalog: StorylineCatalog, session: SessionRecord): (id: string) => string {
  const rubric = catalog.find(session.storylineId)?.meetings[session.meetingNumber - 1]?.rubric ?? [];
  return (id) => rubric.find((check) => check.id === id)?.[turn.locale].check ?? turn.t('roleplay.personalData.unknownCheck');
}

function selfCheckLine(turn: Turn, catalog: StorylineCatalog, session: SessionRecord, ticked: readonly string[]): string {
  if (ticked.length === 0) return turn.t('roleplay.personalData.selfCheckNone');
  return turn.t('roleplay.personalData.selfCheck', { checks: ticked.map(checkLabel(turn, catalog, session)).join('; ') });
}

/** The stored debrief of one meeting: trust, and every check with its verdict and the learner's words. */
function debriefLines(turn: Turn, catalog: StorylineCatalog, session: SessionRecord, debrief: Debrief): string[] {
  const { t } = turn;
  const label = checkLabel(turn, catalog, session);
  const met = debrief.checks.filter((check) => checkVerdict(check) === 'met').length;
  return [
    t('roleplay.personalData.debrief', { before: debrief.trustBefore, after: debrief.trustAfter, met, total: debrief.checks.length }),
    ...debrief.checks.map((check) =>
      t(check.quote ? 'roleplay.personalData.checkQuoted' : 'roleplay.personalData.check', {
        check: label(check.id),
        verdict: t(`roleplay.personalData.verdict.${checkVerdict(check)}`),
        quote: check.quote ?? '',
      }),
    ),
  ];
}
