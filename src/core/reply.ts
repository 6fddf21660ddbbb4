import type { CardView } from '../cards/card-view';

/** A file waiting for the person to accept it: only its id, name, size and a line about it travel with the offer. */
export interface FileOffer {
  readonly exportId: string;
  readonly name: string;
  readonly sizeInBytes: number;
  readonly description: string;
}

/** A file that now sits in the person's own file storage, with the link the chat shows it by. */
export interface DeliveredFile {
  readonly name: string;
  readonly contentUrl: string;
  readonly uniqueId: string;
  readonly fileType: string;
}

/** Something the bot says in the conversation: text, a card, a file offered for consent, or a file handed over. */
export type Reply =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'card'; readonly view: CardView }
  | { readonly kind: 'file-offer'; readonly offer: FileOffer }
  | { readonly kind: 'file'; readonly file: DeliveredFile };

/** What a card action produces: the card it came from replaced in place, and/or new messages. */
export interface ActionOutcome {
  readonly update?: CardView;
  readonly replies?: readonly Reply[];
  /** The update shows the acting person's own answers: only a card-action answer (which reaches just them) may carry it. */
  readonly onlyForActor?: boolean;
}

export const textReply = (text: string): Reply => ({ kind: 'text', text });
export const cardReply = (view: CardView): Reply => ({ kind: 'card', view });
export const fileOfferReply = (offer: FileOffer): Reply => ({ kind: 'file-offer', offer });
export const fileReply = (file: DeliveredFile): Reply => ({ kind: 'file', file });
