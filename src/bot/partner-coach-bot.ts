import {
  ActivityTypes,
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type FileConsentCardResponse,
} from 'botbuilder';
import type { CardRenderer } from '../cards/card-renderer';
import { UserFacingError } from '../core/errors';
import { textReply, type ActionOutcome, type Reply } from '../core/reply';
import type { Router } from '../core/router';
import type { Turn } from '../core/turn';
import type { ExportOffers } from '../exports/export-offers';
import type { HomeService } from '../home/home-service';
import type { Logger } from '../logger';
import type { ConversationReferenceRepository } from './conversation-references';
import { listenToMeetings, type MeetingEdge } from './meeting-events';
import { toActivity } from './reply-activities';
import { describeFailure } from './turn-errors';
import { tenantIdOf, type TurnFactory } from './turn-factory';
import { UploadSession, type UploadOptions } from './upload-session';

export interface BotDependencies {
  readonly router: Router;
  readonly home: HomeService;
  readonly renderer: CardRenderer;
  readonly turns: TurnFactory;
  readonly references: ConversationReferenceRepository;
  readonly logger: Logger;
  /** Meeting start, join and end events, when reflections after meetings are wired. */
  readonly meetings?: MeetingEdge;
  /** Files offered through Teams' consent card, and how their bytes are uploaded once allowed. */
  readonly exports: ExportOffers;
  readonly uploads: UploadOptions;
  /** How long an answer may take before the person sees the typing indicator; 300 ms unless a test says otherwise. */
  readonly typingAfterMs?: number;
}

const defaultTypingAfterMs = 300;

type ActionData = Readonly<Record<string, unknown>>;

