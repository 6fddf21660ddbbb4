import type { CardView } from '../cards/card-view';
import type { Reply } from './reply';

/** Where a proactive message goes: a stored conversation, or a person's personal chat with the bot. */
export type Destination = { readonly conversationKey: string } | { readonly userKey: string };

/** Why a proactive send did not land. `unreachable` is permanent (bot blocked, not installed, chat gone). */
export type SendFailureReason = 'unreachable' | 'throttled' | 'transient' | 'no-conversation';

export class SendFailure extends Error {
  constructor(
    readonly reason: SendFailureReason,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(`proactive send failed: ${reason}${status ? ` (${status})` : ''}`);
    this.name = 'SendFailure';
  }
}

/**
 * Told when a send's request goes out and when Teams' answer arrives (before the SDK has read it through), so the
 * rate windows and the time-out cover the request in flight only. A messenger that cannot tell may stay silent.
 */
export interface SendWatch {
  leaving(): void;
  answered(): void;
}

/** Sends and updates messages outside a turn (scheduled check-ins, reminders, result cards updated in place). */
export interface Messenger {
  /** Posts the replies; returns the id of each posted activity (to update it later). Throws SendFailure. */
  send(destination: Destination, replies: readonly Reply[], watch?: SendWatch): Promise<readonly string[]>;
  /** Replaces a card posted earlier. Throws SendFailure. */
  updateCard(conversationKey: string, activityId: string, view: CardView, watch?: SendWatch): Promise<void>;
}
