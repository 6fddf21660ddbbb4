import type { ThemeId } from '../content/themes';
import type { Store } from '../storage/store';

/** The collection the exercises' `progress` view reads pledges from. */
export const pledgeCollection = 'workshop-pledges';
const followUpDays = 7;

/** A behaviour a person chose to practise after a workshop; owned by them. */
export interface Pledge {
  readonly theme: ThemeId;
  readonly text?: string;
  readonly workshopId: string;
  readonly createdAt: string;
  /** When the 1:1 follow-up with an exercise of this theme is due (read by the delivery engine). */
  readonly followUpAt: string;
  readonly followedUpAt?: string;
}

/** A pledge whose follow-up is due, as the delivery engine needs it. */
export interface DueFollowUp {
  readonly pledgeId: string;
  readonly userKey: string;
  readonly theme: ThemeId;
}

/** Pledges in the records store: one per person and workshop, owned by the person for "my data". */
export class Pledges {
  constructor(private readonly store: Store) {}

  /** Saves or replaces this person's pledge for the workshop; the follow-up moves a week from now. */
  async save(userKey: string, workshopId: string, theme: ThemeId, text: string, now: Date): Promise<Pledge> {
    const id = `${workshopId}/${userKey}`;
    const current = await this.store.get<Pledge>(pledgeCollection, id);
    const pledge: Pledge = {
      theme,
      ...(text ? { text } : {}),
      workshopId,
      createdAt: now.toISOString(),
      followUpAt: new Date(now.getTime() + followUpDays * 24 * 60 * 60 * 1000).toISOString(),
    };
    await this.store.put({ collection: pledgeCollection, id, owner: userKey, body: pledge, expectedVersion: current?.version ?? 0 });
    return pledge;
  }

  async own(workshopId: string, userKey: string): Promise<Pledge | undefined> {
    return (await this.store.get<Pledge>(pledgeCollection, `${workshopId}/${userKey}`))?.body;
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
      .map((record) => ({ pledgeId: record.id, userKey: record.owner as string, theme: record.body.theme }));
  }

  /** Called by the delivery engine once the follow-up exercise is sent, so it is sent only once. */
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
}
