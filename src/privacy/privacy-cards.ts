import { cardTemplate } from '../cards/card-view';

export interface ConfirmDeleteCardData {
  readonly title: string;
  readonly text: string;
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
