import type { CardTemplate } from '../cards/card-view';
import type { ConversationKind, Turn } from './turn';
import type { ActionOutcome, Reply } from './reply';

/** A text command: the words that start it in either language, where it works, and what it does. */
export interface CommandRoute {
  readonly id: string;
  /** Lower-case words or phrases in en and sv; the longest match wins and the rest of the text is the argument. */
  readonly words: readonly string[];
  readonly scopes: readonly ConversationKind[];
  /** Locale keys for the help card: how to type it, and what it does. */
  readonly help: { readonly usageKey: string; readonly descriptionKey: string };
  run(turn: Turn, argument: string): Promise<readonly Reply[]>;
}

/** A card button: routed by the `verb` in the action's data. */
export interface ActionRoute {
  readonly verb: string;
  run(turn: Turn, data: Readonly<Record<string, unknown>>): Promise<ActionOutcome>;
}

/** A button on the welcome and help cards that leads into a capability. */
export interface MenuEntry {
  readonly titleKey: string;
  readonly descriptionKey: string;
  readonly verb: string;
  readonly scopes: readonly ConversationKind[];
}

/** How a capability shows a person the data it keeps about them ("my data"); deletion is by owner key in the store. */
export interface PersonalDataSource {
  /** A heading and readable lines (Markdown) for the export, or nothing when it keeps no data for this person. */
  describe(userKey: string, turn: Turn): Promise<{ readonly heading: string; readonly lines: readonly string[] } | undefined>;
}

/** Plain text that is not a command, offered to a capability with a session in progress (a role-play, say). */
export interface FreeTextHandler {
  /** The replies, or undefined when this capability has nothing in progress for this person here. */
  handle(turn: Turn, text: string): Promise<readonly Reply[] | undefined>;
}

/** One folder of the product (exercises, check-ins, role-play, workshops…), plugged in at the composition root. */
export interface Capability {
  readonly id: string;
  readonly commands: readonly CommandRoute[];
  readonly actions: readonly ActionRoute[];
  readonly menu: readonly MenuEntry[];
  readonly cardTemplates: readonly CardTemplate<unknown>[];
  readonly personalData?: PersonalDataSource;
  readonly freeText?: FreeTextHandler;
  /** Card verbs that may store an anonymous answer or vote: their turns write nothing else about the person. */
  readonly quietVerbs?: readonly string[];
}
