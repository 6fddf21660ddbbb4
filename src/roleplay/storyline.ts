import { z } from 'zod';
import { themeIds } from '../content/themes';
import { intents } from './reading/intents';

const text = z.string().trim().min(1);
const slug = z.string().regex(/^[a-z0-9-]+$/, 'use lower-case letters, digits and dashes');
const intent = z.enum(intents);
const both = <T extends z.ZodType>(schema: T) => ({ en: schema, sv: schema });

/** How the learner answered a demand. */
export const demandOutcomes = ['accepted', 'refused', 'alternative'] as const;
export type DemandOutcome = (typeof demandOutcomes)[number];

/** A learner move the customer's trust reacts to: a move, proposing before asking, an offer with nothing in it, generic words only, or saying the same again. */
export const trustCue = z.union([intent, z.enum(['proposes-early', 'vague', 'generic', 'repeats'])]);
export type TrustCue = z.infer<typeof trustCue>;

const customerText = z.strictObject({
  role: text,
  company: text,
  business: text,
  customersNeed: text,
  personality: text,
  style: text,
  mood: text,
});

/**
 * Scripted lines by what the learner's message did; several lines are used in turn. Lines that fit one moment belong
 * to a meeting; lines about how the customer takes blame, vagueness or hedging may sit on the storyline. `filler`
 * lines ("Mm. And?") are tagged by their key so the eval can count them.
 */
export const reactionKeys = [
  'greets', 'empathises', 'asks', 'summarises', 'proposes-early', 'proposes', 'raises-risk', 'promises', 'refers-back', 'explains',
  'vague', 'generic', 'hedges', 'blames', 'deflects', 'hides-behind-contract', 'drops-quality', 'repeats', 'presses',
  'commitment-kept', 'commitment-partly', 'commitment-not', 'filler',
] as const;
export type ReactionKey = (typeof reactionKeys)[number];
const lines = z.array(text).min(1).max(4);
const reactionSet = z.strictObject(Object.fromEntries(reactionKeys.map((key) => [key, lines.optional()])) as Record<ReactionKey, z.ZodOptional<typeof lines>>);

const rubricRule = z.union([
  // `and`: the move only counts in full when the meeting also has this one (keeping the order while helping another way).
  // `or`: another move that does the same job (asking what she needs it for is a question about the need, too).
  z.strictObject({ did: intent, or: intent.optional(), before: intent.optional(), and: intent.optional() }),
  z.strictObject({ demand: slug, handled: z.array(z.enum(demandOutcomes)).min(1) }),
  // `needs`: only these hidden needs count ("found that only eight start on Monday"); without it, any of the meeting's.
  z.strictObject({ uncovered: z.number().int().min(1), needs: z.array(slug).min(1).optional() }),
]);
export type RubricRule = z.infer<typeof rubricRule>;

const rubricCheck = z.strictObject({
  id: slug,
  theme: z.enum(themeIds),
  rule: rubricRule,
  ...both(z.strictObject({ check: text, better: text })),
});

const need = z.strictObject({
  id: slug,
  revealOn: z.array(intent).min(1),
  ...both(z.strictObject({ need: text, says: text })),
});

const demand = z.strictObject({
  id: slug,
  kind: z.enum(['reasonable', 'unreasonable']),
  afterTurns: z.number().int().min(1).max(10),
  trust: z.strictObject({ accepted: z.number().int(), refused: z.number().int(), alternative: z.number().int() }),
  ...both(
    // onAlternative repeats the learner's own offer through {offer}, never a model answer they did not give.
    // about: the words of `says` that name what is asked; a promise says yes to a reasonable demand only if it names one of them,
    // and an offer that names all of them offers an unreasonable demand itself.
    z.strictObject({ says: text, goodHandling: text, onAccepted: text, onRefused: text, onAlternative: text, agreement: text, about: z.array(text).min(1).optional() }),
  ),
});

const meetingText = z.strictObject({
  title: text,
  situation: text,
  goal: text,
  opening: text,
  closing: text,
  recall: text.optional(),
  /** From the second meeting on: the customer asks whether the learner's commitment ({promise}) was kept. */
  recallPromise: text.optional(),
});

const meeting = z.strictObject({
  id: slug,
  unlockAfterHours: z.number().min(0).max(24 * 14).default(0),
  ...both(meetingText),
  needs: z.array(need).min(1).max(4),
  demands: z.array(demand).min(1).max(2),
  rubric: z.array(rubricCheck).min(4).max(7),
  reactions: z.strictObject(both(reactionSet)).optional(),
});

/** A customer met over several meetings: persona, meetings, rubric and how trust moves. */
export const storylineSchema = z.strictObject({
  id: slug,
  difficulty: z.number().int().min(1).max(3),
  ...both(z.strictObject({ title: text, summary: text })),
  customer: z.strictObject({ name: text, ...both(customerText) }),
  startTrust: z.number().int().min(0).max(10),
  trust: z.array(z.strictObject({ on: trustCue, change: z.number().int().min(-3).max(3) })).min(1),
  firmLines: z
    // `meetings`: where the line holds, when not in all of them ("no roll-out without a pilot" ends when the pilot has run).
    .array(z.strictObject({ id: slug, meetings: z.array(slug).min(1).optional(), ...both(z.strictObject({ refuses: text, patterns: z.array(text).min(1), answer: text.optional() })) }))
    .default([]),
  reactions: z.strictObject(both(reactionSet)),
  meetings: z.array(meeting).min(2).max(3),
});

export type Storyline = z.infer<typeof storylineSchema>;
export type Meeting = Storyline['meetings'][number];
export type Need = Meeting['needs'][number];
export type Demand = Meeting['demands'][number];
export type RubricCheck = Meeting['rubric'][number];
export type FirmLine = Storyline['firmLines'][number];

/** The firm lines that hold in one meeting. */
export const firmLinesIn = (storyline: Storyline, meeting: Meeting): readonly FirmLine[] =>
  storyline.firmLines.filter((line) => !line.meetings || line.meetings.includes(meeting.id));
export const maxTrust = 10;

/** How trust moves on harmful or empty moves when a storyline says nothing else; a storyline's own rule wins. */
export const defaultTrust: ReadonlyArray<{ readonly on: TrustCue; readonly change: number }> = [
  { on: 'blames', change: -2 },
  { on: 'drops-quality', change: -2 },
  { on: 'caves', change: -1 },
  { on: 'deflects', change: -1 },
  { on: 'hides-behind-contract', change: -1 },
  { on: 'hedges', change: -1 },
  { on: 'vague', change: -1 },
  { on: 'repeats', change: -1 },
  { on: 'commitment-kept', change: 1 },
  { on: 'commitment-not', change: -1 },
];
