import type { ConversationReference } from 'botbuilder';
import type { ConversationKind } from '../core/turn';
import type { RecordKey, Store, StoredRecord } from '../storage/store';

/** What proactive messages need to reach a conversation later, after any restart. */
export interface StoredConversationReference {
  readonly reference: Partial<ConversationReference>;
  readonly kind: ConversationKind;
  readonly tenantId: string;
}

const referenceCollection = 'conversation-references';
const personalChatCollection = 'personal-chats';

/** What remember() compares with, read before it; undefined where nothing is stored. */
export interface RememberedConversation {
  readonly reference: StoredRecord<unknown> | undefined;
  readonly personalChat: StoredRecord<unknown> | undefined;
}

/** The records remember() compares with, for a turn that reads them together with its other records. */
export function rememberedKeys(conversationKey: string, userKey: string): readonly [RecordKey, RecordKey] {
  return [
    { collection: referenceCollection, id: conversationKey },
    { collection: personalChatCollection, id: userKey },
  ];
}

/** Conversation references keyed by our own conversation key, and each user's personal chat by user key. */
export class ConversationReferenceRepository {
  constructor(private readonly store: Store) {}

  /**
   * Writes only when something changed (a new conversation, or Teams moved the service URL). `known` is what the turn
   * already read under rememberedKeys; without it the records are read here.
   */
  async remember(conversationKey: string, userKey: string, stored: StoredConversationReference, known?: RememberedConversation): Promise<void> {
    const existing = known ? (known.reference as StoredRecord<StoredConversationReference> | undefined) : await this.store.get<StoredConversationReference>(referenceCollection, conversationKey);
    if (!existing || existing.body.reference.serviceUrl !== stored.reference.serviceUrl) {
      await this.store.put({ collection: referenceCollection, id: conversationKey, body: stored });
    }
    if (stored.kind === 'personal') {
      const chat = known ? (known.personalChat as StoredRecord<{ conversationKey: string }> | undefined) : await this.store.get<{ conversationKey: string }>(personalChatCollection, userKey);
      if (chat?.body.conversationKey !== conversationKey) {
        await this.store.put({ collection: personalChatCollection, id: userKey, owner: userKey, body: { conversationKey } });
      }
    }
  }

  async find(conversationKey: string): Promise<StoredConversationReference | undefined> {
    return (await this.store.get<StoredConversationReference>(referenceCollection, conversationKey))?.body;
  }

  /**
   * "Delete my data": removes the person's 1:1 reference and their Teams ids and name from the references of shared
   * conversations (kept there only as whoever spoke first). Returns those ids and the name, to find them elsewhere.
   */
  async forgetPerson(userKey: string): Promise<{ readonly identities: readonly string[]; readonly personalChat: boolean; readonly shared: number }> {
    const chatKey = await this.personalChatOf(userKey);
    const user = chatKey === undefined ? undefined : (await this.find(chatKey))?.reference.user;
    const identities = [user?.id, user?.aadObjectId, user?.name].filter((value): value is string => typeof value === 'string' && value !== '');
    const ids = new Set(identities.slice(0, 2));
    let shared = 0;
    for (const record of await this.store.list<StoredConversationReference>(referenceCollection)) {
      const spoke = record.body.reference.user;
      if (record.id === chatKey || !spoke || !(ids.has(spoke.id) || (spoke.aadObjectId !== undefined && ids.has(spoke.aadObjectId)))) continue;
      const reference = { ...record.body.reference };
      delete reference.user;
      await this.store.put({ collection: referenceCollection, id: record.id, body: { ...record.body, reference } });
      shared += 1;
    }
    const personalChat = chatKey !== undefined && (await this.store.remove(referenceCollection, chatKey));
    await this.store.remove(personalChatCollection, userKey);
    return { identities, personalChat, shared };
  }

  async personalChatOf(userKey: string): Promise<string | undefined> {
    return (await this.store.get<{ conversationKey: string }>(personalChatCollection, userKey))?.body.conversationKey;
  }
}
