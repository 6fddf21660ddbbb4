import type { ThemeId } from '../../content/themes';
import { UserFacingError } from '../../core/errors';
import type { Store } from '../../storage/store';

/** The collection the exercises' `progress` view reads pledges from. */
export const pledgeCollection = 'workshop-pledges';
const followUpDays = 7;

/** How the week went, in the person's own rating (1–5) and, if they like, words. */
export interface PledgeReflection {
  readonly rating: number;
  readonly text?: string;
  readonly at: string;
}

/** One of a workshop's top-voted answers, copied into the pledge so it stays when the workshop's answers go. */
export interface ChosenBehaviour {
  readonly answerId: string;
  readonly text: string;
}

/** A behaviour a person chose to practise after a workshop; owned by them. */
export interface Pledge {
  readonly theme: ThemeId;
  readonly text?: string;
  /** The team's answer the person chose to practise (its words as voted), when they chose one. */
  readonly behaviour?: ChosenBehaviour;
  readonly workshopId: string;
  /** For the delivery engine's per-tenant rate limit; absent on pledges saved before follow-ups existed. */
  readonly tenantId?: string;
  readonly createdAt: string;
  /** When the 1:1 follow-up with an exercise of this theme is due (read by the delivery engine). */
  readonly followUpAt: string;
  readonly followedUpAt?: string;
  readonly reflection?: PledgeReflection;
}

/** A pledge whose follow-up is due, as the delivery engine needs it. */
export interface DueFollowUp {
  readonly pledgeId: string;
  readonly userKey: string;
  readonly tenantId: string;
  readonly theme: ThemeId;
  /** Part of the occurrence key: a pledge made again after its follow-up gets a follow-up of its own. */
  readonly followUpAt: string;
}

/** Pledges in the records store: one per person and workshop, owned by the person for "my data". */
export class Pledges {
  constructor(private readonly store: Store) {}

  /** Saves or replaces this person's pledge for the workshop; the follow-up moves a week from now. */
  async save(
    person: { readonly userKey: string; readonly tenantId: string },
    workshopId: string,
    theme: ThemeId,
    text: string,
    now: Date,
    behaviour?: ChosenBehaviour,
  ): Promise<Pledge> {
    const id = `${workshopId}/${person.userKey}`;
    const current = await this.store.get<Pledge>(pledgeCollection, id);
    const pledge: Pledge = {
      theme,
      ...(text ? { text } : {}),
      ...(behaviour ? { behaviour } : {}),
      workshopId,
      tenantId: person.tenantId,
      createdAt: now.toISOString(),
      followUpAt: new Date(now.getTime() + followUpDays * 24 * 60 * 60 * 1000).toISOString(),
    };
    await this.store.put({ collection: pledgeCollection, id, owner: person.userKey, body: pledge, expectedVersion: current?.version ?? 0 });
    return pledge;
  }

  async own(workshopId: string, userKey: string): Promise<Pledge | undefined> {
    return (await this.store.get<Pledge>(pledgeCollection, `${workshopId}/${userKey}`))?.body;
  }

  /** A pledge by id with its owner; undefined when it is gone (deleted with "my data", say). */
  async byId(pledgeId: string): Promise<{ readonly pledge: Pledge; readonly owner: string | undefined } | undefined> {
    const record = await this.store.get<Pledge>(pledgeCollection, pledgeId);
    return record && { pledge: record.body, owner: record.owner };
  }

  async ofWorkshop(workshopId: string): Promise<Pledge[]> {
    return (await this.store.list<Pledge>(pledgeCollection, { idPrefix: `${workshopId}/` })).map((record) => record.body);
  }

  async ofPerson(userKey: string): Promise<Pledge[]> {
    return (await this.store.list<Pledge>(pledgeCollection, { owner: userKey })).map((record) => record.body);
  }

  /** Hook for the delivery engine (issue 4): pledges whose week has passed and that have not been followed up. */
  async dueFollowUps(now: Date): Promise<DueFollowUp[]> {
    const records = await this.store.list<Pledge>(pledgeCollection);
    return records
      .filter((record) => record.owner !== undefined && !record.body.followedUpAt && Date.parse(record.body.followUpAt) <= now.getTime())
      .map((record) => ({
        pledgeId: record.id,
        userKey: record.owner as string,
        tenantId: record.body.tenantId ?? '',
        theme: record.body.theme,
        followUpAt: record.body.followUpAt,
      }));
  }

  /** Called by the delivery engine once the follow-up is queued, so it is planned only once. Throws VersionConflictError on a race. */
  async markFollowedUp(pledgeId: string, now: Date): Promise<void> {
    const record = await this.store.get<Pledge>(pledgeCollection, pledgeId);
    if (!record || record.body.followedUpAt) return;
    await this.store.put({
      collection: pledgeCollection,
      id: pledgeId,
      owner: record.owner,
      body: { ...record.body, followedUpAt: now.toISOString() },
      expectedVersion: record.version,
    });
  }

  /** Stores how the week went; only the pledge's owner may, and a stale read loses (VersionConflictError). */
  async reflect(pledgeId: string, userKey: string, reflection: PledgeReflection): Promise<Pledge> {
    const record = await this.store.get<Pledge>(pledgeCollection, pledgeId);
    if (!record) throw new UserFacingError('workshops.errors.pledgeGone');
    if (record.owner !== userKey) throw new UserFacingError('workshops.errors.notYourPledge');
    const body: Pledge = { ...record.body, reflection };
    await this.store.put({ collection: pledgeCollection, id: pledgeId, owner: record.owner, body, expectedVersion: record.version });
    return body;
  }
}
