import { evaluateCorpus, reportLines, type ReaderChoice } from './roleplay-eval/report';

// --details prints the tuned part's disagreements turn by turn; the set-aside part is never printed per transcript.
// --tuned-only leaves the set-aside part out entirely (for tuning sessions).
// By default the product's reader (the phrase rules) replays; --learned adds the shipped learned model's second opinion.
// --cv replays each transcript with a model trained without its meeting's move messages; only with --tuned-only.
const flag = (name: string): boolean => process.argv.includes(name);
const tunedOnly = flag('--tuned-only');
if (flag('--cv') && !tunedOnly) throw new Error('--cv cross-validates over the tuned meetings only: add --tuned-only');
const choice: ReaderChoice = flag('--cv') ? 'cv' : flag('--learned') ? 'learned' : 'rules';
const { tune, holdout } = evaluateCorpus(choice, tunedOnly);
for (const line of reportLines(tune, holdout, flag('--details'), tunedOnly)) console.log(line);
