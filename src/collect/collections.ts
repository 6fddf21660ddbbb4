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
    const id = this.responseId(collection, respondent.userKey);
    const current = await this.response(collection, id);
    const answers = applySubmissions(collection, current?.body.answers ?? [], submissions, () => randomId('a'));
    if (answers.length === 0) {
      if (!current) throw new UserFacingError('collect.errors.empty');
      if (collection.settings.anonymous) await this.store.unlinked.remove(responsesCollection, id, current.version);
      else await this.store.remove(responsesCollection, id, current.version);
      return [];
    }
    if (collection.settings.anonymous) {
      // No owner, no name, no time finer than the day, and a place in storage that says nothing about who or when.
      await this.store.unlinked.put<StoredResponse>(responsesCollection, id, { collectionId: collection.id, answers }, current?.version ?? 0);
      return answers;
    }
    const body: StoredResponse = { collectionId: collection.id, answers, author: respondent.displayName };
    await this.store.put({ collection: responsesCollection, id, owner: respondent.userKey, body, expectedVersion: current?.version ?? 0 });
    return answers;
  }

  async ownAnswers(collection: Collection, userKey: string): Promise<readonly Answer[]> {
    return (await this.response(collection, this.responseId(collection, userKey)))?.body.answers ?? [];
  }

  /** Removes this person's answer from a collection, anonymous or named; true when there was one. */
  async forget(collection: Collection, userKey: string): Promise<boolean> {
    const id = this.responseId(collection, userKey);
    return collection.settings.anonymous ? this.store.unlinked.remove(responsesCollection, id) : this.store.remove(responsesCollection, id);
  }

  /** Every collection, for "delete my data", which recomputes the person's pseudonym in each. */
  async all(): Promise<Collection[]> {
    return (await this.store.list<Collection>(collectionsCollection)).map((record) => record.body);
  }

  private responseId(collection: Collection, userKey: string): string {
    return `${collection.id}/${this.respondentKey(collection, userKey)}`;
  }

  private async response(collection: Collection, id: string): Promise<{ readonly body: StoredResponse; readonly version: number } | undefined> {
    return collection.settings.anonymous ? this.store.unlinked.get<StoredResponse>(responsesCollection, id) : this.store.get<StoredResponse>(responsesCollection, id);
  }

  private async responses(collection: Collection): Promise<ReadonlyArray<{ readonly body: StoredResponse }>> {
    const prefix = `${collection.id}/`;
    return collection.settings.anonymous ? this.store.unlinked.list<StoredResponse>(responsesCollection, prefix) : this.store.list<StoredResponse>(responsesCollection, { idPrefix: prefix });
  }

  /** What anyone running the collection may read: no respondent keys, hidden answers left out, names only when named. */
  async sheet(collection: Collection): Promise<AnswerSheet> {
    const records = await this.responses(collection);
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
