import path from 'node:path';
import { phraseBooksIn } from '../../src/roleplay/reading/phrase-book';
import { Grounding } from '../../src/roleplay/judging/grounding';
import { groundingBooksIn } from '../../src/roleplay/judging/grounding-book';
import type { MoveReading } from '../../src/roleplay/reading/learned-reader';
import { StorylineCatalog } from '../../src/roleplay/storyline-catalog';
import { loadCorpus, type Transcript } from './corpus';
import { figures, replay, replyFigures, type PartFigures, type Replayed } from './evaluate';
import { EvalReaders } from './learned-readers';

const root = path.resolve(__dirname, '..', '..');

/** Which reader replays: the product's (the rules), the rules with the shipped model, or (cv) with a model trained without the transcript's meeting. */
export type ReaderChoice = 'rules' | 'learned' | 'cv';

/** The whole corpus replayed, split into the tuned part and the set-aside part (left unreplayed when tunedOnly). */
export function evaluateCorpus(choice: ReaderChoice = 'rules', tunedOnly = false): { tune: Replayed[]; holdout: Replayed[] } {
  const catalog = StorylineCatalog.load(path.join(root, 'content', 'roleplay'));
  const phrases = phraseBooksIn(path.join(root, 'content'));
  const readers = new EvalReaders();
  const grounding = new Grounding(groundingBooksIn(path.join(root, 'content')), phrases, catalog.storylines);
  const readerFor = (transcript: Transcript): MoveReading =>
    choice === 'cv' ? readers.heldOut(`${transcript.storyline}/${transcript.meeting}`) : choice === 'learned' ? readers.learned() : readers.rules;
  const corpus = loadCorpus(path.join(root, 'tests', 'roleplay', 'corpus')).filter((transcript) => !tunedOnly || transcript.split === 'tune');
  const replayed = corpus.map((transcript) => replay(catalog, readerFor(transcript), grounding, transcript));
  return { tune: replayed.filter((item) => item.transcript.split === 'tune'), holdout: replayed.filter((item) => item.transcript.split === 'holdout') };
}

const percent = (part: number, whole: number): string => (whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)} %`);

/** Agreement and means per batch of the corpus, aggregates only (the first corpus and each later batch). */
function batchLines(part: readonly Replayed[]): string[] {
  const batches = [...new Set(part.map((item) => item.transcript.batch))].sort((a, b) => a - b);
  if (batches.length < 2) return [];
  return batches.map((batch) => {
    const found = figures(part.filter((item) => item.transcript.batch === batch));
    const means = [...found.meanMet].map(([label, mean]) => `${label} ${mean.toFixed(2)}`).join(', ');
    return `  batch ${batch}: ${found.transcripts} transcripts, agreement ${found.agreement}/${found.verdicts} = ${percent(found.agreement, found.verdicts)}; mean ${means}`;
  });
}

/** The printed table; the set-aside part shows only aggregate figures, never a transcript or a check of its own. */
/** With tunedOnly the set-aside part is left out entirely, so whoever tunes rules never sees a set-aside figure. */
export function reportLines(tune: readonly Replayed[], holdout: readonly Replayed[], details: boolean, tunedOnly = false): string[] {
  const lines: string[] = [];
  const part = (name: string, found: PartFigures, perCheck: boolean): void => {
    lines.push(`== ${name}: ${found.transcripts} transcripts, ${found.verdicts} verdicts`);
    lines.push(`agreement with labels: ${found.agreement}/${found.verdicts} = ${percent(found.agreement, found.verdicts)}`);
    if (perCheck) for (const [id, entry] of [...found.perCheck].sort()) lines.push(`  ${id}: ${entry.agree}/${entry.total}`);
    lines.push(`mean checks met (of 5): ${[...found.meanMet].map(([label, mean]) => `${label} ${mean.toFixed(2)}`).join(', ')}`);
    lines.push(`poor at or above its good twin: ${found.twinsPoorAtOrAboveGood} of ${found.twins}`);
    if (perCheck) for (const item of found.gaming) lines.push(`  gaming ${item.file}: ${item.met} met, trust ${item.trustChange >= 0 ? '+' : ''}${item.trustChange}`);
    else if (found.gaming.length > 0) {
      lines.push(`gaming: ${found.gaming.length} transcripts, most checks met ${Math.max(...found.gaming.map((item) => item.met))}, largest trust change ${Math.max(...found.gaming.map((item) => item.trustChange))}`);
    }
  };
  part('tune part', figures(tune), true);
  lines.push(...batchLines(tune));
  if (!tunedOnly) {
    part('set-aside part (holdout)', figures(holdout), false);
    lines.push(...batchLines(holdout));
  }
  const replies = replyFigures(tunedOnly ? tune : [...tune, ...holdout]);
  lines.push(`== every customer reply in the corpus: ${replies.replies}`);
  lines.push(`greetings after turn 1: ${replies.lateGreetings}`);
  lines.push(`lines taken from another meeting: ${replies.foreign}`);
  lines.push(`firm lines answered in character: ${replies.firmAnswered}/${replies.firmTotal}`);
  lines.push(`fillers: ${replies.fillers}/${replies.replies} = ${percent(replies.fillers, replies.replies)}`);
  if (details) {
    for (const item of tune) {
      const wrong = item.verdicts.filter((verdict) => verdict.expected !== verdict.got);
      if (wrong.length === 0 && item.transcript.label !== 'gaming') continue;
      lines.push(`-- ${item.transcript.file} (met ${item.met}, trust ${item.trustChange}): ${wrong.map((verdict) => `${verdict.id} expected ${verdict.expected} got ${verdict.got}`).join('; ')}`);
      for (const turn of item.turns) lines.push(`   > ${turn.text}\n     [${turn.moves}] ${turn.reply}`);
    }
  }
  return lines;
}
