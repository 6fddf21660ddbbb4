import { retryOnConflict } from '../storage/retry-on-conflict';
import { randomBytes } from 'node:crypto';
import { UserFacingError } from '../core/errors';
import type { Store } from '../storage/store';
import { aggregate, type CollectionResults } from './aggregation';
import {
  acceptsAnswers,
  applySubmissions,
  type Answer,
  type AnswerSheet,
  type AnswerSubmission,
  type Collection,
  type CollectionSettings,
  type Question,
  type VisibleAnswer,
} from './collection';
import { respondentKeyOf } from './pseudonym';

const collectionsCollection = 'collections';
const responsesCollection = 'collection-responses';

/** One person's answers as stored; the respondent key is only in the record id, and a name only in named collections. */
interface StoredResponse {
  readonly collectionId: string;
  readonly answers: readonly Answer[];
  readonly author?: string;
}

export interface NewCollection {
  readonly purpose: string;
  readonly questions: readonly Question[];
  readonly settings: CollectionSettings;
}

/** The person answering, always taken from the turn's actor. */
export interface Respondent {
  readonly userKey: string;
  readonly displayName: string;
}

export const randomId = (prefix: string): string => `${prefix}_${randomBytes(12).toString('base64url')}`;

/** Creates collections and takes, edits, moderates and aggregates their answers in the records store. */
export class Collections {
  constructor(
    private readonly store: Store,
    private readonly secret: Buffer,
  ) {}

  async create(spec: NewCollection, now: Date): Promise<Collection> {
    const collection: Collection = {
      id: randomId('col'),
      ...spec,
      status: 'open',
      revealed: false,
      hiddenAnswerIds: [],
      createdAt: now.toISOString(),
    };
    await this.store.put({ collection: collectionsCollection, id: collection.id, body: collection, expectedVersion: 0 });
    return collection;
  }

  /** The collection; throws UserFacingError('collect.errors.gone') when it does not exist. */
  async get(id: string): Promise<Collection> {
    const collection = await this.find(id);
    if (!collection) throw new UserFacingError('collect.errors.gone');
    return collection;
  }

  async find(id: string): Promise<Collection | undefined> {
    return (await this.store.get<Collection>(collectionsCollection, id))?.body;
  }

  /** The key this person's answers are stored under (a pseudonym in anonymous collections); also for related per-person records. */
  respondentKey(collection: Collection, userKey: string): string {
    return respondentKeyOf(this.secret, collection, userKey);
  }

  /** Saves a person's answers (a new answer or an edit) and returns all of their answers. */
  async answer(collectionId: string, respondent: Respondent, submissions: readonly AnswerSubmission[], now: Date): Promise<readonly Answer[]> {
    const collection = await this.get(collectionId);
    if (!acceptsAnswers(collection, now)) throw new UserFacingError('collect.errors.closed');
    const id = `${collection.id}/${this.respondentKey(collection, respondent.userKey)}`;
    const current = await this.store.get<StoredResponse>(responsesCollection, id);
    const answers = applySubmissions(collection, current?.body.answers ?? [], submissions, () => randomId('a'));
    if (answers.length === 0) {
      if (!current) throw new UserFacingError('collect.errors.empty');
      await this.store.remove(responsesCollection, id, current.version);
      return [];
    }
    const body: StoredResponse = collection.settings.anonymous
      ? { collectionId: collection.id, answers }
      : { collectionId: collection.id, answers, author: respondent.displayName };
    const owner = collection.settings.anonymous ? undefined : respondent.userKey;
    await this.store.put({ collection: responsesCollection, id, owner, body, expectedVersion: current?.version ?? 0 });
    return answers;
  }

  async ownAnswers(collection: Collection, userKey: string): Promise<readonly Answer[]> {
    const id = `${collection.id}/${this.respondentKey(collection, userKey)}`;
    return (await this.store.get<StoredResponse>(responsesCollection, id))?.body.answers ?? [];
  }

  /** What anyone running the collection may read: no respondent keys, hidden answers left out, names only when named. */
  async sheet(collection: Collection): Promise<AnswerSheet> {
    const records = await this.store.list<StoredResponse>(responsesCollection, { idPrefix: `${collection.id}/` });
    const hidden = new Set(collection.hiddenAnswerIds);
    const answers = records
      .flatMap((record) => record.body.answers.map((answer) => ({ answer, author: record.body.author })))
      .filter(({ answer }) => !hidden.has(answer.answerId))
      .map(({ answer, author }): VisibleAnswer => (collection.settings.anonymous || author === undefined ? answer : { ...answer, author }))
      .sort((a, b) => (a.answerId < b.answerId ? -1 : a.answerId > b.answerId ? 1 : 0));
    return { respondents: records.length, answers };
  }

  async results(collection: Collection, invited?: number): Promise<CollectionResults> {
    return aggregate(collection, await this.sheet(collection), invited);
  }

  reveal(id: string): Promise<Collection> {
    return this.change(id, (collection) => ({ ...collection, revealed: true }));
  }

  close(id: string, now: Date): Promise<Collection> {
    return this.change(id, (collection) =>
      collection.status === 'closed' ? collection : { ...collection, status: 'closed', closedAt: now.toISOString() },
    );
  }

  /** Takes an answer out of every view and result; whoever hides it learns nothing about its author. */
  hide(id: string, answerId: string): Promise<Collection> {
    return this.change(id, (collection) =>
      collection.hiddenAnswerIds.includes(answerId) ? collection : { ...collection, hiddenAnswerIds: [...collection.hiddenAnswerIds, answerId] },
    );
  }

  /** Read, change, write with a version check; a lost race is retried, since every change here is idempotent. */
  private async change(id: string, update: (collection: Collection) => Collection): Promise<Collection> {
    return retryOnConflict(2, async () => {
      const record = await this.store.get<Collection>(collectionsCollection, id);
      if (!record) throw new UserFacingError('collect.errors.gone');
      const next = update(record.body);
      if (next === record.body) return next;
      await this.store.put({ collection: collectionsCollection, id, body: next, expectedVersion: record.version });
      return next;
    });
  }
}
