import { DateTime } from 'luxon';
import { cardView, type CardView } from '../cards/card-view';
import type { ThemeCatalog, ThemeId } from '../content/themes';
import type { Locale } from '../core/locale';
import type { Turn } from '../core/turn';
import type { ExerciseAttempt } from './attempts';
import { exerciseProgressCard } from './exercise-cards';
import type { ExerciseLibrary } from './exercise-content';
import { nextButtons } from './exercise-views';
import { textBar } from '../cards/text-bar';
import { targetBars } from '../cards/chart';
import type { ProgressSummary } from './progress-summary';
import type { RoleplayPractice, RoleplaySuggestion, ThemeChecks } from './roleplay-practice';
import { formatInstant } from '../schedules/describe';
import type { ReflectionSummary } from './meeting-reflections';
import type { PledgeLine } from './workshop-pledges';

type ViewTurn = Pick<Turn, 't' | 'locale'>;

const oneDecimal = (value: number, locale: Locale): string =>
  value.toLocaleString(locale === 'sv' ? 'sv-SE' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** What progress knows of role-play: absent when role-play is not part of the app. */
export interface RoleplayProgress {
  readonly practice: RoleplayPractice;
  readonly weakest: ThemeId | undefined;
  readonly suggestion: RoleplaySuggestion | undefined;
}
const noReflections: ReflectionSummary = { events: [], followUps: [], count: 0 };

export function progressView(
  turn: ViewTurn,
  themes: ThemeCatalog,
  summary: ProgressSummary,
  pledges: readonly PledgeLine[],
  timeZone: string,
  roleplay: RoleplayProgress | undefined = undefined,
  reflections: ReflectionSummary = noReflections,
): CardView {
  const { t } = turn;
  const localDate = (iso: string): string => DateTime.fromISO(iso, { zone: timeZone }).toISODate() ?? '';
  const checksOf = (theme: ThemeId): ThemeChecks | undefined => roleplay?.practice.themes.find((item) => item.theme === theme && item.judged > 0);
  const name = (theme: ThemeId): string => themes.text(theme, turn.locale).shortName;
  return cardView(exerciseProgressCard, {
    title: t('exercises.progress.title'),
    streak: streakLine(turn, summary),
    longest: summary.longestStreakDays > 0 ? t('exercises.progress.longest', { count: summary.longestStreakDays }) : '',
    total: t('exercises.progress.total', { count: summary.total }),
    unfinished: summary.unfinished > 0 ? t('exercises.progress.unfinished', { count: summary.unfinished }) : '',
    themesHeading: t('exercises.progress.themesHeading'),
    themesNote: t('exercises.progress.themesNote'),
    themesChart: {
      title: t('exercises.progress.chartTitle'),
      data: targetBars(
        summary.themes.map((theme) => ({ title: name(theme.theme), done: theme.distinct, target: theme.target })),
        { done: t('exercises.progress.chartDone'), toGo: t('exercises.progress.chartToGo') },
      ),
    },
    themes: summary.themes.map((theme) => ({
      name: name(theme.theme),
      bar: textBar(theme.distinct, theme.target, { showAnyValue: true }),
      ofTarget: t('exercises.progress.ofTarget', { done: theme.distinct, count: theme.target }),
    })),
    themeDetails: summary.themes.flatMap((theme) => {
      const checks = checksOf(theme.theme);
      const parts = [
        ...(theme.count > 0 ? [themeDetail(turn, theme.count, theme.averageRating)] : []),
        ...(checks ? [t('exercises.progress.roleplay.checks', { met: checks.met, count: checks.judged })] : []),
      ];
      return parts.length > 0 ? [{ label: name(theme.theme), text: parts.join(' · ') }] : [];
    }),
    commitmentsHeading: t('exercises.progress.commitmentsHeading'),
    hasCommitments: summary.commitments.length > 0,
    commitments: summary.commitments.map((commitment) => ({ label: commitment.date, text: commitment.text })),
    noCommitments: t('exercises.progress.noCommitments'),
    hasPledges: pledges.length > 0,
    pledgesHeading: t('exercises.progress.pledgesHeading'),
    pledges: pledges.map((pledge) => ({
      label: DateTime.fromISO(pledge.at, { zone: timeZone }).toISODate() ?? '',
      text: pledge.text ?? (pledge.theme ? themes.text(pledge.theme, turn.locale).name : ''),
    })),
    ...roleplaySection(turn, themes, roleplay),
    hasReflections: reflections.count > 0,
    reflectionsHeading: t('exercises.progress.reflectionsHeading', { count: reflections.count }),
    hasFollowUps: reflections.followUps.length > 0,
    followUps: reflections.followUps.slice(0, 5).map((followUp) => ({
      label: localDate(followUp.at),
      text: `${followUp.text} (${followUp.remindAt ? t('exercises.progress.followUpDue', { when: formatInstant(new Date(followUp.remindAt), timeZone, turn.locale) }) : t('exercises.progress.followUpOpen')})`,
    })),
    buttons: nextButtons(turn).filter((button) => button.verb !== 'exercises.progress'),
  });
}

function roleplaySection(turn: ViewTurn, themes: ThemeCatalog, roleplay: RoleplayProgress | undefined) {
  const { t } = turn;
  const suggestion = roleplay?.suggestion;
  const weakest = roleplay?.weakest;
  return {
    showRoleplay: roleplay !== undefined,
    roleplayHeading: t('exercises.progress.roleplay.heading'),
    roleplayMeetings: roleplay && roleplay.practice.meetingsHeld > 0 ? t('exercises.progress.roleplay.meetings', { count: roleplay.practice.meetingsHeld }) : t('exercises.progress.roleplay.none'),
    roleplayTrust: (roleplay?.practice.storylines ?? []).map((storyline) => ({
      label: storyline.title,
      text: t('exercises.progress.roleplay.trust', { name: storyline.customer, trust: storyline.trust, count: storyline.meetingsHeld }),
    })),
    suggestion:
      suggestion && weakest
        ? t('exercises.progress.roleplay.suggestion', { theme: themes.text(weakest, turn.locale).shortName, name: suggestion.customer, storyline: suggestion.title })
        : '',
    suggestionButtons: suggestion ? [{ title: t('exercises.progress.roleplay.open', { name: suggestion.customer }), verb: 'roleplay.brief', storylineId: suggestion.storylineId }] : [],
  };
}

function streakLine(turn: ViewTurn, summary: ProgressSummary): string {
  const { t } = turn;
  if (summary.streakDays === 0) return t('exercises.progress.streakNone');
  const streak = t('exercises.progress.streak', { count: summary.streakDays });
  return summary.practisedToday ? streak : t('exercises.progress.streakOpen', { streak });
}

function themeDetail(turn: ViewTurn, count: number, averageRating: number | undefined): string {
  if (averageRating === undefined) return turn.t('exercises.progress.detailUnrated', { count });
  return turn.t('exercises.progress.detailRated', { count, rating: oneDecimal(averageRating, turn.locale) });
}

/** "My data": one Markdown line per attempt with everything the learner wrote and chose. */
export function attemptLines(turn: ViewTurn, themes: ThemeCatalog, library: ExerciseLibrary, attempts: readonly ExerciseAttempt[], timeZone: string): string[] {
  const { t } = turn;
  return attempts.map((attempt) => {
    const exercise = library.get(attempt.exerciseId);
    const text = exercise?.[turn.locale];
    const option = text?.options?.find((candidate) => candidate.id === attempt.choice);
    const parts = [
      t('exercises.data.attempt', {
        title: text?.title ?? t('exercises.data.unknownExercise'),
        theme: themes.text(attempt.theme, turn.locale).shortName,
        date: DateTime.fromISO(attempt.submittedAt, { zone: timeZone }).toISODate() ?? attempt.submittedAt,
      }),
      ...(attempt.choice ? [t('exercises.data.choice', { option: option?.text ?? attempt.choice })] : []),
      ...(attempt.answer ? [t('exercises.data.answer', { answer: attempt.answer })] : []),
      ...(attempt.feedback?.status === 'given' ? [t('exercises.data.feedback', { feedback: attempt.feedback.text })] : []),
      ...(attempt.rating !== undefined ? [t('exercises.data.rating', { rating: attempt.rating })] : []),
      ...(attempt.commitment ? [t('exercises.data.commitment', { commitment: attempt.commitment })] : []),
    ];
    return parts.join('; ');
  });
}
