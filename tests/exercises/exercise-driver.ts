import assert from 'node:assert/strict';
import { executeActivity, messageActivity, type ActivityOptions } from '../support/activities';
import { attachedCard, type TestApp } from '../support/test-app';

export type Card = Record<string, unknown>;

/** Every object in a card, depth first. */
function nodes(card: unknown): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      found.push(node as Record<string, unknown>);
      Object.values(node).forEach(walk);
    }
  };
  walk(card);
  return found;
}

export function actionData(card: Card, verb: string): Record<string, unknown> {
  const action = nodes(card).find((node) => node.type === 'Action.Execute' && node.verb === verb);
  assert.ok(action, `no ${verb} button on the card`);
  return action.data as Record<string, unknown>;
}

export function input(card: Card, id: string): Record<string, unknown> | undefined {
  return nodes(card).find((node) => typeof node.type === 'string' && node.type.startsWith('Input.') && node.id === id);
}

export function choiceValues(card: Card, id: string): string[] {
  return ((input(card, id)?.choices ?? []) as Array<{ value: string }>).map((choice) => choice.value);
}

/** Drives the practice loop over real HTTP, as Teams would: commands as messages, buttons as Action.Execute invokes. */
export class ExerciseDriver {
  constructor(
    private readonly harness: TestApp,
    private readonly options: ActivityOptions,
  ) {}

  /** Types a command and returns the card the bot posted. */
  async command(text: string): Promise<Card> {
    const before = this.harness.connector.posted().length;
    await this.harness.post(messageActivity(this.options, text));
    const card = this.harness.connector
      .posted()
      .slice(before)
      .map((call) => attachedCard(call.body))
      .find((candidate) => candidate !== undefined);
    assert.ok(card, `no card after "${text}"`);
    return card;
  }

  /** Presses a button; returns the card that replaces it, or the text line when there is none. */
  async press(verb: string, data: Record<string, unknown> = {}): Promise<{ card?: Card; text?: string }> {
    const answer = await this.harness.post(executeActivity(this.options, verb, data));
    assert.equal(answer.status, 200, answer.text);
    const body = answer.body as { type: string; value: unknown };
    if (body.type === 'application/vnd.microsoft.card.adaptive') return { card: body.value as Card };
    return { text: String(body.value) };
  }

  async pressForCard(verb: string, data: Record<string, unknown> = {}): Promise<Card> {
    const { card, text } = await this.press(verb, data);
    assert.ok(card, `expected a card after ${verb}, got "${text ?? ''}"`);
    return card;
  }

  /** Presses a button that starts something new: the pressed card is left as it is and a new card is posted. */
  async pressForNewCard(verb: string, data: Record<string, unknown> = {}): Promise<Card> {
    const before = this.harness.connector.posted().length;
    const updatesBefore = this.harness.connector.updated().length;
    const { card, text } = await this.press(verb, data);
    assert.equal(card, undefined, `${verb} replaced the card it was pressed on`);
    assert.equal(text, '');
    assert.equal(this.harness.connector.updated().length, updatesBefore, `${verb} updated an earlier message`);
    const posted = this.harness.connector.posted().slice(before).map((call) => attachedCard(call.body)).find((found) => found !== undefined);
    assert.ok(posted, `no new card after ${verb}`);
    return posted;
  }

  /** Answers the scenario on the card: the first option for choice kinds, and the text for the rest. */
  async answer(scenario: Card, text: string, choice?: string): Promise<Card> {
    const fields: Record<string, unknown> = { ...actionData(scenario, 'exercises.submit') };
    if (input(scenario, 'choice')) fields.choice = choice ?? choiceValues(scenario, 'choice')[0];
    if (input(scenario, 'answer')) fields.answer = text;
    return this.pressForCard('exercises.submit', fields);
  }

  async rate(result: Card, rating: string | undefined, commitment?: string, keyPoints?: string): Promise<Card> {
    return this.pressForCard('exercises.rate', { ...actionData(result, 'exercises.rate'), rating, commitment, keyPoints });
  }
}
