import { intents, type Intent } from './intents';
import { seededRandom } from '../../core/seeded-random';

/** One move's logistic regression: a bias and a weight per feature (features absent here weigh nothing). */
export interface MoveWeights {
  readonly bias: number;
  readonly weights: Readonly<Record<string, number>>;
}

/** One-vs-rest weights per move, as trained; moves never seen in training are absent and never predicted. */
export type MoveWeightSet = Partial<Record<Intent, MoveWeights>>;

/** A labelled message as training sees it: its features and the moves it clearly makes. */
export interface TrainingExample {
  readonly features: readonly string[];
  readonly moves: ReadonlySet<Intent>;
}

/** Everything that decides the weights besides the data: the same options and data give the same model, byte for byte. */
export interface TrainingOptions {
  readonly epochs: number;
  readonly rate: number;
  readonly l2: number;
  /** A feature seen in fewer messages than this is left out: it would only learn one message by heart. */
  readonly minCount: number;
  /** Weights smaller than this are dropped from the shipped model, and the rest rounded to `digits` decimals. */
  readonly prune: number;
  readonly digits: number;
  readonly seed: number;
}

export const defaultTraining: TrainingOptions = { epochs: 20, rate: 0.5, l2: 0.001, minCount: 2, prune: 0.05, digits: 2, seed: 20261202 };

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

function orders(count: number, epochs: number, seed: number): number[][] {
  const random = seededRandom(seed);
  return Array.from({ length: epochs }, () => {
    const order = Array.from({ length: count }, (_, index) => index);
    for (let index = count - 1; index > 0; index -= 1) {
      const other = Math.floor(random() * (index + 1));
      [order[index], order[other]] = [order[other] as number, order[index] as number];
    }
    return order;
  });
}

/** Trains one logistic regression per move over binary features by plain SGD with L2 (on the features a message has), indexed once in sorted order. */
export function trainMoveWeights(examples: readonly TrainingExample[], options: TrainingOptions = defaultTraining): MoveWeightSet {
  const counts = new Map<string, number>();
  for (const example of examples) for (const feature of new Set(example.features)) counts.set(feature, (counts.get(feature) ?? 0) + 1);
  const vocabulary = [...counts].filter(([, count]) => count >= options.minCount).map(([feature]) => feature).sort();
  const index = new Map(vocabulary.map((feature, position) => [feature, position]));
  const rows = examples.map((example) => [...new Set(example.features)].flatMap((feature) => index.get(feature) ?? []));
  const visits = orders(examples.length, options.epochs, options.seed);
  const result: MoveWeightSet = {};
  for (const kind of intents) {
    if (!examples.some((example) => example.moves.has(kind))) continue;
    const weights = new Float64Array(vocabulary.length);
    let bias = 0;
    visits.forEach((order, epoch) => {
      const rate = options.rate / Math.sqrt(1 + epoch);
      for (const row of order) {
        const features = rows[row] ?? [];
        let z = bias;
        for (const feature of features) z += weights[feature] ?? 0;
        const error = sigmoid(z) - ((examples[row]?.moves.has(kind) ?? false) ? 1 : 0);
        bias -= rate * error;
        for (const feature of features) weights[feature] = (weights[feature] ?? 0) - rate * (error + options.l2 * (weights[feature] ?? 0));
      }
    });
    const scale = 10 ** options.digits;
    const kept: Record<string, number> = {};
    vocabulary.forEach((feature, position) => {
      const weight = weights[position] ?? 0;
      if (Math.abs(weight) >= options.prune) kept[feature] = Math.round(weight * scale) / scale;
    });
    result[kind] = { bias: Math.round(bias * scale) / scale, weights: kept };
  }
  return result;
}

/** The weights as looked up when reading: maps, built once. */
export type CompiledMoveWeights = ReadonlyMap<Intent, { readonly bias: number; readonly weights: ReadonlyMap<string, number> }>;

export const compileMoveWeights = (set: MoveWeightSet): CompiledMoveWeights =>
  new Map(intents.flatMap((kind) => { const model = set[kind]; return model ? [[kind, { bias: model.bias, weights: new Map(Object.entries(model.weights)) }] as const] : []; }));

/** How likely each move is for a message's distinct features, by the shipped (pruned, rounded) weights. */
export function moveProbabilities(compiled: CompiledMoveWeights, features: readonly string[]): Map<Intent, number> {
  const found = new Map<Intent, number>();
  for (const [kind, model] of compiled) {
    let z = model.bias;
    for (const feature of features) z += model.weights.get(feature) ?? 0;
    found.set(kind, sigmoid(z));
  }
  return found;
}
