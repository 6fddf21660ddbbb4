import { cardView, type CardView } from '../cards/card-view';
import type { Answer } from '../collect/collection';
import { escapeCardMarkdown } from '../collect/safe-text';
import type { Locale } from '../core/locale';
import type { ConversationKind } from '../core/turn';
import type { Translate } from '../core/translator';
import { describeRule, formatInstant } from '../schedules/describe';
import { nextOccurrence } from '../schedules/recurrence';
import type { CheckinOccurrence, CheckinSchedule } from './checkin';
import { checkinListCard, checkinQuestionCard, type ScheduleButton } from './checkin-cards';
import { customSetId, type QuestionSet } from './question-sets';

/** The words a view needs: the reader's language and zone. */
export interface Reader {
  readonly t: Translate;
  readonly locale: Locale;
  readonly timeZone: string;
  readonly now: Date;
}

export function setTitle(set: QuestionSet, reader: Reader): string {
  return set.id === customSetId ? reader.t('checkins.custom.title') : set[reader.locale].title;
}

/** How a question card is shown: open or closed, to whom, and with which of the reader's own answers. */
export interface QuestionViewOptions {
  readonly open: boolean;
  readonly notice: string;
  /** The reader's own answers: filled into the inputs while open, listed read-only once closed. */
  readonly own: readonly Answer[];
  readonly personal: boolean;
  readonly stopped?: boolean;
  readonly refreshUserIds: readonly string[];
}

/** The card people answer; `own` is only ever the answers of the one person the view goes to. */
export function questionView(schedule: CheckinSchedule, occurrence: CheckinOccurrence, set: QuestionSet, reader: Reader, options: QuestionViewOptions): CardView {
  const { t, locale } = reader;
  const closes = formatInstant(new Date(occurrence.closesAt), reader.timeZone, locale);
  const mode = t(schedule.anonymous ? 'checkins.question.anonymous' : 'checkins.question.named');
  const ownValue = (questionId: string): string => {
    const own = options.own.find((answer) => answer.questionId === questionId)?.value;
    return own?.kind === 'scale' ? String(own.value) : own?.kind === 'text' ? own.text : '';
  };
  return cardView(checkinQuestionCard, {
    title: setTitle(set, reader),
    intro: options.open ? t('checkins.question.intro', { mode, closes }) : t('checkins.question.closed', { closes }),
    notice: options.notice,
    occurrenceId: occurrence.id,
    questions: options.open
      ? set.questions.map((question) => {
          const words = question[locale];
          const choices = [1, 2, 3, 4, 5].map((point) => ({
            title: point === 1 && words.low ? `1 – ${words.low}` : point === 5 && words.high ? `5 – ${words.high}` : String(point),
            value: String(point),
          }));
          return { id: `q_${question.id}`, label: words.text, isScale: question.form === 'scale', choices, value: ownValue(question.id), placeholder: t('checkins.question.placeholder') };
        })
      : [],
    open: options.open,
    submitTitle: t(options.own.length > 0 ? 'checkins.question.change' : 'checkins.question.send'),
    personal: options.personal,
    snoozeOneTitle: t('checkins.question.snoozeOne'),
    snoozeTwoTitle: t('checkins.question.snoozeTwo'),
    stopTitle: t('checkins.question.stop'),
    stopped: options.stopped ?? false,
    startAgainTitle: t('checkins.question.startAgain'),
    refreshUserIds: options.refreshUserIds,
    showMine: !options.personal && options.refreshUserIds.length === 0,
    showMineTitle: t('checkins.question.showMine'),
    ownHeading: t('checkins.question.yourAnswers'),
    ownLines: options.open
      ? []
      : set.questions.flatMap((question) => {
          const value = ownValue(question.id);
          return value === '' ? [] : [{ label: question[locale].text, text: escapeCardMarkdown(value) }];
        }),
  });
}

/** A manager's schedules with pause/resume, edit, export and delete. */
export function listView(
  schedules: readonly CheckinSchedule[],
  titleOf: (schedule: CheckinSchedule) => string,
  reader: Reader,
  now: Date,
  notice = '',
  kind: ConversationKind = 'personal',
): CardView {
  const { t, locale } = reader;
  // Posted in a group chat or channel, the list can be read by others there; only its owner can change it.
  const intro = kind === 'personal' ? 'checkins.list.intro.personal' : 'checkins.list.intro.shared';
  return cardView(checkinListCard, {
    title: t('checkins.list.title'),
    intro: t(schedules.length === 0 ? 'checkins.list.empty' : intro),
    notice,
    schedules: schedules.map((schedule) => {
      const next = schedule.status === 'active' ? nextOccurrence(schedule.rule, new Date(Math.max(now.getTime(), Date.parse(schedule.plannedThrough)))) : undefined;
      const button = (key: string, verb: string): ScheduleButton => ({ title: t(`checkins.list.${key}`), verb, scheduleId: schedule.id });
      return {
        heading: titleOf(schedule),
        facts: [
          { title: t('checkins.list.when'), value: describeRule(schedule.rule, t, locale) },
          { title: t('checkins.list.audience'), value: t(`checkins.audience.${schedule.audience}`) },
          { title: t('checkins.list.answers'), value: t(schedule.anonymous ? 'checkins.question.anonymous' : 'checkins.question.named') },
          { title: t('checkins.list.status'), value: t(`checkins.list.states.${schedule.status}`) },
          { title: t('checkins.list.next'), value: next ? formatInstant(next.at, reader.timeZone, locale) : t('checkins.list.none') },
        ],
        buttons: [
          schedule.status === 'active' ? button('pause', 'checkin.pause') : button('resume', 'checkin.resume'),
          button('edit', 'checkin.edit'),
          button('export', 'checkin.export'),
          button('delete', 'checkin.delete'),
        ],
      };
    }),
  });
}
