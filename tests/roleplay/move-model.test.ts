import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { trainingHash, trainingMessages, tunedMeetings } from '../../scripts/roleplay-eval/training-set';
import { locales } from '../../src/core/locale';
import { LearnedReader } from '../../src/roleplay/reading/learned-reader';
import { MoveFeatures } from '../../src/roleplay/reading/move-features';
import { loadMoveModelFile, moveModelFolder } from '../../src/roleplay/reading/move-model-file';
import { compileMoveWeights, defaultTraining, trainMoveWeights, type TrainingExample } from '../../src/roleplay/reading/move-model';
import { phraseBooksIn } from '../../src/roleplay/reading/phrase-book';
import { MoveReader } from '../../src/roleplay/reading/reader';
import { contentDir } from './roleplay-fixtures';

const movesFolder = path.join(__dirname, 'moves');
const phrases = phraseBooksIn(contentDir);

describe('the learned move model', () => {
  it('when it is trained twice on the same messages, then both models are the same to the last weight', () => {
    const examples: TrainingExample[] = [
      { features: ['w:what', 'w:need', 'q:?'], moves: new Set(['asks-need']) },
      { features: ['w:sorry', 'w:busy'], moves: new Set(['empathises']) },
      { features: ['w:what', 'w:happened', 'q:?'], moves: new Set(['asks-situation']) },
      { features: ['w:need', 'w:what', 'w:busy'], moves: new Set(['asks-need', 'empathises']) },
    ];
    const options = { ...defaultTraining, minCount: 1, prune: 0 };
    const first = trainMoveWeights(examples, options);
    assert.ok(Object.keys(first['asks-need']?.weights ?? {}).length > 0, 'something was learned');
    assert.deepEqual(trainMoveWeights(examples, options), first);
  });

  for (const locale of locales) {
    it(`when the ${locale} model ships, then it was trained from the current tuned move files (run npm run train:reader after changing them)`, () => {
      const shipped = loadMoveModelFile(path.join(moveModelFolder(contentDir), `${locale}.json`));
      assert.equal(shipped.trainedOn.hash, trainingHash(trainingMessages(movesFolder), locale, shipped.training));
    });
  }

  it('when training messages are picked, then no holdout file is opened and no set-aside meeting is kept', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'moves-'));
    // Not YAML at all: opening it would throw.
    writeFileSync(path.join(folder, 'en--holdout--1.yaml'), ': : not yaml [');
    writeFileSync(
      path.join(folder, 'en--tune--1.yaml'),
      [
        'locale: en',
        'split: tune',
        'sentences:',
        '  - { text: "what is at stake for you?", where: vip-skip-the-queue/vip-service, moves: [asks-need] }',
        '  - { text: "who else is waiting?", where: vip-skip-the-queue/ahead-of-everyone, moves: [asks-situation] }',
        '  - { text: "no meeting named", moves: [] }',
      ].join('\n'),
    );
    assert.deepEqual(trainingMessages(folder).map((message) => message.text), ['what is at stake for you?']);
    const real = trainingMessages(movesFolder);
    assert.ok(real.length > 1000, `${real.length} messages`);
    assert.ok(real.every((message) => message.file.includes('--tune--') && tunedMeetings.includes(message.where)));
  });
});

describe('the rules with the learned second opinion', () => {
  const rules = new MoveReader(phrases);
  const features = new MoveFeatures(phrases);
  // A tiny model that knows one made-up word for each of two moves: one sure, one not sure enough.
  const weights = compileMoveWeights({ 'asks-need': { bias: -5, weights: { 'w:zorblat': 10 } }, 'asks-situation': { bias: -5, weights: { 'w:quibble': 6 } } });
  const reader = new LearnedReader(rules, features, { en: { weights, combine: { add: 0.9, drop: -0.01 } }, sv: { weights, combine: { add: 0.9, drop: -0.01 } } });

  it('when the rules miss a move the model is sure of, then the move is read, quoting the learner', () => {
    assert.deepEqual(rules.read('zorblat', 'en'), []);
    assert.deepEqual(reader.read('zorblat', 'en'), [{ kind: 'asks-need', quote: 'zorblat' }]);
  });

  it('when the model is below its threshold, then the rules’ reading stands', () => {
    assert.deepEqual(rules.read('quibble', 'en'), []);
    assert.deepEqual(reader.read('quibble', 'en'), []);
  });
});
