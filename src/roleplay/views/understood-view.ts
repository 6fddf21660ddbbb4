import { cardTemplate, cardView, type CardView } from '../../cards/card-view';
import type { Locale } from '../../core/locale';
import type { Translate } from '../../core/translator';
import { intents, type Intent, type Move } from '../reading/intents';

/**
 * The customer's answer and, compactly under it, what the bot understood, with one tap to remove a move or name the one
 * meant. One card, not text beside a card: Teams shows a message with both as two, and cannot update it in place.
 */
export interface UnderstoodCardData {
  /** The customer's line (with any notice), markdown. */
  readonly answer: string;
  readonly heading: string;
  readonly summary: string;
  readonly note: string;
  readonly remove: ReadonlyArray<{ readonly title: string; readonly kind: string; readonly sessionId: string; readonly turn: number }>;
  readonly meantLabel: string;
  readonly meant: ReadonlyArray<{ readonly title: string; readonly value: string }>;
  readonly submit: string;
  readonly sessionId: string;
  readonly turn: number;
}

export const understoodCard = cardTemplate<UnderstoodCardData>('roleplay-understood');

// Greetings and commitment answers are plain to see; the learner corrects the moves that carry a verdict.
const pickable: readonly Intent[] = intents.filter((kind) => kind !== 'greets');

/** One move as the learner reads it: "You offered an alternative: ‘a loan laptop by 10:45’". */
function labelOf(t: Translate, move: Move, name: string): string {
  if (move.generic) return t('roleplay.understood.generic', { move: name });
  if (move.vague) return t('roleplay.understood.vague', { move: name });
  return move.what ? t('roleplay.understood.withWords', { move: name, words: move.what }) : name;
}

/** Which learner message a card answers, and the customer's answer to it. */
export interface UnderstoodTurn {
  readonly sessionId: string;
  /** The learner message, counted from 1. */
  readonly turn: number;
  readonly answer: string;
}

/** The card's words that depend only on the language, looked up once instead of some twenty times on every message. */
export class UnderstoodWords {
  readonly heading: string;
  readonly nothing: string;
  readonly meantLabel: string;
  readonly submit: string;
  private readonly names: ReadonlyMap<Intent, string>;
  private readonly removeTitles: ReadonlyMap<Intent, string>;
  private readonly choices: ReadonlyArray<{ readonly title: string; readonly value: Intent }>;

  constructor(readonly t: Translate) {
    this.heading = t('roleplay.understood.heading');
    this.nothing = t('roleplay.understood.nothing');
    this.meantLabel = t('roleplay.understood.meant');
    this.submit = t('roleplay.understood.submit');
    this.names = new Map(intents.map((kind) => [kind, t(`roleplay.moves.${kind}`)]));
    this.removeTitles = new Map(intents.map((kind) => [kind, t('roleplay.understood.remove', { move: this.name(kind) })]));
    // Shared by every card of the language, so frozen: a renderer that changed one would change them all.
    this.choices = Object.freeze(pickable.map((kind) => Object.freeze({ title: this.name(kind), value: kind })));
  }

  label(move: Move): string {
    return labelOf(this.t, move, this.name(move.kind));
  }

  removeTitle(kind: Intent): string {
    return this.removeTitles.get(kind) ?? this.t('roleplay.understood.remove', { move: this.name(kind) });
  }

  /** Every move the learner can name instead, less those already understood. */
  meant(moves: readonly Move[]): Array<{ readonly title: string; readonly value: string }> {
    return this.choices.filter((choice) => !moves.some((move) => move.kind === choice.value));
  }

  private name(kind: Intent): string {
    return this.names.get(kind) ?? this.t(`roleplay.moves.${kind}`);
  }
}

/** One UnderstoodWords per language, made on first use; a service holds one, so nothing lives at module level. */
export class UnderstoodWordsByLocale {
  private readonly byLocale = new Map<Locale, UnderstoodWords>();

  of(turn: { readonly locale: Locale; readonly t: Translate }): UnderstoodWords {
    const found = this.byLocale.get(turn.locale);
    if (found) return found;
    const words = new UnderstoodWords(turn.t);
    this.byLocale.set(turn.locale, words);
    return words;
  }
}

export function understoodView(words: UnderstoodWords, { sessionId, turn, answer }: UnderstoodTurn, moves: readonly Move[], open: boolean, note = ''): CardView {
  const summary = moves.length > 0 ? moves.map((move) => words.label(move)).join(' · ') : words.nothing;
  return cardView(understoodCard, {
    answer,
    heading: words.heading,
    summary,
    note,
    remove: open ? moves.map((move) => ({ title: words.removeTitle(move.kind), kind: move.kind, sessionId, turn })) : [],
    meantLabel: words.meantLabel,
    meant: open ? words.meant(moves) : [],
    submit: words.submit,
    sessionId,
    turn,
  });
}
