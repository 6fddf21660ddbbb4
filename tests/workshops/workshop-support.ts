import assert from 'node:assert/strict';
import { executeActivity, messageActivity, type ActivityOptions } from '../support/activities';
import { rosterResponder, type RosterMember } from '../support/loopback-connector';
import { attachedCard, cardText, type TestApp } from '../support/test-app';

/** People in the test channel; the roster gives their Teams ids as Teams would. */
export const people = {
  alex: { aadObjectId: 'aad-alex', userName: 'Alex Berg' },
  maria: { aadObjectId: 'aad-maria', userName: 'Maria Lind' },
  sam: { aadObjectId: 'aad-sam', userName: 'Sam Holm' },
  kim: { aadObjectId: 'aad-kim', userName: 'Kim Ek' },
} as const;
export type Person = keyof typeof people;

export const channelId = '19:service-desk-general@thread.tacv2';

export const roster: RosterMember[] = Object.values(people).map((person) => ({ id: `29:${person.aadObjectId}`, name: person.userName, aadObjectId: person.aadObjectId }));

export type Card = Record<string, unknown>;

/** The conversation id of a person's 1:1 chat with the bot, as the activity builders give it. */
export const personalChatOf = (person: Person): string => `a:personal-${people[person].aadObjectId}`;

/** Drives one workshop over real HTTP as several people in one channel. */
export class ChannelSession {
  constructor(
    readonly harness: TestApp,
    readonly conversationId = channelId,
  ) {
    harness.connector.respondWith(rosterResponder(roster));
  }

  as(person: Person): ActivityOptions {
    return { serviceUrl: this.harness.connector.serviceUrl, conversationType: 'channel', conversationId: this.conversationId, ...people[person] };
  }

  /** The person in their own 1:1 chat with the bot, where exports arrive. */
  inPersonalChat(person: Person): ActivityOptions {
    return { serviceUrl: this.harness.connector.serviceUrl, ...people[person] };
  }

  async say(person: Person, text: string): Promise<void> {
    await this.harness.post(messageActivity(this.as(person), text));
  }

  /** Presses an Action.Execute button; returns the card sent back or the text of a refusal. */
  async press(person: Person, verb: string, data: Record<string, unknown> = {}): Promise<{ card?: Card; text?: string }> {
    const answer = await this.harness.post(executeActivity(this.as(person), verb, data));
    assert.equal(answer.status, 200, answer.text);
    const body = answer.body as { type: string; value: unknown };
    return body.type === 'application/vnd.microsoft.card.adaptive' ? { card: body.value as Card } : { text: String(body.value) };
  }

  async card(person: Person, verb: string, data: Record<string, unknown> = {}): Promise<Card> {
    const { card, text } = await this.press(person, verb, data);
    assert.ok(card, `expected a card back from ${verb}, got: ${text}`);
    return card;
  }

  lastPostedCard(): Card {
    const card = this.harness.connector.posted().map((call) => attachedCard(call.body)).filter(Boolean).at(-1);
    assert.ok(card, 'no card was posted');
    return card;
  }

  /** The shared card as last replaced for everyone (a PUT to the Bot Connector), and which activity it replaced. */
  sharedCard(): { readonly activityId: string | undefined; readonly text: string; readonly card: Card } {
    const update = this.harness.connector.updated().at(-1);
    assert.ok(update, 'the shared card was never updated');
    const card = attachedCard(update.body);
    assert.ok(card, 'the update carries no card');
    return { activityId: update.activityId, text: cardText(card), card };
  }

  postedTexts(): string[] {
    return this.harness.connector.posted().map((call) => (typeof call.body.text === 'string' ? call.body.text : ''));
  }

  /** `workshop` then Post with the given setup inputs; returns the workshop id and the facilitator's card. */
  async start(facilitator: Person, setup: Record<string, unknown>): Promise<{ workshopId: string; card: Card }> {
    await this.say(facilitator, 'workshop');
    const workshopId = workshopIdOf(this.lastPostedCard());
    const card = await this.card(facilitator, 'workshop.post', { workshopId, ...setup });
    return { workshopId, card };
  }
}

/** The workshop id every button on the card carries. */
export function workshopIdOf(card: Card): string {
  const match = /"workshopId":"([^"]+)"/.exec(JSON.stringify(card));
  assert.ok(match?.[1], 'the card names no workshop');
  return match[1];
}

/** The answer id behind the button of the answer with this text. */
export function answerIdOf(card: Card, text: string): string {
  const answers = (card.body as Card[]).filter((element) => element.type === 'Container' && JSON.stringify(element).includes(text) && JSON.stringify(element).includes('"answerId"'));
  const match = /"answerId":"([^"]+)"/.exec(JSON.stringify(answers.at(-1)));
  assert.ok(match?.[1], `no button on the answer "${text}"`);
  return match[1];
}

export const textOf = (card: Card): string => cardText(card);

/** The Input.ChoiceSet with this id, or undefined when the card has none. */
export function choiceSetOf(card: Card, id: string): { choices: Array<{ title: string; value: string }>; value?: string } | undefined {
  let found: { choices: Array<{ title: string; value: string }>; value?: string } | undefined;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const element = node as Card;
      if (element.type === 'Input.ChoiceSet' && element.id === id) found = element as unknown as typeof found;
      else Object.values(element).forEach(walk);
    }
  };
  walk(card);
  return found;
}

/** The choices of the Input.ChoiceSet with this id, or undefined when the card has none. */
export const choicesOf = (card: Card, id: string): Array<{ title: string; value: string }> | undefined => choiceSetOf(card, id)?.choices;

/** The value of the choice whose title starts with this text. */
export function choiceValue(card: Card, id: string, title: string): string {
  const choice = choicesOf(card, id)?.find((candidate) => candidate.title.startsWith(title));
  assert.ok(choice, `no choice "${title}" in ${id}`);
  return choice.value;
}
