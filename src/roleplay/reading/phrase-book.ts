import path from 'node:path';
import { z } from 'zod';
import { ContentError } from '../../content/content-error';
import { loadYamlFolder } from '../../content/yaml-files';
import { locales, type Locale } from '../../core/locale';
import { intents, type Intent } from './intents';

const phrases = z.array(z.string().trim().min(1)).min(1);

const moveRule = z.strictObject({
  /** Only in a clause that is a question ("?" or a question word first). */
  question: z.boolean().default(false),
  /** Only in a clause that is not a question ("ok, what happened?" agrees to nothing). */
  statement: z.boolean().default(false),
  /** Only at the start of a clause. */
  leading: z.boolean().default(false),
  phrases,
  /** Phrases that count only in a question: "last Friday" asks after something when asked, and only reports when told. */
  askPhrases: z.array(z.string().trim().min(1)).default([]),
  /** What the move becomes when a negation comes just before it ("I won't skip the test"); "none" drops it. */
  negated: z.union([z.enum(intents), z.literal('none')]).optional(),
  /** Words of substance the clause needs besides the trigger; fewer makes the move general talk that earns nothing. */
  substance: z.number().int().min(0).max(3).default(0),
  /** Count the substance over the whole message, not the clause ("Yes. Every temp laptop gets a test call by Friday."). */
  wholeMessage: z.boolean().default(false),
  /** Moves this one cancels in the same clause ("we skip the test" is not keeping the quality steps). */
  overrides: z.array(z.enum(intents)).default([]),
});
export type MoveRule = z.infer<typeof moveRule>;

/** The phrase lists of one language: how the reader finds moves, negations, hedges, and what is not concrete. */
export const phraseBookSchema = z.strictObject({
  locale: z.enum(locales),
  questionStart: phrases,
  /** Openings that look like a question but state something: "what we can do is …", "how it works is …". */
  statementStarts: z.array(z.string().trim().min(1)).default([]),
  /** Openings that put a guess or a suggestion forward, question mark or not ("maybe the agents deleted it?", "how about ten this week?"), unless a question word follows. */
  guesses: z.array(z.string().trim().min(1)).default([]),
  /** Questions that only ask which or where the thing is ("which pc is it?"): they locate what to work on, and ask nothing about what happens. */
  locating: z.array(z.string().trim().min(1)).default([]),
  /** A promise to find a way, nothing named yet ("we'll figure something out", "vi löser nåt"): half an offer, not none. */
  seeksWay: z.array(z.string().trim().min(1)).default([]),
  /** The words that ask wherever they stand ("what", "tell me"): a guess that has one still asks. */
  questionWords: z.array(z.string().trim().min(1)).default([]),
  /** Words that open a relative clause after a comma (", which is why …"): what follows the comma is no question. */
  relatives: z.array(z.string().trim().min(1)).default([]),
  /** Words that open a reply to a question ("yes, …", "jo, …"): told with one, how a promise went answers being asked. */
  replyWords: z.array(z.string().trim().min(1)).default([]),
  negations: phrases,
  hedges: phrases,
  /** Words that do not make an offer concrete ("an alternative", "something", "follow up"). */
  buzzwords: phrases,
  stopwords: phrases,
  /** Ways to say by when ("by 10:45", "within the hour", "tomorrow"). */
  times: phrases,
  /** Words that split a message into clauses, besides sentence ends ("but"). */
  clauseBreaks: phrases,
  /** Words that join a second question to a first in one clause, before its question word ("… and how many …?"). */
  questionJoins: z.array(z.string().trim().min(1)).default([]),
  /** Clause breaks that turn what came before around: "yes, but …" agrees to nothing. */
  contrasts: z.array(z.string().trim().min(1)).default([]),
  /** Words that start a clause of their own after a comma ("restart it, it's probably the spooler"). */
  commaBreaks: z.array(z.string().trim().min(1)).default([]),
  /** Negations that report what happened ("did not", "kom inte"): a no about the past, not to what is asked. */
  pastNegations: z.array(z.string().trim().min(1)).default([]),
  /** Verbs in the past ("landed", "tog"): a trigger that points back at one reports what happened. */
  pastMarkers: z.array(z.string().trim().min(1)).default([]),
  /** Openings of a supposition ("if we …", "would mean …"): a dropped step or a give-away inside one is a reason, not a deed. */
  hypotheticals: z.array(z.string().trim().min(1)).default([]),
  /** How a plan counts its steps ("a 2-step approach", "i två steg"): that number is no substance, the steps are. */
  stepCounts: z.array(z.string().trim().min(1)).default([]),
  /** Set phrases that say nothing, whatever their words ("where we left off", "där vi slutade"): no substance at all. */
  emptyPhrases: z.array(z.string().trim().min(1)).default([]),
  /** Numbers in words ("two", "tre"): in a question they are as concrete as digits ("what happens in two weeks?"). */
  numbers: z.array(z.string().trim().min(1)).default([]),
  /** Words typed without their apostrophe, and how they are spelled with it ("cant" → "can't"). */
  spellings: z.record(z.string(), z.string()).default({}),
  /** A word that is another word by what stands beside it ("ja skickar" is "jag skickar", "ja, det går" is a yes): pattern and word. */
  spelledByContext: z.array(z.object({ pattern: z.string().min(1), as: z.string().min(1) }).strict()).default([]),
  /** Letters typed without their marks ("ö" as "o"): a phrase word of three letters or more accepts either. */
  unmarked: z.record(z.string().length(1), z.string().length(1)).default({}),
  /** Particles that may stand between two words of a phrase without changing it ("det var ju leverantören"). */
  particles: z.array(z.string().trim().min(1)).default([]),
  moves: z.partialRecord(z.enum(intents), moveRule),
});
export type PhraseBook = z.infer<typeof phraseBookSchema>;

/** Phrase books by language, loaded from content/roleplay/phrases/<locale>.yaml. */
export type PhraseBooks = Readonly<Record<Locale, PhraseBook>>;

export function loadPhraseBooks(folder: string): PhraseBooks {
  const files = loadYamlFolder(folder, phraseBookSchema);
  const byLocale = new Map(files.map((file) => [file.data.locale, file.data]));
  const missing = locales.filter((locale) => !byLocale.has(locale));
  if (missing.length > 0) throw new ContentError(folder, [`no phrase book for ${missing.join(', ')}`]);
  const books = Object.fromEntries(locales.map((locale) => [locale, byLocale.get(locale)])) as Record<Locale, PhraseBook>;
  const unread = intents.filter((intent: Intent) => locales.some((locale) => !books[locale].moves[intent]));
  if (unread.length > 0) throw new ContentError(folder, [`moves without phrases: ${unread.join(', ')}`]);
  return books;
}

export const phraseBooksIn = (contentDir: string): PhraseBooks => loadPhraseBooks(path.join(contentDir, 'roleplay', 'phrases'));
