import assert from 'node:assert/strict';
import { executeActivity, messageActivity, type ActivityOptions } from '../support/activities';
import { attachedCard, cardText, type TestApp } from '../support/test-app';

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
      .map((call) => (typeof call.body.text === 'string' && call.body.text ? call.body.text : cardText(attachedCard(call.body))));
  }

  /** Presses an Action.Execute button; returns the card that replaced it (as text) and the messages posted with it. */
  async press(verb: string, data: Record<string, unknown> = {}): Promise<{ card: string; replies: string[] }> {
    const before = this.harness.connector.posted().length;
    const answer = await this.harness.post(executeActivity(this.activity, verb, data));
    const body = answer.body as { type: string; value: unknown };
    const card = body.type === 'application/vnd.microsoft.card.adaptive' ? cardText(body.value) : String(body.value);
    const replies = this.harness.connector
      .posted()
      .slice(before)
      .map((call) => (typeof call.body.text === 'string' && call.body.text ? call.body.text : cardText(attachedCard(call.body))));
    return { card, replies };
  }

  /** Opens a storyline's brief and starts its meeting; returns the customer's opening line. */
  async startMeeting(storylineId: string, meeting = 1): Promise<string> {
    await this.press('roleplay.brief', { storylineId });
    const started = await this.press('roleplay.start', { storylineId, meeting });
    assert.match(started.card, /In the meeting with|I mötet med/, started.card);
    return started.replies.join('\n');
  }
}
