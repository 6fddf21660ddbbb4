import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { CardRenderer } from '../cards/card-renderer';
import type { Reply } from '../core/reply';

/** Turns the core's replies into Bot Framework message activities. */
export function toActivity(reply: Reply, renderer: CardRenderer): Partial<Activity> {
  if (reply.kind === 'text') return MessageFactory.text(reply.text);
  return MessageFactory.attachment(CardFactory.adaptiveCard(renderer.render(reply.view)));
}
