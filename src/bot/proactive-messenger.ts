import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { CardRenderer } from '../cards/card-renderer';
import type { CardView } from '../cards/card-view';
import { SendFailure, type Destination, type Messenger, type SendWatch } from '../core/messenger';
import type { Reply } from '../core/reply';
import type { ConversationReferenceRepository, StoredConversationReference } from './conversation-references';
import { toActivity } from './reply-activities';
import { toSendFailure } from './send-failures';
import { watchingSends } from './send-watch';

export interface ProactiveMessengerDependencies {
  /** From createProactiveAdapter: no built-in retries, no inbound middleware. */
  readonly adapter: CloudAdapter;
  readonly references: ConversationReferenceRepository;
  readonly renderer: CardRenderer;
  /** The bot's app id; empty in local mode. */
  readonly botAppId: string;
  /** Empty means any tenant; a stored conversation of a tenant no longer allowed is not written to. */
  readonly allowedTenantIds: readonly string[];
}

/** The Messenger port in Teams: continues a stored conversation and maps Connector errors to SendFailure. */
export class ProactiveMessenger implements Messenger {
  constructor(private readonly deps: ProactiveMessengerDependencies) {}

  async send(destination: Destination, replies: readonly Reply[], watch?: SendWatch): Promise<readonly string[]> {
    const stored = await this.referenceFor(destination);
    const ids: string[] = [];
    await this.continueWith(stored, watch, async (context) => {
      for (const reply of replies) ids.push((await context.sendActivity(toActivity(reply, this.deps.renderer)))?.id ?? '');
    });
    return ids;
  }

  async updateCard(conversationKey: string, activityId: string, view: CardView, watch?: SendWatch): Promise<void> {
    const stored = await this.referenceFor({ conversationKey });
    await this.continueWith(stored, watch, async (context) => {
      await context.updateActivity({ ...toActivity({ kind: 'card', view }, this.deps.renderer), id: activityId });
    });
  }

  private async referenceFor(destination: Destination): Promise<StoredConversationReference> {
    const { references } = this.deps;
    const conversationKey = 'conversationKey' in destination ? destination.conversationKey : await references.personalChatOf(destination.userKey);
    const stored = conversationKey === undefined ? undefined : await references.find(conversationKey);
    if (!stored) throw new SendFailure('no-conversation');
    const { allowedTenantIds } = this.deps;
    if (allowedTenantIds.length > 0 && !allowedTenantIds.includes(stored.tenantId.toLowerCase())) throw new SendFailure('unreachable', 403);
    return stored;
  }

  /** Errors inside the logic are caught there, so no adapter error handler can turn them into a message. */
  private async continueWith(stored: StoredConversationReference, watch: SendWatch | undefined, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    let failure: unknown;
    let ran = false;
    try {
      await watchingSends(watch, () =>
        this.deps.adapter.continueConversationAsync(this.deps.botAppId, stored.reference, async (context) => {
          ran = true;
          try {
            await logic(context);
          } catch (error) {
            failure = error;
          }
        }),
      );
    } catch (error) {
      failure = error;
    }
    if (failure !== undefined) throw toSendFailure(failure);
    if (!ran) throw new SendFailure('transient');
  }
}
