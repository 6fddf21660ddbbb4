import type { ActionRoute, Capability, CommandRoute, FreeTextHandler } from './capability';
import { textReply } from './reply';
import type { ConversationKind } from './turn';

export type CommandMatch =
  | { readonly kind: 'command'; readonly route: CommandRoute; readonly argument: string }
  | { readonly kind: 'wrong-scope'; readonly route: CommandRoute }
  | { readonly kind: 'unknown' };

/** The routing tables for text commands and card verbs, built once from the capabilities. */
export class Router {
  private readonly commandsByWord: ReadonlyArray<readonly [string, CommandRoute]>;
  private readonly actionsByVerb: ReadonlyMap<string, ActionRoute>;
  /** Capabilities that may take plain text while something is in progress, in registration order. */
  readonly freeTextHandlers: readonly FreeTextHandler[];

  constructor(capabilities: readonly Capability[]) {
    const words = new Map<string, CommandRoute>();
    const verbs = new Map<string, ActionRoute>();
    for (const capability of capabilities) {
      for (const route of capability.commands) {
        for (const word of route.words) {
          const normalised = normaliseCommandText(word);
          const existing = words.get(normalised);
          if (existing) throw new Error(`command word "${normalised}" is claimed by ${existing.id} and ${route.id}`);
          words.set(normalised, route);
        }
      }
      for (const action of capability.actions) {
        if (verbs.has(action.verb)) throw new Error(`card verb "${action.verb}" is registered twice`);
        verbs.set(action.verb, action);
      }
    }
    // Longest phrase first, so "delete my data" wins over "delete".
    this.commandsByWord = [...words.entries()].sort(([a], [b]) => b.length - a.length);
    this.actionsByVerb = verbs;
    this.freeTextHandlers = capabilities.flatMap((capability) => (capability.freeText ? [capability.freeText] : []));
  }

  matchCommand(text: string, conversationKind: ConversationKind): CommandMatch {
    const normalised = normaliseCommandText(text);
    for (const [word, route] of this.commandsByWord) {
      if (normalised !== word && !normalised.startsWith(`${word} `)) continue;
      if (!route.scopes.includes(conversationKind)) return { kind: 'wrong-scope', route };
      return { kind: 'command', route, argument: normalised.slice(word.length).trim() };
    }
    const nearest = this.nearestWord(normalised.split(' ')[0] ?? '', conversationKind);
    return nearest ? { kind: 'command', route: didYouMean(nearest), argument: '' } : { kind: 'unknown' };
  }

  /** A command word one or two typing mistakes away from what was typed ("rollplay" → "roleplay"), if exactly one is nearest. */
  private nearestWord(typed: string, conversationKind: ConversationKind): string | undefined {
    if (typed.length < 4) return undefined;
    const allowed = typed.length < 6 ? 1 : 2;
    let best: { word: string; distance: number } | undefined;
    for (const [word, route] of this.commandsByWord) {
      if (word.includes(' ') || !route.scopes.includes(conversationKind)) continue;
      const distance = editDistance(typed, word);
      if (distance <= allowed && (!best || distance < best.distance)) best = { word, distance };
    }
    return best?.word;
  }

  /** True when the whole text is a command word, e.g. "end" or "help": those win even during a role-play. */
  isExactCommand(text: string): boolean {
    const normalised = normaliseCommandText(text);
    return this.commandsByWord.some(([word]) => word === normalised);
  }

  action(verb: string): ActionRoute | undefined {
    return this.actionsByVerb.get(verb);
  }
}

const didYouMean = (word: string): CommandRoute => ({
  id: 'did-you-mean',
  words: [],
  scopes: ['personal', 'groupChat', 'channel'],
  help: { usageKey: 'home.commands.help.usage', descriptionKey: 'home.commands.help.description' },
  run: async (turn) => [textReply(turn.t('home.didYouMean', { command: word }))],
});

/** Levenshtein distance: insertions, deletions and substitutions. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** Lower case, single spaces, no surrounding punctuation: "  Practice  Trust! " → "practice trust". */
export function normaliseCommandText(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[/!.,:;]+|[.!?,:;]+$/g, '')
    .trim();
}
