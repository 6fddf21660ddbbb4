import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { locales } from '../src/core/locale';
import { MoveFeatures } from '../src/roleplay/reading/move-features';
import { moveModelFolder, type MoveModelFile } from '../src/roleplay/reading/move-model-file';
import { defaultTraining } from '../src/roleplay/reading/move-model';
import { phraseBooksIn } from '../src/roleplay/reading/phrase-book';
import { MoveReader } from '../src/roleplay/reading/reader';
import { chooseCombination, foldScore, meetingFolds, MoveLearner, overall } from './roleplay-eval/cross-validation';
import { trainingHash, trainingMessages } from './roleplay-eval/training-set';

// Trains the learned reader from the tuned move files of the tuned meetings only, and picks its thresholds by
// leave-one-meeting-out cross-validation; writes content/roleplay/move-model/<locale>.json.
const root = path.join(__dirname, '..');
const contentDir = path.join(root, 'content');
const started = performance.now();
const phrases = phraseBooksIn(contentDir);
const learner = new MoveLearner(new MoveReader(phrases), new MoveFeatures(phrases), defaultTraining);
const messages = trainingMessages(path.join(root, 'tests', 'roleplay', 'moves'));
const pct = (value: number): string => (100 * value).toFixed(1);
mkdirSync(moveModelFolder(contentDir), { recursive: true });
for (const locale of locales) {
  const own = messages.filter((message) => message.locale === locale);
  const folds = meetingFolds(learner, messages, locale);
  const rules = overall(foldScore(learner, folds, undefined));
  const { combine } = chooseCombination(learner, folds);
  const combined = overall(foldScore(learner, folds, combine));
  const chosenBy = `leave-one-meeting-out CV over ${folds.length} tuned meetings, ${own.length} messages: rules P ${pct(rules.precision)} R ${pct(rules.recall)} F1 ${pct(rules.f1)}; combined P ${pct(combined.precision)} R ${pct(combined.recall)} F1 ${pct(combined.f1)}`;
  const file: MoveModelFile = {
    locale,
    trainedOn: { hash: trainingHash(messages, locale, defaultTraining), messages: own.length, meetings: [...new Set(own.map((message) => message.where))].sort() },
    training: defaultTraining,
    combine,
    chosenBy,
    moves: learner.train(messages, locale),
  };
  const { moves, ...head } = file;
  const body = Object.entries(moves).map(([kind, weights]) => `    ${JSON.stringify(kind)}: ${JSON.stringify(weights)}`).join(',\n');
  writeFileSync(path.join(moveModelFolder(contentDir), `${locale}.json`), `${JSON.stringify(head, null, 2).replace(/\n}$/, '')},\n  "moves": {\n${body}\n  }\n}\n`);
  console.log(`${locale}: add ≥ ${combine.add}, drop ≤ ${combine.drop}; ${chosenBy}`);
}
console.log(`trained in ${((performance.now() - started) / 1000).toFixed(1)} s`);
