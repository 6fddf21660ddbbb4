import type { Locale } from '../core/locale';
import type { Store } from '../storage/store';
import type { CustomerMemory, MeetingState } from './meeting-state';
import type { Debrief } from './judging/rule-judge';

/** Where a learner is in one storyline, and what its customer remembers. */
export interface StorylineProgress {
  /** The meeting to play next, counted from 1. */
  readonly nextMeeting: number;
  readonly completed: boolean;
  /** ISO time before which the next meeting stays locked. */
  readonly unlocksAt?: string;
  readonly lastPlayedAt?: string;
  readonly memory: CustomerMemory;
}

/** One learner's role-play state: the meeting in progress, progress per storyline, and recent model calls. */
export interface LearnerRecord {
  readonly activeSessionId?: string;
  readonly progress: Readonly<Record<string, StorylineProgress>>;
  readonly modelCalls: readonly string[];
}

/** One meeting: its transcript and rules state, and once ended its debrief and the learner's own check. */
export interface SessionRecord {
  readonly id: string;
  readonly storylineId: string;
  readonly meetingNumber: number;
  readonly locale: Locale;
  readonly status: 'active' | 'ended';
  readonly startedAt: string;
  readonly endedAt?: string;
  readonly state: MeetingState;
  readonly noticesShown: readonly string[];
  readonly debrief?: Debrief;
  readonly selfCheck?: readonly string[];
  /** A second try at one moment of an ended meeting; its end leaves the storyline's progress as it was. */
  readonly retryOf?: string;
}

export interface Versioned<T> {
  readonly body: T;
  /** 0 when the record does not exist yet. */
  readonly version: number;
}

const learners = 'roleplay-learners';
const sessions = 'roleplay-sessions';
const emptyLearner: LearnerRecord = { progress: {}, modelCalls: [] };

/** Role-play records; every one is owned by the learner, so "delete my data" removes them all. */
export class RoleplayRecords {
  constructor(private readonly store: Store) {}

  async learner(userKey: string): Promise<Versioned<LearnerRecord>> {
    const record = await this.store.get<LearnerRecord>(learners, userKey);
    return record ? { body: record.body, version: record.version } : { body: emptyLearner, version: 0 };
  }

  async session(userKey: string, sessionId: string): Promise<Versioned<SessionRecord> | undefined> {
    const record = await this.store.get<SessionRecord>(sessions, sessionKey(userKey, sessionId));
    return record && { body: record.body, version: record.version };
  }

  async sessions(userKey: string): Promise<SessionRecord[]> {
    return (await this.store.list<SessionRecord>(sessions, { owner: userKey, idPrefix: `${userKey}/` })).map((record) => record.body);
  }

  /**
   * The storyline's meetings this learner ended before the given one, each as last played: a retry is a second try at one moment,
   * not the meeting the customer remembers, and a meeting played again in a later run replaces the earlier run's.
   */
  async earlierMeetings(userKey: string, session: SessionRecord): Promise<SessionRecord[]> {
    const ended = (await this.sessions(userKey)).filter(
      (other) => other.storylineId === session.storylineId && other.meetingNumber < session.meetingNumber && other.status === 'ended' && !other.retryOf && other.startedAt <= session.startedAt,
    );
    const latest = new Map<number, SessionRecord>();
    for (const other of ended) {
      const kept = latest.get(other.meetingNumber);
      if (!kept || kept.startedAt < other.startedAt) latest.set(other.meetingNumber, other);
    }
    return [...latest.values()].sort((a, b) => a.meetingNumber - b.meetingNumber);
  }

  /** Writes the learner and session records together, each only if nobody changed it since it was read. */
  async save(userKey: string, learner: Versioned<LearnerRecord> | undefined, session: Versioned<SessionRecord> | undefined): Promise<void> {
    // One record alone is written atomically by its put; a transaction is needed only to keep two in step.
    if (session && !learner) {
      await this.store.put({ collection: sessions, id: sessionKey(userKey, session.body.id), ...ownerOnInsert(userKey, session.version), body: session.body, expectedVersion: session.version });
      return;
    }
    await this.store.transaction(async (tx) => {
      if (learner) await tx.put({ collection: learners, id: userKey, ...ownerOnInsert(userKey, learner.version), body: learner.body, expectedVersion: learner.version });
      if (session) {
        const id = sessionKey(userKey, session.body.id);
        await tx.put({ collection: sessions, id, ...ownerOnInsert(userKey, session.version), body: session.body, expectedVersion: session.version });
      }
    });
  }

  /** Forgets a meeting that ended before the learner said anything. */
  async cancel(userKey: string, learner: Versioned<LearnerRecord>, sessionId: string, sessionVersion: number): Promise<void> {
    await this.store.transaction(async (tx) => {
      await tx.put({ collection: learners, id: userKey, ...ownerOnInsert(userKey, learner.version), body: learner.body, expectedVersion: learner.version });
      await tx.remove(sessions, sessionKey(userKey, sessionId), sessionVersion);
    });
  }
}

// An update keeps the stored owner (always the learner); naming it again would make SQLite rewrite its index entries.
const ownerOnInsert = (userKey: string, version: number): { owner?: string } => (version === 0 ? { owner: userKey } : {});

const sessionKey = (userKey: string, sessionId: string): string => `${userKey}/${sessionId}`;
