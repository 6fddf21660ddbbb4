import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { locales, type Locale } from '../../src/core/locale';
import { intents, type Intent } from '../../src/roleplay/reading/intents';
import type { MoveReading } from '../../src/roleplay/reading/learned-reader';

const intent = z.enum(intents);

/** One file of the labelled move corpus (tests/roleplay/moves): single messages, each with the moves it makes. */
const moveFileSchema = z.object({
  locale: z.enum(locales),
  split: z.enum(['tune', 'holdout']),
  sentences: z.array(
    z.object({
      text: z.string().min(1),
      /** The meeting it would be typed in, storyline/meeting: context for the writer and the reader of the file. */
      where: z.string().optional(),
      /** Every move the message clearly makes; an offer, proposal or promise only when it says what (a promise also by when). */
      moves: z.array(intent),
      /** An offer, proposal or promise named with nothing concrete ("I can offer an alternative"). */
      vague: z.array(intent).optional(),
    }),
  ),
});

export interface LabelledMessage {
  readonly text: string;
  readonly locale: Locale;
  readonly split: 'tune' | 'holdout';
  readonly file: string;
  /** The meeting it would be typed in (storyline/meeting), when the file says. */
  readonly where?: string;
  readonly moves: ReadonlySet<Intent>;
  readonly vague: ReadonlySet<Intent>;
}

/** `only` picks files by name before any is read (the set-aside part has `--holdout--` in its names). */
export function loadMoveCorpus(folder: string, only: (file: string) => boolean = () => true): LabelledMessage[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.yaml') && only(name))
    .sort()
    .flatMap((file) => {
      const data = moveFileSchema.parse(parse(readFileSync(path.join(folder, file), 'utf8')));
      return data.sentences.map((sentence) => ({
        text: sentence.text,
        locale: data.locale,
        split: data.split,
        file,
        ...(sentence.where ? { where: sentence.where } : {}),
        moves: new Set(sentence.moves),
        vague: new Set(sentence.vague ?? []),
      }));
    });
}

export interface MoveScore {
  readonly messages: number;
  /** Messages whose counted moves and vague moves are exactly the labelled ones. */
  readonly exact: number;
  readonly perMove: ReadonlyMap<Intent, { tp: number; fp: number; fn: number }>;
  readonly misses: ReadonlyArray<{ readonly message: LabelledMessage; readonly got: readonly string[] }>;
}

const describe = (moves: ReadonlySet<Intent>, vague: ReadonlySet<Intent>): string[] => [...[...moves].sort(), ...[...vague].sort().map((kind) => `${kind}?`)];

/** Reads every message and compares what was found with the labels, per move. */
export function scoreMoves(reader: MoveReading, messages: readonly LabelledMessage[]): MoveScore {
  const perMove = new Map<Intent, { tp: number; fp: number; fn: number }>(intents.map((kind) => [kind, { tp: 0, fp: 0, fn: 0 }]));
  const misses: Array<MoveScore['misses'][number]> = [];
  let exact = 0;
  for (const message of messages) {
    const read = reader.read(message.text, message.locale);
    const got = new Set(read.filter((move) => !move.vague).map((move) => move.kind));
    const gotVague = new Set(read.filter((move) => move.vague).map((move) => move.kind));
    for (const kind of intents) {
      const score = perMove.get(kind) as { tp: number; fp: number; fn: number };
      const want = message.moves.has(kind);
      const has = got.has(kind);
      if (want && has) score.tp += 1;
      else if (has) score.fp += 1;
      else if (want) score.fn += 1;
    }
    const same = describe(got, gotVague).join(' ') === describe(message.moves, message.vague).join(' ');
    if (same) exact += 1;
    else misses.push({ message, got: describe(got, gotVague) });
  }
  return { messages: messages.length, exact, perMove, misses };
}

const percent = (part: number, whole: number): string => (whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)} %`);

/** The printed table; the set-aside part shows only its totals, never a message or a move of its own. */
/** With tunedOnly the set-aside part is left out entirely, so whoever tunes rules never sees a set-aside figure. */
export function moveReportLines(tune: MoveScore, holdout: MoveScore, details: boolean, tunedOnly = false): string[] {
  const totals = (score: MoveScore): { tp: number; fp: number; fn: number } =>
    [...score.perMove.values()].reduce((sum, item) => ({ tp: sum.tp + item.tp, fp: sum.fp + item.fp, fn: sum.fn + item.fn }), { tp: 0, fp: 0, fn: 0 });
  const summary = (name: string, score: MoveScore): string[] => {
    const { tp, fp, fn } = totals(score);
    return [
      `== ${name}: ${score.messages} messages`,
      `exact readings: ${score.exact}/${score.messages} = ${percent(score.exact, score.messages)}`,
      `moves: precision ${percent(tp, tp + fp)}, recall ${percent(tp, tp + fn)}`,
    ];
  };
  const lines = summary('tuned part', tune);
  for (const [kind, { tp, fp, fn }] of tune.perMove) if (tp + fp + fn > 0) lines.push(`  ${kind}: precision ${percent(tp, tp + fp)}, recall ${percent(tp, tp + fn)} (${tp + fn} labelled)`);
  if (details) for (const { message, got } of tune.misses) lines.push(`  ✗ [${message.locale}] ${message.text}\n      want: ${describe(message.moves, message.vague).join(' ') || '–'}\n      got:  ${got.join(' ') || '–'}`);
  if (!tunedOnly) lines.push(...summary('set-aside part (holdout)', holdout));
  return lines;
}
