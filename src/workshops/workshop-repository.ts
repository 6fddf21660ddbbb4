import { retryOnConflict } from '../storage/retry-on-conflict';
import { randomBytes } from 'node:crypto';
import { UserFacingError } from '../core/errors';
import type { Store } from '../storage/store';
import { countedVotes } from './answer-merges';
import type { Workshop } from './workshop';

const workshopsCollection = 'workshops';
const votesCollection = 'workshop-votes';

interface StoredVotes {
  readonly answerIds: readonly string[];
}

/** Workshops and their dot-votes in the records store; votes are keyed by the collection's respondent key. */
export class WorkshopRepository {
  constructor(private readonly store: Store) {}

  /** Ids start with the conversation key and the time, so the latest workshop of a conversation is the last listed. */
  newId(conversationKey: string, now: Date): string {
    return `${conversationKey}:${now.getTime().toString(36).padStart(9, '0')}:${randomBytes(6).toString('base64url')}`;
  }

  async create(workshop: Workshop): Promise<void> {
    await this.store.put({ collection: workshopsCollection, id: workshop.id, body: workshop, expectedVersion: 0 });
  }

  /** The workshop, only if it belongs to this conversation (card data is never trusted to say where it came from). */
  async get(id: string, conversationKey: string): Promise<Workshop> {
    const workshop = (await this.store.get<Workshop>(workshopsCollection, id))?.body;
    if (!workshop || workshop.conversationKey !== conversationKey) throw new UserFacingError('workshops.errors.gone');
    return workshop;
  }

  async latest(conversationKey: string, matches: (workshop: Workshop) => boolean): Promise<Workshop | undefined> {
    const records = await this.store.list<Workshop>(workshopsCollection, { idPrefix: `${conversationKey}:` });
    return records.map((record) => record.body).filter(matches).at(-1);
  }

  /** Read, change, write with a version check, retried when another turn changed it first. */
  async change(id: string, update: (workshop: Workshop) => Workshop): Promise<Workshop> {
    return retryOnConflict(2, async () => {
      const record = await this.store.get<Workshop>(workshopsCollection, id);
      if (!record) throw new UserFacingError('workshops.errors.gone');
      const next = update(record.body);
      if (next === record.body) return next;
      await this.store.put({ collection: workshopsCollection, id, body: next, expectedVersion: record.version });
      return next;
    });
  }

  /**
   * Votes per answer id, and how many people voted (named votes are owned records, anonymous ones unlinked). With
   * `canonical`, votes for merged answers go to the kept one, once per person however many of them they voted for.
   */
  async tally(workshopId: string, canonical: (answerId: string) => string = (id) => id): Promise<{ readonly votes: ReadonlyMap<string, number>; readonly voters: number }> {
    const prefix = `${workshopId}/`;
    const records = [...(await this.store.list<StoredVotes>(votesCollection, { idPrefix: prefix })), ...(await this.store.unlinked.list<StoredVotes>(votesCollection, prefix))];
    const votes = new Map<string, number>();
    for (const record of records) for (const answerId of countedVotes(record.body.answerIds, canonical)) votes.set(answerId, (votes.get(answerId) ?? 0) + 1);
    return { votes, voters: records.filter((record) => record.body.answerIds.length > 0).length };
  }

  async ownVotes(workshopId: string, respondentKey: string, anonymous: boolean): Promise<{ readonly answerIds: readonly string[]; readonly version: number }> {
    const id = `${workshopId}/${respondentKey}`;
    const record = anonymous ? await this.store.unlinked.get<StoredVotes>(votesCollection, id) : await this.store.get<StoredVotes>(votesCollection, id);
    return { answerIds: record?.body.answerIds ?? [], version: record?.version ?? 0 };
  }

  /** `owner` is the person's user key in named workshops; without one the votes are stored unlinked. */
  async saveVotes(workshopId: string, respondentKey: string, owner: string | undefined, answerIds: readonly string[], expectedVersion: number): Promise<void> {
    const body: StoredVotes = { answerIds };
    const id = `${workshopId}/${respondentKey}`;
    if (owner === undefined) await this.store.unlinked.put(votesCollection, id, body, expectedVersion);
    else await this.store.put({ collection: votesCollection, id, owner, body, expectedVersion });
  }

  /** Removes a person's votes in one workshop ("delete my data"); anonymous ones are found through their pseudonym. */
  async forgetVotes(workshopId: string, respondentKey: string): Promise<void> {
    const id = `${workshopId}/${respondentKey}`;
    await this.store.unlinked.remove(votesCollection, id);
    await this.store.remove(votesCollection, id);
  }

  /** Every workshop, for "delete my data". */
  async all(): Promise<Workshop[]> {
    return (await this.store.list<Workshop>(workshopsCollection)).map((record) => record.body);
  }
}
