import { locales } from '../src/core/locale';
import { foldScore, meetingFolds, MoveLearner, overall } from './roleplay-eval/cross-validation';
import { EvalReaders, moveFolder } from './roleplay-eval/learned-readers';
import { loadMoveCorpus, moveReportLines, scoreMoves, type MoveScore } from './roleplay-eval/moves';
import { trainingMessages } from './roleplay-eval/training-set';
import { defaultTraining } from '../src/roleplay/reading/move-model';

// --details prints the tuned part's misreadings; the set-aside part is never printed per message.
// --tuned-only leaves the set-aside part out entirely (for tuning sessions).
// By default the product's reader (the phrase rules) reads; --learned adds the shipped learned model's second opinion.
// --cv: leave-one-meeting-out over the tuned meetings only (no set-aside file is read): rules alone vs combined.
const flag = (name: string): boolean => process.argv.includes(name);
const locale = process.argv.find((arg) => arg === '--en' || arg === '--sv')?.slice(2);
const readers = new EvalReaders();
const pct = (part: number, whole: number): string => (whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)} %`);

function crossValidated(): string[] {
  const messages = trainingMessages(moveFolder);
  const learner = new MoveLearner(readers.rules, readers.features, defaultTraining);
  const lines: string[] = [];
  for (const language of locales.filter((item) => !locale || item === locale)) {
    const folds = meetingFolds(learner, messages, language);
    const combine = readers.shipped[language].combine;
    const own = messages.filter((message) => message.locale === language);
    const line = (name: string, score: MoveScore): string => {
      const { precision, recall, f1 } = overall(score);
      return `  ${name}: precision ${(100 * precision).toFixed(1)} %, recall ${(100 * recall).toFixed(1)} %, F1 ${(100 * f1).toFixed(1)} %, exact ${pct(score.exact, score.messages)}`;
    };
    const rules = foldScore(learner, folds, undefined);
    const combined = foldScore(learner, folds, combine);
    lines.push(`== ${language}: ${own.length} messages of ${folds.length} tuned meetings; add ≥ ${combine.add}, drop ≤ ${combine.drop}`);
    lines.push(line('rules only', rules), line('combined, cross-validated', combined), line('combined, shipped model (trained on these)', scoreMoves(readers.learned(), own)));
    if (flag('--details')) {
      for (const [kind, item] of rules.perMove) {
        const other = combined.perMove.get(kind) ?? item;
        if (item.tp + item.fn + item.fp > 0) lines.push(`    ${kind}: rules ${item.tp}/${item.tp + item.fp} found right, ${item.fn} missed; combined ${other.tp}/${other.tp + other.fp}, ${other.fn} missed`);
      }
    }
  }
  return lines;
}

if (flag('--cv')) {
  for (const line of crossValidated()) console.log(line);
} else {
  const reader = flag('--learned') ? readers.learned() : readers.rules;
  const tunedOnly = flag('--tuned-only');
  const messages = loadMoveCorpus(moveFolder, (file) => !tunedOnly || file.includes('--tune--'));
  const chosen = messages.filter((message) => !locale || message.locale === locale);
  const part = (split: 'tune' | 'holdout') => scoreMoves(reader, chosen.filter((message) => message.split === split));
  for (const line of moveReportLines(part('tune'), part('holdout'), flag('--details'), tunedOnly)) console.log(line);
}
