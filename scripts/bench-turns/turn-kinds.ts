import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { executeActivity, messageActivity, type ActivityOptions } from '../../tests/support/activities';
import type { LoopbackConnector } from '../../tests/support/loopback-connector';
import type { Answer, Client } from './load';

export const turnKinds = ['help', 'practice', 'submit', 'roleplay'] as const;
export type TurnKind = (typeof turnKinds)[number];

/** Learners' lines in a role-play meeting; the scripted customer answers each (no model is configured). */
const roleplayLines = [
  'Hi Maria, that sounds stressful. What happened, and since when?',
  'Which of your customers are waiting for quotes, and by when?',
  'What does the stop mean for your sellers today?',
  "I can't move every technician, but what I can do instead is get the template back within the hour.",
  'So if I understand you: twelve sellers stopped, three customers by Friday.',
  "I'll call you every hour until the quotes go out.",
];
const storylineId = 'sales-blocked-service-desk';
/** A meeting ends at its 20th learner message; users move on before that, so every role-play turn is a plain one. */
const messagesPerMeeting = 18;
const answerText = 'I would ask what month-end means for them and move the roll-out to the week after.';

/** The activities of one turn kind for a pool of distinct learners, each in their own personal chat. */
export class TurnSource {
  private cursor = 0;
  private readonly users: ActivityOptions[];
  /** Per learner: the submit data of their scenario card (submit) or their messages so far in the meeting (roleplay). */
  private readonly submitData = new Map<number, Record<string, unknown>>();
  private readonly roleplayMessages = new Map<number, number>();

  constructor(
    readonly kind: TurnKind,
    serviceUrl: string,
    users: number,
    prefix: string,
  ) {
    this.users = Array.from({ length: users }, (_, index) => ({ serviceUrl, aadObjectId: `aad-${prefix}-${kind}-${index}`, userName: `Learner ${index}` }));
  }

  /** What a learner does before the measured turns: takes a scenario card (submit) or starts a meeting (roleplay). */
  async setUp(client: Client, botUrl: string, connector: LoopbackConnector): Promise<void> {
    if (this.kind !== 'submit' && this.kind !== 'roleplay') return;
    for (let index = 0; index < this.users.length; index += 1) {
      const user = this.users[index] as ActivityOptions;
      if (this.kind === 'roleplay') {
        const answer = await client.post(`${botUrl}/api/messages`, executeActivity(user, 'roleplay.start', { storylineId, meeting: 1 }));
        if (answer.status !== 200) throw new Error(`bench:turns: starting a role-play answered ${answer.status}`);
        this.roleplayMessages.set(index, 0);
        continue;
      }
      const before = connector.calls.length;
      await client.post(`${botUrl}/api/messages`, messageActivity(user, 'practice'));
      const data = connector.calls.slice(before).map((call) => submitDataIn(call.body)).find((found) => found !== undefined);
      if (!data) throw new Error('bench:turns: practice posted no scenario card with an exercises.submit button');
      this.submitData.set(index, data);
    }
  }

  /** The same learners and scenario cards for another bot, with every meeting's count of messages back at zero. */
  withSameLearners(): TurnSource {
    const twin = new TurnSource(this.kind, '', 0, '');
    twin.users.push(...this.users);
    for (const [index, data] of this.submitData) twin.submitData.set(index, data);
    return twin;
  }

  /** The next learner's next turn, round robin over the pool. */
  next(): Activity {
    const index = this.cursor % this.users.length;
    const user = this.users[index] as ActivityOptions;
    this.cursor += 1;
    switch (this.kind) {
      case 'help':
        return messageActivity(user, 'help');
      case 'practice':
        return messageActivity(user, 'practice');
      case 'submit':
        return executeActivity(user, 'exercises.submit', { ...(this.submitData.get(index) ?? {}), attemptId: randomUUID(), answer: answerText });
      case 'roleplay': {
        const said = this.roleplayMessages.get(index) ?? 0;
        if (said >= messagesPerMeeting) throw new Error(`bench:turns: learner ${index} used up their meeting; give the role-play pool more users`);
        this.roleplayMessages.set(index, said + 1);
        return messageActivity(user, roleplayLines[said % roleplayLines.length] ?? 'Tell me more.');
      }
    }
  }

  /** How many role-play users a run needs for `turns` measured turns. */
  static usersFor(kind: TurnKind, turns: number, minimum: number): number {
    return kind === 'roleplay' ? Math.max(minimum, Math.ceil(turns / messagesPerMeeting) + 1) : minimum;
  }
}

/** Throws unless the project did the turn's real work (a card, a saved answer, the customer's reply). */
export function checkProjectTurn(kind: TurnKind, answer: Answer, posted: ReadonlyArray<Record<string, unknown>>): void {
  if (answer.status !== 200) throw new Error(`bench:turns: a ${kind} turn answered ${answer.status}: ${answer.text.slice(0, 200)}`);
  const texts = posted.map((body) => JSON.stringify(body)).join('\n');
  const ok =
    kind === 'help' ? texts.includes('application/vnd.microsoft.card.adaptive')
    : kind === 'practice' ? texts.includes('exercises.submit')
    : kind === 'submit' ? answer.text.includes('exercises.rate')
    : /Maria/.test(texts) && !texts.includes('errors.');
  if (!ok) throw new Error(`bench:turns: a ${kind} turn did not do its work: ${(answer.text + texts).slice(0, 400)}`);
}

function submitDataIn(body: Record<string, unknown>): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  const walk = (node: unknown): void => {
    if (found) return;
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.type === 'Action.Execute' && record.verb === 'exercises.submit') found = record.data as Record<string, unknown>;
      else Object.values(record).forEach(walk);
    }
  };
  walk(body);
  return found;
}