/** Translates Teams activities into core intents and core replies back into activities; nothing else. */
export class PartnerCoachBot extends TeamsActivityHandler {
  constructor(private readonly deps: BotDependencies) {
    super();
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botWasAdded = context.activity.membersAdded?.some((member) => member.id === context.activity.recipient.id);
      if (botWasAdded) await this.withTurn(context, async (turn) => this.send(context, [this.deps.home.welcome(turn)]));
      await next();
    });
    if (deps.meetings) listenToMeetings(this, deps.meetings, deps.logger);
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const data = (invokeValue.action?.data ?? {}) as ActionData;
    const verb = invokeValue.action?.verb ?? (typeof data.verb === 'string' ? data.verb : '');
    let response: AdaptiveCardInvokeResponse = messageResponse('');
    await this.withTurn(context, async (turn) => {
      const outcome = await this.runAction(turn, verb, data);
      await this.send(context, outcome.replies ?? []);
      response = outcome.update
        ? { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: this.deps.renderer.render(outcome.update) }
        : messageResponse('');
    }, (text) => {
      response = messageResponse(text);
    });
    return response;
  }

  /** "Allow" on a file consent card: upload, then the file card; the invoke is answered 200 whatever happened. */
  protected override async handleTeamsFileConsentAccept(context: TurnContext, response: FileConsentCardResponse): Promise<void> {
    await this.withTurn(context, async (turn) => {
      const upload = new UploadSession(response.uploadInfo, this.deps.uploads);
      await this.send(context, await this.deps.exports.accept(turn, exportIdOf(response), upload));
    });
  }

  protected override async handleTeamsFileConsentDecline(context: TurnContext, response: FileConsentCardResponse): Promise<void> {
    await this.withTurn(context, async (turn) => this.send(context, await this.deps.exports.decline(turn, exportIdOf(response))));
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    await this.withTurn(context, async (turn) => {
      const value = context.activity.value as ActionData | undefined;
      if (value && typeof value === 'object' && typeof value.verb === 'string') {
        await this.handleSubmit(context, turn, value.verb, value);
        return;
      }
      const text = TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '';
      await this.send(context, await this.typingIfSlow(context, turn, () => this.runCommand(turn, text.replace(/<at>[^<]*<\/at>/g, ' '))));
    });
  }

  /** Plain Action.Submit: the same verbs as Action.Execute, with the card replaced by an update call. */
  private async handleSubmit(context: TurnContext, turn: Turn, verb: string, data: ActionData): Promise<void> {
    const outcome = await this.runAction(turn, verb, data);
    const replyToId = context.activity.replyToId;
    // Updating the message would show one person's own answers to everyone in a shared chat.
    if (outcome.update && outcome.onlyForActor && turn.conversation.kind !== 'personal') {
      await this.send(context, [textReply(turn.t('errors.onlyForYou')), ...(outcome.replies ?? [])]);
      return;
    }
    if (outcome.update && replyToId) {
      await context.updateActivity({ ...toActivity({ kind: 'card', view: outcome.update }, this.deps.renderer), id: replyToId });
    } else if (outcome.update) {
      await this.send(context, [{ kind: 'card', view: outcome.update }]);
    }
    await this.send(context, outcome.replies ?? []);
  }

  /** A whole command word wins; otherwise a session in progress takes the text; otherwise a command with arguments. */
  private async runCommand(turn: Turn, text: string): Promise<readonly Reply[]> {
    const { router } = this.deps;
    if (!router.isExactCommand(text)) {
      for (const handler of router.freeTextHandlers) {
        const replies = await handler.handle(turn, text);
        if (replies) return replies;
      }
    }
    const match = router.matchCommand(text, turn.conversation.kind);
    if (match.kind === 'command') return match.route.run(turn, match.argument);
    if (match.kind === 'wrong-scope') return this.deps.home.wrongScope(turn);
    return this.deps.home.unknown(turn);
  }

  private async runAction(turn: Turn, verb: string, data: ActionData): Promise<ActionOutcome> {
    const route = this.deps.router.action(verb);
    if (!route) throw new UserFacingError('errors.invalidAction');
    return route.run(turn, data);
  }

  /** Some answers (a model's reply) take seconds: then the personal chat shows the bot typing; an immediate answer just comes. */
  private async typingIfSlow<T>(context: TurnContext, turn: Turn, work: () => Promise<T>): Promise<T> {
    if (turn.conversation.kind !== 'personal') return work();
    let typing: Promise<void> | undefined;
    const timer = setTimeout(() => {
      typing = context.sendActivity({ type: ActivityTypes.Typing }).then(
        () => undefined,
        (error: unknown) => this.deps.logger.warn({ err: error, activityId: context.activity.id }, 'could not send the typing indicator'),
      );
    }, this.deps.typingAfterMs ?? defaultTypingAfterMs);
    try {
      return await work();
    } finally {
      clearTimeout(timer);
      await typing;
    }
  }

  private async send(context: TurnContext, replies: readonly Reply[]): Promise<void> {
    for (const reply of replies) await context.sendActivity(toActivity(reply, this.deps.renderer));
  }

  /** The turn's error boundary: one kind line to the person, one log line with ids, nothing internal. */
  private async withTurn(
    context: TurnContext,
    work: (turn: Turn) => Promise<void>,
    answerFailure?: (text: string) => void,
  ): Promise<void> {
    const { turn, remembered } = await this.deps.turns.create(context);
    const ids = {
      activityId: context.activity.id,
      conversationKey: turn.conversation.key,
      userKey: turn.actor.userKey,
      type: context.activity.type,
    };
    try {
      if (!this.deps.turns.isQuiet(context.activity)) await this.deps.references.remember(turn.conversation.key, turn.actor.userKey, {
        reference: TurnContext.getConversationReference(context.activity),
        kind: turn.conversation.kind,
        tenantId: tenantIdOf(context.activity),
      }, remembered);
      await work(turn);
    } catch (error) {
      const failure = describeFailure(error, turn.t);
      if (failure.expected) this.deps.logger.info({ ...ids, reason: (error as Error).name }, 'turn ended with an expected failure');
      else this.deps.logger.error({ ...ids, err: error }, 'turn failed');
      if (answerFailure) answerFailure(failure.text);
      else await context.sendActivity(failure.text);
    }
  }
}

function exportIdOf(response: FileConsentCardResponse): string {
  const context = response.context as { readonly exportId?: unknown } | undefined;
  return typeof context?.exportId === 'string' ? context.exportId : '';
}

function messageResponse(text: string): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text as unknown as Record<string, unknown> };
}
