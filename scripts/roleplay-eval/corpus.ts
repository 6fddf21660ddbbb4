import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { locales } from '../../src/core/locale';
import { verdicts } from '../../src/roleplay/judging/rule-judge';

/** One labelled transcript of the role-play corpus (tests/roleplay/corpus, format in the corpus notes). */
export const transcriptSchema = z.object({
  storyline: z.string(),
  meeting: z.string(),
  locale: z.enum(locales),
  label: z.enum(['good', 'mixed', 'poor', 'gaming']),
  split: z.enum(['tune', 'holdout']),
  note: z.string().optional(),
  previous: z.object({ commitment: z.string(), kept: z.enum(['kept', 'partly', 'not']) }).optional(),
  learner: z.array(z.string()).min(1),
  expected: z.record(z.string(), z.enum(verdicts)),
});
/** `batch` is 1 for the first corpus and k for a later one, named `…--batch<k>.yaml`. */
export type Transcript = z.infer<typeof transcriptSchema> & { readonly file: string; readonly batch: number };

/** `only` picks files by name before any is read. */
export function loadCorpus(folder: string, only: (file: string) => boolean = () => true): Transcript[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.yaml') && only(name))
    .sort()
    .map((name) => ({ ...transcriptSchema.parse(parse(readFileSync(path.join(folder, name), 'utf8'))), file: name, batch: Number(/--batch(\d+)\.yaml$/.exec(name)?.[1] ?? 1) }));
}
