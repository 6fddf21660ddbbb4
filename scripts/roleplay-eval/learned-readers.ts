import path from 'node:path';
import { locales, type Locale } from '../../src/core/locale';
import { LearnedReader, type LearnedMoves, type MoveReading } from '../../src/roleplay/reading/learned-reader';
import { MoveFeatures } from '../../src/roleplay/reading/move-features';
import { learnedMovesIn } from '../../src/roleplay/reading/move-model-file';
import { compileMoveWeights, defaultTraining } from '../../src/roleplay/reading/move-model';
import { phraseBooksIn } from '../../src/roleplay/reading/phrase-book';
import { MoveReader } from '../../src/roleplay/reading/reader';
import { MoveLearner } from './cross-validation';
import { trainingMessages } from './training-set';

const root = path.resolve(__dirname, '..', '..');
export const contentDir = path.join(root, 'content');
export const moveFolder = path.join(root, 'tests', 'roleplay', 'moves');

/** The readers an eval compares: the rules alone (the product's), the rules with the shipped model, and one per held-out meeting. */
export class EvalReaders {
  readonly rules: MoveReader;
  readonly features: MoveFeatures;
  private shippedModels: Readonly<Record<Locale, LearnedMoves>> | undefined;
  private readonly withoutMeeting = new Map<string, MoveReading>();
  private learner: MoveLearner | undefined;

  constructor() {
    const phrases = phraseBooksIn(contentDir);
    this.rules = new MoveReader(phrases);
    this.features = new MoveFeatures(phrases);
  }

  get shipped(): Readonly<Record<Locale, LearnedMoves>> {
    this.shippedModels ??= learnedMovesIn(contentDir);
    return this.shippedModels;
  }

  /** The rules with the shipped model, as the composition root would build it to wire it in. */
  learned(): MoveReading {
    return new LearnedReader(this.rules, this.features, this.shipped);
  }

  /** The rules with models trained without one tuned meeting's messages, and the shipped thresholds. */
  heldOut(meeting: string): MoveReading {
    const found = this.withoutMeeting.get(meeting);
    if (found) return found;
    this.learner ??= new MoveLearner(this.rules, this.features, defaultTraining);
    const learner = this.learner;
    const training = trainingMessages(moveFolder).filter((message) => message.where !== meeting);
    const models = Object.fromEntries(locales.map((locale) => [locale, { weights: compileMoveWeights(learner.train(training, locale)), combine: this.shipped[locale].combine }])) as Record<Locale, LearnedMoves>;
    const reader = new LearnedReader(this.rules, this.features, models);
    this.withoutMeeting.set(meeting, reader);
    return reader;
  }
}
