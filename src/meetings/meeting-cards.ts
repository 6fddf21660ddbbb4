import { cardTemplate } from '../cards/card-view';
import type { CardChoice, CardFact } from '../cards/card-parts';

/** One of the three questions: one tap among yes, partly, not really. */
export interface ReflectionQuestionData {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly choices: readonly CardChoice[];
}

/** The private reflection after a meeting: the form, or what was saved. */
export interface MeetingReflectionCardData {
  readonly title: string;
  readonly intro: string;
  readonly notice: string;
  readonly askForm: boolean;
  readonly meetingKey: string;
  readonly questions: readonly ReflectionQuestionData[];
  readonly followUpLabel: string;
  readonly followUpPlaceholder: string;
  readonly followUpValue: string;
  readonly dateLabel: string;
  readonly dateValue: string;
  readonly timeLabel: string;
  readonly timeValue: string;
  readonly saveTitle: string;
  readonly thanks: string;
  readonly saved: readonly CardFact[];
}

export const meetingReflectionCard = cardTemplate<MeetingReflectionCardData>('meeting-reflection');
