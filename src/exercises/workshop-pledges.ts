import { z } from 'zod';
import { themeIds, type ThemeId } from '../content/themes';
import type { Store } from '../storage/store';

/** A pledge a person made in a workshop, as far as the progress card needs it. */
export interface PledgeLine {
  readonly theme: ThemeId | undefined;
  readonly text: string | undefined;
  /** ISO instant. */
  readonly at: string;
}

/** Written by the workshops capability; read here by name so exercises work with or without workshops. */
const collection = 'workshop-pledges';
const pledgeSchema = z.object({
  theme: z.enum(themeIds).optional(),
  text: z.string().trim().min(1).optional(),
  createdAt: z.string().optional(),
});

/** A person's latest workshop pledges, newest first; records of an unknown shape are left out. */
export async function pledgesOf(store: Store, userKey: string, limit = 5): Promise<PledgeLine[]> {
  const records = await store.list<unknown>(collection, { owner: userKey });
  return records
    .flatMap((record) => {
      const parsed = pledgeSchema.safeParse(record.body);
      if (!parsed.success || (!parsed.data.text && !parsed.data.theme)) return [];
      return [{ theme: parsed.data.theme, text: parsed.data.text, at: parsed.data.createdAt ?? record.updatedAt.toISOString() }];
    })
    .sort((a, b) => b.at.localeCompare(a.at))
    .slice(0, limit);
}
