import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ContentError } from '../../content/content-error';
import { locales, type Locale } from '../../core/locale';
import { intents } from './intents';
import type { LearnedMoves } from './learned-reader';
import { compileMoveWeights } from './move-model';

/** A trained model of one language as shipped in content/roleplay/move-model/<locale>.json (written by `npm run train:reader`). */
export const moveModelFileSchema = z.strictObject({
  locale: z.enum(locales),
  /** What it was trained from: a hash of the training messages, so a forgotten retrain is caught. */
  trainedOn: z.strictObject({ hash: z.string().regex(/^[0-9a-f]{64}$/), messages: z.number().int().min(0), meetings: z.array(z.string()) }),
  training: z.strictObject({ epochs: z.number(), rate: z.number(), l2: z.number(), minCount: z.number(), prune: z.number(), digits: z.number(), seed: z.number() }),
  /** The thresholds, chosen by leave-one-meeting-out cross-validation on the tuned meetings. */
  combine: z.strictObject({ add: z.number().min(0).max(1.01), drop: z.number().min(-0.01).max(1) }),
  /** The cross-validated figures the thresholds were chosen by, for whoever reads the file. */
  chosenBy: z.string(),
  moves: z.partialRecord(z.enum(intents), z.strictObject({ bias: z.number(), weights: z.record(z.string(), z.number()) })),
});
export type MoveModelFile = z.infer<typeof moveModelFileSchema>;

export const moveModelFolder = (contentDir: string): string => path.join(contentDir, 'roleplay', 'move-model');

export function loadMoveModelFile(file: string): MoveModelFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ContentError(file, [`not readable JSON: ${(error as Error).message}`]);
  }
  const result = moveModelFileSchema.safeParse(raw);
  if (!result.success) throw new ContentError(file, result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`));
  return result.data;
}

/** Both languages' models, compiled for reading; start-up fails on a missing or malformed file. */
export function learnedMovesIn(contentDir: string): Readonly<Record<Locale, LearnedMoves>> {
  const of = (locale: Locale): LearnedMoves => {
    const file = loadMoveModelFile(path.join(moveModelFolder(contentDir), `${locale}.json`));
    if (file.locale !== locale) throw new ContentError(`${locale}.json`, [`holds the model of ${file.locale}`]);
    return { weights: compileMoveWeights(file.moves), combine: file.combine };
  };
  return { en: of('en'), sv: of('sv') };
}
