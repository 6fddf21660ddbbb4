import assert from 'node:assert/strict';
import { executeActivity, messageActivity, type ActivityOptions } from '../support/activities';
import type { ConnectorCall } from '../support/loopback-connector';
import { attachedCard, cardText, type TestApp } from '../support/test-app';

const postedText = (call: ConnectorCall): string =>
  typeof call.body.text === 'string' && call.body.text ? call.body.text : cardText(attachedCard(call.body));

/** One learner talking to the real bot over HTTP: what they type and press, and what comes back as text. */
export class RoleplayLearner {
  constructor(
    private readonly harness: TestApp,
    private readonly options: Partial<ActivityOptions> = {},
  ) {}

  private get activity(): ActivityOptions {
    return { serviceUrl: this.harness.connector.serviceUrl, ...this.options };
  }

  /** Types a message; returns every message the bot posted for it (texts, and card texts), typing indicators left out. */
  async say(text: string): Promise<string[]> {
    const before = this.harness.connector.posted().length;
    const answer = await this.harness.post(messageActivity(this.activity, text));
    assert.equal(answer.status, 200, answer.text);
    return this.harness.connector
      .posted()
      .slice(before)
      .filter((call) => call.body.type === 'message')
      .map(postedText);
  }

  /**
   * Presses an Action.Execute button on the card posted as `cardId`; returns the card that replaced it (as text,
   * or the invoke's message text), whether it was replaced at all, and the messages posted with it.
   */
  async press(verb: string, data: Record<string, unknown> = {}, cardId = 'card-1'): Promise<{ card: string; updated: boolean; replies: string[]; replyIds: string[] }> {
    const before = this.harness.connector.posted().length;
    const answer = await this.harness.post(executeActivity(this.activity, verb, data, cardId));
    const body = answer.body as { type: string; value: unknown };
    const updated = body.type === 'application/vnd.microsoft.card.adaptive';
    const card = updated ? cardText(body.value) : String(body.value);
    const posted = this.harness.connector.posted().slice(before);
    return { card, updated, replies: posted.map(postedText), replyIds: posted.map((call) => call.createdId ?? '') };
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
