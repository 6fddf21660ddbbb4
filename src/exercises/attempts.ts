import type { ModelFailureReason } from '../core/language-model';
import type { Locale } from '../core/locale';
import type { ThemeId } from '../content/themes';
import type { Store } from '../storage/store';

/** What the model said about a free-text answer, or why it said nothing. */
export type AttemptFeedback =
  | { readonly status: 'given'; readonly text: string; readonly coveredKeyPoints?: readonly number[] }
  | { readonly status: 'unavailable'; readonly reason: ModelFailureReason };

/** One go at an exercise: saved at submit, completed with the learner's self-rating and commitment. */
export interface ExerciseAttempt {
  readonly attemptId: string;
  readonly exerciseId: string;
  readonly theme: ThemeId;
  readonly locale: Locale;
  /** ISO instant. */
  readonly submittedAt: string;
  readonly choice?: string;
  readonly correct?: boolean;
  readonly answer?: string;
  readonly feedback?: AttemptFeedback;
  /** 1–5: how close the learner felt to the customer's view. */
  readonly rating?: number;
  readonly commitment?: string;
  /** Indexes into the exercise's key points that the learner ticked as covered; their count feeds progress. */
  readonly coveredKeyPoints?: readonly number[];
  readonly ratedAt?: string;
}

export interface VersionedAttempt {
  readonly attempt: ExerciseAttempt;
  readonly version: number;
}

const collection = 'exercise-attempts';

/** The learner's attempts; every record is owned by the learner, and its id starts with their key. */
export class AttemptRepository {
  constructor(private readonly store: Store) {}

  async find(userKey: string, attemptId: string): Promise<VersionedAttempt | undefined> {
    const record = await this.store.get<ExerciseAttempt>(collection, recordId(userKey, attemptId));
    if (!record || record.owner !== userKey) return undefined;
    return { attempt: record.body, version: record.version };
  }

  /** Saves a new attempt; throws VersionConflictError if this attempt was already saved (a double submit). */
  async create(userKey: string, attempt: ExerciseAttempt): Promise<number> {
    return this.store.put({ collection, id: recordId(userKey, attempt.attemptId), owner: userKey, body: attempt, expectedVersion: 0 });
  }

  async update(userKey: string, attempt: ExerciseAttempt, expectedVersion: number): Promise<number> {
    return this.store.put({ collection, id: recordId(userKey, attempt.attemptId), owner: userKey, body: attempt, expectedVersion });
  }

  /** All of the learner's attempts, oldest first. */
  async listFor(userKey: string): Promise<ExerciseAttempt[]> {
    const records = await this.store.list<ExerciseAttempt>(collection, { owner: userKey, idPrefix: `${userKey}:` });
    return records.map((record) => record.body).sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
  }
}

const recordId = (userKey: string, attemptId: string): string => `${userKey}:${attemptId}`;
