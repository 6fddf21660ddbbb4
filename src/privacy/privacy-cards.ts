import { cardTemplate } from '../cards/card-view';
import type { CardChoice } from '../cards/card-parts';

/** A choice about something the person runs for others: stop it, or hand it over. */
export interface HandoverInput {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly choices: readonly CardChoice[];
}

export interface ConfirmDeleteCardData {
  readonly title: string;
  readonly text: string;
  readonly runsIntro: string;
  readonly handovers: readonly HandoverInput[];
  readonly confirmTitle: string;
  readonly cancelTitle: string;
}

/** A short result shown in place of the confirmation card once the person decided. */
export interface NoticeCardData {
  readonly title: string;
  readonly text: string;
}

export const confirmDeleteCard = cardTemplate<ConfirmDeleteCardData>('privacy-confirm-delete');
export const noticeCard = cardTemplate<NoticeCardData>('notice');
