import type { EarlierMeeting } from './grounding';
import type { Move } from '../reading/intents';
import type { RoleplayRecords, SessionRecord } from '../roleplay-records';

/** The earlier meetings a turn's moves are weighed against: only a reference back needs them, so no other turn reads more records. */
export async function earlierMeetingsFor(records: RoleplayRecords, userKey: string, session: SessionRecord, moves: readonly Move[]): Promise<readonly EarlierMeeting[]> {
  if (session.meetingNumber <= 1 || !moves.some((move) => move.kind === 'refers-back')) return [];
  return records.earlierMeetings(userKey, session);
}
