import { cardView, type CardView } from '../cards/card-view';
import type { Locale } from '../core/locale';
import type { Translate } from '../core/translator';
import { formatInstant } from '../schedules/describe';
import { meetingReflectionCard, type MeetingReflectionCardData } from './meeting-cards';
import { answerRatings, reflectionQuestions, type MeetingReflection, type ReflectionAnswer } from './meeting';

/** What the person typed or tapped so far, kept when the form comes back with a problem. */
export interface ReflectionInput {
  readonly answers: Readonly<Record<string, string>>;
  readonly followUp: string;
  readonly date: string;
  readonly time: string;
}

export const emptyInput: ReflectionInput = { answers: {}, followUp: '', date: '', time: '' };
const answerIds = Object.keys(answerRatings) as ReflectionAnswer[];

interface Reader {
  readonly t: Translate;
  readonly locale: Locale;
}

function base(t: Translate, meetingKey: string): Omit<MeetingReflectionCardData, 'notice' | 'askForm' | 'questions' | 'followUpValue' | 'dateValue' | 'timeValue' | 'thanks' | 'saved'> {
  return {
    title: t('meetings.card.title'),
    intro: t('meetings.card.intro'),
    meetingKey,
    followUpLabel: t('meetings.card.followUp'),
    followUpPlaceholder: t('meetings.card.followUpPlaceholder'),
    dateLabel: t('meetings.card.date'),
    timeLabel: t('meetings.card.time'),
    saveTitle: t('meetings.card.save'),
  };
}

export function reflectionForm({ t }: Reader, meetingKey: string, input: ReflectionInput = emptyInput, notice = ''): CardView {
  return cardView(meetingReflectionCard, {
    ...base(t, meetingKey),
    notice,
    askForm: true,
    questions: reflectionQuestions.map((question) => ({
      id: question.id,
      label: t(`meetings.questions.${question.id}`),
      value: input.answers[question.id] ?? '',
      choices: answerIds.map((answer) => ({ title: t(`meetings.answers.${answer}`), value: answer })),
    })),
    followUpValue: input.followUp,
    dateValue: input.date,
    timeValue: input.time,
    thanks: '',
    saved: [],
  });
}

export function reflectionSaved(reader: Reader, reflection: MeetingReflection): CardView {
  const { t } = reader;
  return cardView(meetingReflectionCard, {
    ...base(t, reflection.meetingKey),
    notice: '',
    askForm: false,
    questions: [],
    followUpValue: '',
    dateValue: '',
    timeValue: '',
    thanks: t(reflection.followUp?.remindAt ? 'meetings.card.thanksWithReminder' : 'meetings.card.thanks'),
    saved: reflectionFacts(reader, reflection),
  });
}

/** The person's own answers in words; also the lines of "my data". */
export function reflectionFacts({ t, locale }: Reader, reflection: MeetingReflection): Array<{ title: string; value: string }> {
  const facts = reflectionQuestions.map((question) => ({ title: t(`meetings.questions.${question.id}`), value: t(`meetings.answers.${reflection.answers[question.id]}`) }));
  const { followUp } = reflection;
  if (followUp) {
    const value = followUp.remindAt
      ? t('meetings.card.followUpSaved', { text: followUp.text, when: formatInstant(new Date(followUp.remindAt), followUp.timeZone, locale) })
      : followUp.text;
    facts.push({ title: t('meetings.card.followUp'), value });
  }
  return facts;
}
