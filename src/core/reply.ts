import type { CardView } from '../cards/card-view';

/** Something the bot says in the conversation. */
export type Reply = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'card'; readonly view: CardView };

/** What a card action produces: the card it came from replaced in place, and/or new messages. */
export interface ActionOutcome {
  readonly update?: CardView;
  readonly replies?: readonly Reply[];
  /** The update shows the acting person's own answers: only a card-action answer (which reaches just them) may carry it. */
  readonly onlyForActor?: boolean;
}

export const textReply = (text: string): Reply => ({ kind: 'text', text });
export const cardReply = (view: CardView): Reply => ({ kind: 'card', view });
