import path from 'node:path';
import { phraseBooksIn } from '../src/roleplay/phrase-book';
import { MoveReader } from '../src/roleplay/reader';
import { loadMoveCorpus, moveReportLines, scoreMoves } from './roleplay-eval/moves';

// --details prints the tuned part's misreadings; the set-aside part is never printed per message.
// --tuned-only leaves the set-aside part out entirely (for tuning sessions).
const root = path.join(__dirname, '..');
const reader = new MoveReader(phraseBooksIn(path.join(root, 'content')));
const messages = loadMoveCorpus(path.join(root, 'tests', 'roleplay', 'moves'));
const locale = process.argv.find((arg) => arg === '--en' || arg === '--sv')?.slice(2);
const chosen = messages.filter((message) => !locale || message.locale === locale);
const part = (split: 'tune' | 'holdout') => scoreMoves(reader, chosen.filter((message) => message.split === split));
for (const line of moveReportLines(part('tune'), part('holdout'), process.argv.includes('--details'), process.argv.includes('--tuned-only'))) console.log(line);
