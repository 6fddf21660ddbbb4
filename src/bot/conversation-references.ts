import type { ConversationReference } from 'botbuilder';
import type { ConversationKind } from '../core/turn';
import type { Store } from '../storage/store';

/** What proactive messages need to reach a conversation later, after any restart. */
export interface StoredConversationReference {
  readonly reference: Partial<ConversationReference>;
  readonly kind: ConversationKind;
  readonly tenantId: string;
}

const referenceCollection = 'conversation-references';
const personalChatCollection = 'personal-chats';

/** Conversation references keyed by our own conversation key, and each user's personal chat by user key. */
export class ConversationReferenceRepository {
  constructor(private readonly store: Store) {}

  /** Writes only when something changed (a new conversation, or Teams moved the service URL). */
  async remember(conversationKey: string, userKey: string, stored: StoredConversationReference): Promise<void> {
    const existing = await this.store.get<StoredConversationReference>(referenceCollection, conversationKey);
    if (!existing || existing.body.reference.serviceUrl !== stored.reference.serviceUrl) {
      await this.store.put({ collection: referenceCollection, id: conversationKey, body: stored });
    }
    if (stored.kind === 'personal') {
      const chat = await this.store.get<{ conversationKey: string }>(personalChatCollection, userKey);
      if (chat?.body.conversationKey !== conversationKey) {
        await this.store.put({ collection: personalChatCollection, id: userKey, owner: userKey, body: { conversationKey } });
      }
    }
  }

  async find(conversationKey: string): Promise<StoredConversationReference | undefined> {
    return (await this.store.get<StoredConversationReference>(referenceCollection, conversationKey))?.body;
  }

  async personalChatOf(userKey: string): Promise<string | undefined> {
    return (await this.store.get<{ conversationKey: string }>(personalChatCollection, userKey))?.body.conversationKey;
  }
}
