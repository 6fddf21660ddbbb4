import { z } from 'zod';
import { themeIds } from '../content/themes';
import type { Store } from '../storage/store';
import type { PracticeEvent } from './practice-rules';

/** Written by the meetings capability; read here by name so exercises work with or without it. */
const collection = 'meeting-reflections';
/** Not an exercise id, so reflections never count in an exercise's rotation. */
const reflectionExerciseId = 'meeting-reflection';
const reflectionSchema = z.object({
  answeredAt: z.string(),
  ratings: z.partialRecord(z.enum(themeIds), z.number().int().min(1).max(5)),
  followUp: z.object({ text: z.string().trim().min(1), remindAt: z.string().optional() }).optional(),
});

/** A person's reflections after meetings, as far as practice and progress need them; records of another shape are left out. */
export interface ReflectionSummary {
  /** Self-ratings per theme, as practice events for the spaced pick. */
  readonly events: readonly PracticeEvent[];
  /** Follow-ups they wrote, newest first: commitments with the reminder instant when they named one. */
  readonly followUps: ReadonlyArray<{ readonly text: string; readonly at: string; readonly remindAt: string | undefined }>;
  readonly count: number;
}

export async function meetingReflectionsOf(store: Store, userKey: string): Promise<ReflectionSummary> {
  const parsed = (await store.list<unknown>(collection, { owner: userKey })).flatMap((record) => {
    const result = reflectionSchema.safeParse(record.body);
    return result.success ? [result.data] : [];
  });
  return {
    events: parsed.flatMap((reflection) =>
      Object.entries(reflection.ratings).map(([theme, rating]) => ({ exerciseId: reflectionExerciseId, theme: theme as PracticeEvent['theme'], at: new Date(reflection.answeredAt), rating, ratingOnly: true })),
    ),
    followUps: parsed
      .flatMap((reflection) => (reflection.followUp ? [{ text: reflection.followUp.text, at: reflection.answeredAt, remindAt: reflection.followUp.remindAt }] : []))
      .sort((a, b) => b.at.localeCompare(a.at)),
    count: parsed.length,
  };
}
