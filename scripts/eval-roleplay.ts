import { evaluateCorpus, reportLines } from './roleplay-eval/report';

// --details prints the tuned part's disagreements turn by turn; the set-aside part is never printed per transcript.
// --tuned-only leaves the set-aside part out entirely (for tuning sessions).
const { tune, holdout } = evaluateCorpus();
for (const line of reportLines(tune, holdout, process.argv.includes('--details'), process.argv.includes('--tuned-only'))) console.log(line);
