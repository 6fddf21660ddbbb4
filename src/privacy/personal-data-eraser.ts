import type { CheckinRepository } from '../checkins/checkin-repository';
import type { Collections } from '../collect/collections';
import type { DeliveryQueue } from '../delivery/delivery';
import { retryOnConflict } from '../storage/retry-on-conflict';
import type { Store } from '../storage/store';
import type { WorkshopRepository } from '../workshops/workshop-repository';

/** The 1:1 conversation and the person's ids and name stored with shared conversations (kept by the bot layer). */
export interface ConversationMemory {
  forgetPerson(userKey: string): Promise<{ readonly identities: readonly string[]; readonly personalChat: boolean; readonly shared: number }>;
}

export interface EraserDependencies {
  readonly store: Store;
  readonly queue: DeliveryQueue;
  readonly collections: Collections;
  readonly workshops: WorkshopRepository;
  readonly checkins: CheckinRepository;
  readonly conversations: ConversationMemory;
}

/** What went, in kinds a person understands; the confirmation turns each into a plain sentence. */
export interface Erased {
  readonly answers: boolean;
  readonly rosters: boolean;
  readonly messages: boolean;
  readonly chat: boolean;
  readonly sharedConversations: boolean;
  readonly workshopRoles: boolean;
}

/** Removes everything that leads to one person, also what others own or nobody owns, then wipes the deleted bytes. */
export class PersonalDataEraser {
  constructor(private readonly deps: EraserDependencies) {}

  async erase(person: { readonly userKey: string; readonly displayName: string }): Promise<Erased> {
    const { userKey } = person;
    const answers = await this.forgetAnswersAndVotes(userKey);
    const rosters = await this.leaveRosters(userKey);
    const workshopRoles = await this.leaveWorkshops(userKey);
    const { identities, personalChat, shared } = await this.deps.conversations.forgetPerson(userKey);
    const mentions = [...new Set([person.displayName, ...identities].filter(Boolean))].map((text) => JSON.stringify(text));
    const messages = (await this.deps.queue.forget(userKey, mentions)) > 0;
    await this.deps.store.removeOwnedBy(userKey);
    await this.deps.store.wipeDeleted();
    return { answers, rosters, messages, chat: personalChat, sharedConversations: shared > 0, workshopRoles };
  }

  /** Anonymous answers and votes are found again through the pseudonym only the running bot can compute. */
  private async forgetAnswersAndVotes(userKey: string): Promise<boolean> {
    const { collections, workshops } = this.deps;
    let found = false;
    const all = await collections.all();
    for (const collection of all) if (await collections.forget(collection, userKey)) found = true;
    const byId = new Map(all.map((collection) => [collection.id, collection]));
    for (const workshop of await workshops.all()) {
      const collection = byId.get(workshop.collectionId ?? '');
      if (collection) await workshops.forgetVotes(workshop.id, collections.respondentKey(collection, userKey));
    }
    return found;
  }

  /** Copies of the person in other people's check-ins: the roster of members and their Teams id. */
  private async leaveRosters(userKey: string): Promise<boolean> {
    const { checkins } = this.deps;
    let left = false;
    for (const { schedule } of await checkins.allSchedules()) {
      if (schedule.ownerKey === userKey || !schedule.members.some((member) => member.userKey === userKey)) continue;
      await retryOnConflict(2, async () => {
        const current = await checkins.schedule(schedule.id);
        if (!current) return;
        await checkins.saveSchedule({ ...current.schedule, members: current.schedule.members.filter((member) => member.userKey !== userKey) }, current.version);
      });
      left = true;
    }
    return left;
  }

  /** The person's key and name on workshops others still see (as co-facilitator, or on closed ones they ran). */
  private async leaveWorkshops(userKey: string): Promise<boolean> {
    const { workshops } = this.deps;
    let left = false;
    for (const workshop of await workshops.all()) {
      if (workshop.facilitatorKey !== userKey && !workshop.coFacilitatorKeys.includes(userKey)) continue;
      await workshops.change(workshop.id, (latest) => ({
        ...latest,
        ...(latest.facilitatorKey === userKey ? { facilitatorKey: 'removed', facilitatorName: '' } : {}),
        coFacilitatorKeys: latest.coFacilitatorKeys.filter((key) => key !== userKey),
      }));
      left = true;
    }
    return left;
  }
}
