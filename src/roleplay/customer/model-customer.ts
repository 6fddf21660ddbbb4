import { ModelFailure, type LanguageModel, type ModelMessage } from '../../core/language-model';
import type { Logger } from '../../logger';
import { guardReply, type GuardViolation } from './consistency-guard';
import type { CustomerEngine, CustomerReply, CustomerScene, FallbackReason } from './customer-engine';
import { customerPrompt } from './customer-prompt';
import type { DirectedTurn } from './director';
import type { Debrief } from '../judging/rule-judge';
import { judgeWithModel } from '../judging/model-judge';
import { firmLinesIn } from '../storyline';

/** Sizes and limits of the model customer. */
export interface ModelCustomerOptions {
  readonly promptTokenBudget: number;
  readonly judgeTokenBudget: number;
  readonly maxReplyTokens: number;
  readonly maxReplyChars: number;
}

export const defaultModelCustomerOptions: ModelCustomerOptions = { promptTokenBudget: 3000, judgeTokenBudget: 8000, maxReplyTokens: 220, maxReplyChars: 900 };

type Attempt = { readonly text: string } | { readonly violation: GuardViolation } | { readonly failure: FallbackReason };

/**
 * A customer played by a language model, kept in character by a guard: a reply that breaks character is
 * regenerated once, then replaced by the scripted line. Any model failure falls back to the script for that turn.
 * The reply is streamed from the model but sent as one message, because the guard must see it whole first.
 */
export class ModelCustomer implements CustomerEngine {
  readonly kind = 'model';

  constructor(
    private readonly model: LanguageModel,
    private readonly scripted: CustomerEngine,
    private readonly logger: Logger,
    private readonly options: ModelCustomerOptions = defaultModelCustomerOptions,
  ) {}

  async reply(scene: CustomerScene, directed: DirectedTurn): Promise<CustomerReply> {
    const messages = customerPrompt(scene, directed.directions, this.options.promptTokenBudget);
    const first = scene.budget.take() ? await this.attempt(messages, scene) : { failure: 'budget-spent' as const };
    if ('text' in first) return { text: first.text, source: 'model' };
    if ('failure' in first) return this.fallback(scene, directed, first.failure);
    this.logger.warn({ storyline: scene.storyline.id, violation: first.violation }, 'model customer broke character; regenerating once');
    const correction: ModelMessage = {
      role: 'system',
      content: `Your last draft was rejected (${first.violation}). Answer again as ${scene.storyline.customer.name}, the customer, in character and in the meeting's language.`,
    };
    const second = scene.budget.take() ? await this.attempt([...messages, correction], scene) : { failure: 'budget-spent' as const };
    if ('text' in second) return { text: second.text, source: 'model' };
    return this.fallback(scene, directed, 'failure' in second ? second.failure : 'out-of-character');
  }

  async judge(scene: CustomerScene): Promise<Debrief> {
    if (scene.budget.take()) {
      const judged = await judgeWithModel(this.model, scene, this.options.judgeTokenBudget);
      if ('debrief' in judged) return judged.debrief;
      this.logger.warn({ storyline: scene.storyline.id, reason: judged.failure }, 'model judge failed; judging by the rules');
    }
    return this.scripted.judge(scene);
  }

  private async fallback(scene: CustomerScene, directed: DirectedTurn, reason: FallbackReason): Promise<CustomerReply> {
    this.logger.warn({ storyline: scene.storyline.id, reason }, 'model customer fell back to the script for this turn');
    const scripted = await this.scripted.reply(scene, directed);
    return { ...scripted, fallback: reason };
  }

  /** Streams one reply, stopping early as soon as the guard sees it break character. */
  private async attempt(messages: readonly ModelMessage[], scene: CustomerScene): Promise<Attempt> {
    const last = scene.state.transcript.at(-1);
    const context = {
      learnerText: last?.speaker === 'learner' ? last.text : '',
      firmLines: firmLinesIn(scene.storyline, scene.meeting),
      locale: scene.locale,
      maxChars: this.options.maxReplyChars,
    };
    let text = '';
    try {
      for await (const piece of this.model.stream({ messages, maxTokens: this.options.maxReplyTokens, temperature: 0.8 })) {
        text += piece;
        const violation = guardReply(text, context, false);
        if (violation) return { violation };
      }
    } catch (error) {
      // The port promises ModelFailure; anything else is still a model problem, never a reason to lose the turn.
      return { failure: error instanceof ModelFailure ? error.reason : 'unavailable' };
    }
    const violation = guardReply(text, context, true);
    return violation ? { violation } : { text: text.trim() };
  }
}
