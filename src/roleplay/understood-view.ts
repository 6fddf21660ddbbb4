import { cardTemplate, cardView, type CardView } from '../cards/card-view';
import type { Translate } from '../core/translator';
import { intents, type Intent, type Move } from './intents';

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
export function moveLabel(t: Translate, move: Move): string {
  if (move.generic) return t('roleplay.understood.generic', { move: t(`roleplay.moves.${move.kind}`) });
  if (move.vague) return t('roleplay.understood.vague', { move: t(`roleplay.moves.${move.kind}`) });
  return move.what ? t('roleplay.understood.withWords', { move: t(`roleplay.moves.${move.kind}`), words: move.what }) : t(`roleplay.moves.${move.kind}`);
}

/** Which learner message a card answers, and the customer's answer to it. */
export interface UnderstoodTurn {
  readonly sessionId: string;
  /** The learner message, counted from 1. */
  readonly turn: number;
  readonly answer: string;
}

export function understoodView(t: Translate, { sessionId, turn, answer }: UnderstoodTurn, moves: readonly Move[], open: boolean, note = ''): CardView {
  const summary = moves.length > 0 ? moves.map((move) => moveLabel(t, move)).join(' · ') : t('roleplay.understood.nothing');
  return cardView(understoodCard, {
    answer,
    heading: t('roleplay.understood.heading'),
    summary,
    note,
    remove: open ? moves.map((move) => ({ title: t('roleplay.understood.remove', { move: t(`roleplay.moves.${move.kind}`) }), kind: move.kind, sessionId, turn })) : [],
    meantLabel: t('roleplay.understood.meant'),
    meant: open ? pickable.filter((kind) => !moves.some((move) => move.kind === kind)).map((kind) => ({ title: t(`roleplay.moves.${kind}`), value: kind })) : [],
    submit: t('roleplay.understood.submit'),
    sessionId,
    turn,
  });
}
