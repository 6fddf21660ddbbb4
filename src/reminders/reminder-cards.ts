import { cardTemplate } from '../cards/card-view';
import type { CardButton, CardChoice } from '../cards/card-parts';

export interface ReminderSetupCardData {
  readonly title: string;
  readonly intro: string;
  readonly notice: string;
  readonly daysLabel: string;
  /** Comma-separated weekday ids. */
  readonly days: string;
  readonly dayChoices: readonly CardChoice[];
  readonly timeLabel: string;
  readonly time: string;
  readonly saveTitle: string;
  /** Shown when a reminder exists. */
  readonly canStop: boolean;
  readonly stopTitle: string;
}

export interface ReminderNudgeCardData {
  readonly title: string;
  readonly theme: string;
  readonly suggestion: string;
  readonly notice: string;
  /** Links into exercises or role-play, only for verbs the bot has. */
  readonly buttons: readonly CardButton[];
  readonly laterTitle: string;
  readonly tomorrowTitle: string;
  readonly snoozeTitle: string;
  readonly stopTitle: string;
  readonly active: boolean;
}

export const reminderSetupCard = cardTemplate<ReminderSetupCardData>('reminder-setup');
export const reminderNudgeCard = cardTemplate<ReminderNudgeCardData>('reminder-nudge');
