import type { CardView } from '../cards/card-view';
import type { Reply } from '../core/reply';
import type { Delivery } from './delivery';

/** What to do now: post, replace a card posted earlier, or cancel (answered, opted out…; `missed` when it came too late). */
export type Prepared =
  | { readonly kind: 'send'; readonly replies: readonly Reply[] }
  | { readonly kind: 'update'; readonly conversationKey: string; readonly activityId: string; readonly view: CardView }
  | { readonly kind: 'cancel'; readonly reason: string; readonly missed?: boolean };

/** The part of a capability that renders its scheduled messages and hears how they went. */
export interface DeliveryHandler {
  /** Matches NewDelivery.kind. */
  readonly kind: string;
  /** Called right before sending, so the message reflects the state at send time. */
  prepare(delivery: Delivery): Promise<Prepared>;
  delivered?(delivery: Delivery, activityIds: readonly string[]): Promise<void>;
  /** The recipient cannot be reached (bot blocked or not installed for them). */
  unreachable?(delivery: Delivery): Promise<void>;
  /** Too late: the bot was down past the grace window. */
  missed?(delivery: Delivery): Promise<void>;
}

/** Handlers by kind, built once at the composition root. */
export class DeliveryHandlers {
  private readonly byKind = new Map<string, DeliveryHandler>();

  constructor(handlers: readonly DeliveryHandler[] = []) {
    for (const handler of handlers) this.add(handler);
  }

  add(handler: DeliveryHandler): void {
    if (this.byKind.has(handler.kind)) throw new Error(`delivery kind "${handler.kind}" has two handlers`);
    this.byKind.set(handler.kind, handler);
  }

  get(kind: string): DeliveryHandler | undefined {
    return this.byKind.get(kind);
  }
}
