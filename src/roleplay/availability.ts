import type { StorylineProgress } from './roleplay-records';

/** Where a learner stands in a storyline right now. */
export type Availability =
  | { readonly kind: 'new' }
  | { readonly kind: 'ready'; readonly meeting: number }
  | { readonly kind: 'locked'; readonly meeting: number; readonly until: Date }
  | { readonly kind: 'completed' };

/** Pure: the next meeting is open once its delay after the previous one has passed. */
export function availabilityOf(progress: StorylineProgress | undefined, now: Date): Availability {
  if (!progress) return { kind: 'new' };
  if (progress.completed) return { kind: 'completed' };
  const until = progress.unlocksAt ? new Date(progress.unlocksAt) : undefined;
  if (until && until.getTime() > now.getTime()) return { kind: 'locked', meeting: progress.nextMeeting, until };
  return { kind: 'ready', meeting: progress.nextMeeting };
}

/** When the meeting after `finished` opens: at once, or after the delay its content asks for. */
export function unlockTime(delayHours: number, now: Date): string | undefined {
  return delayHours > 0 ? new Date(now.getTime() + delayHours * 3_600_000).toISOString() : undefined;
}
