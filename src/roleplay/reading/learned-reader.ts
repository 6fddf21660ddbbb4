import type { Locale } from '../../core/locale';
import { intents, slotIntents, type Intent, type Move } from './intents';
import type { MoveFeatures } from './move-features';
import { moveProbabilities, type CompiledMoveWeights } from './move-model';
import type { MoveReader } from './reader';

/** What reads a learner's message into moves: the rules alone, or the rules with a learned second opinion. */
export interface MoveReading {
  read(text: string, locale: Locale): Move[];
}

/** When the model overrules the rules: it adds a move at or above `add`, and drops a counted rule move at or below `drop`. */
export interface Combination {
  readonly add: number;
  readonly drop: number;
}

/** One language's learned model, ready to read with. */
export interface LearnedMoves {
  readonly weights: CompiledMoveWeights;
  readonly combine: Combination;
}

// A greeting's quote is cut from the message before grounding; a learned "greets" would quote the whole message.
const ruleOnly: readonly Intent[] = ['greets'];

/**
 * The rule reading with the model's second opinion: a move the rules missed is added when the model is sure, a counted one
 * dropped when the model is sure it is not there. An added offer or promise still needs the learner's own concrete words.
 */
export function combineMoves(ruled: readonly Move[], probabilities: ReadonlyMap<Intent, number>, combine: Combination, slotMove: (kind: Intent) => Move | undefined, text: string): Move[] {
  const kept = ruled.filter((move) => {
    const probability = probabilities.get(move.kind);
    return move.vague || ruleOnly.includes(move.kind) || probability === undefined || probability > combine.drop;
  });
  const found = new Set(ruled.map((move) => move.kind));
  const added = intents.flatMap((kind): Move[] => {
    if (found.has(kind) || ruleOnly.includes(kind) || (probabilities.get(kind) ?? 0) < combine.add) return [];
    if (!slotIntents.includes(kind)) return [{ kind, quote: text.trim() }];
    const slot = slotMove(kind);
    return slot ? [slot] : [];
  });
  const all = [...kept, ...added];
  return intents.flatMap((kind) => all.filter((move) => move.kind === kind));
}

/** The product's reader: the phrase rules first, then the learned model of the message's language. */
export class LearnedReader implements MoveReading {
  constructor(
    private readonly rules: MoveReader,
    private readonly features: MoveFeatures,
    private readonly models: Readonly<Record<Locale, LearnedMoves>>,
  ) {}

  read(text: string, locale: Locale): Move[] {
    const ruled = this.rules.read(text, locale);
    const model = this.models[locale];
    const probabilities = moveProbabilities(model.weights, this.features.of(text, locale, ruled));
    return combineMoves(ruled, probabilities, model.combine, (kind) => this.rules.concrete(kind, text.trim(), locale), text);
  }
}
