import assert from 'node:assert/strict';
import { executeActivity, messageActivity, type ActivityOptions } from '../support/activities';
import type { ConnectorCall } from '../support/loopback-connector';
import { attachedCard, cardText, type TestApp } from '../support/test-app';

/** A message as the learner reads it: its text, then the text of its card, when it has both. */
const messageText = (call: ConnectorCall): string => {
  const card = attachedCard(call.body);
  const text = typeof call.body.text === 'string' ? call.body.text : '';
  return [text, card ? cardText(card) : ''].filter((part) => part !== '').join('\n\n');
};

/** One learner talking to the real bot over HTTP: what they type and press, and what comes back as text. */
export class RoleplayLearner {
  constructor(
    private readonly harness: TestApp,
    private readonly options: Partial<ActivityOptions> = {},
  ) {}

  private get activity(): ActivityOptions {
    return { serviceUrl: this.harness.connector.serviceUrl, ...this.options };
  }

  /** Types a message; returns every message the bot posted for it (its text and its card's text), typing indicators left out. */
  async say(text: string): Promise<string[]> {
    return (await this.messagesFor(text)).map(messageText);
  }

  /**
   * Types a message; returns every message the bot posted for it as its text, its card's text and the card's first
   * line ('' when absent): in a meeting, the customer's answer above what the bot understood.
   */
  async sayApart(text: string): Promise<Array<{ text: string; card: string; lead: string }>> {
    return (await this.messagesFor(text)).map((call) => {
      const card = attachedCard(call.body);
      const first = (card?.body as Array<{ text?: unknown }> | undefined)?.[0]?.text;
      return { text: typeof call.body.text === 'string' ? call.body.text : '', card: card ? cardText(card) : '', lead: typeof first === 'string' ? first : '' };
    });
  }

  private async messagesFor(text: string): Promise<ConnectorCall[]> {
    const before = this.harness.connector.posted().length;
    const answer = await this.harness.post(messageActivity(this.activity, text));
    assert.equal(answer.status, 200, answer.text);
    return this.harness.connector
      .posted()
      .slice(before)
      .filter((call) => call.body.type === 'message');
  }

  /**
   * Presses an Action.Execute button on the card posted as `cardId`; returns the card that replaced it (as text,
   * or the invoke's message text), whether it was replaced at all, the messages posted with it, and the pressed
   * message as rewritten whole (text and card; '' when only its card was replaced).
   */
  async press(
    verb: string,
    data: Record<string, unknown> = {},
    cardId = 'card-1',
  ): Promise<{ card: string; updated: boolean; replies: string[]; replyIds: string[]; rewritten: string }> {
    const connector = this.harness.connector;
    const before = connector.posted().length;
    const updatesBefore = connector.updated().length;
    const answer = await this.harness.post(executeActivity(this.activity, verb, data, cardId));
    const body = answer.body as { type: string; value: unknown };
    const updated = body.type === 'application/vnd.microsoft.card.adaptive';
    const card = updated ? cardText(body.value) : String(body.value);
    const posted = connector.posted().slice(before);
    const rewrites = connector.updated().slice(updatesBefore);
    assert.ok(rewrites.every((call) => call.activityId === cardId), 'only the message pressed is rewritten');
    return { card, updated, replies: posted.map(messageText), replyIds: posted.map((call) => call.createdId ?? ''), rewritten: rewrites.map(messageText).join('\n') };
  }

  /** The id Teams gave the bot's newest message: the one to press a button on. */
  lastMessageId(): string {
    return this.harness.connector.posted().filter((call) => call.body.type === 'message').at(-1)?.createdId ?? '';
  }

  /** Opens a storyline's brief and starts its meeting; returns the customer's opening line. */
  async startMeeting(storylineId: string, meeting = 1): Promise<string> {
    const brief = await this.press('roleplay.brief', { storylineId });
    const started = await this.press('roleplay.start', { storylineId, meeting }, brief.replyIds[0]);
    assert.equal(started.updated, false, 'starting sends new messages and leaves the brief as it was');
    assert.match(started.replies[0] ?? '', /In the meeting with|I mötet med/, started.replies.join('\n'));
    return started.replies.slice(1).join('\n');
  }
}
