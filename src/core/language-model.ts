/** One message in a conversation with a language model. Learner text only ever goes in as role 'user'. */
export interface ModelMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

/** A JSON Schema the model's reply must follow (Azure OpenAI structured output). */
export interface ModelJsonFormat {
  readonly name: string;
  readonly schema: Readonly<Record<string, unknown>>;
}

export interface ModelRequest {
  readonly messages: readonly ModelMessage[];
  readonly maxTokens: number;
  readonly temperature?: number;
  /** When set, the reply is JSON following this schema (still validate it: models slip). */
  readonly json?: ModelJsonFormat;
  /** Aborts the call, e.g. when the person ends the session. */
  readonly signal?: AbortSignal;
}

export interface ModelReply {
  readonly text: string;
  readonly promptTokens: number;
  readonly completionTokens: number;
}

/** Why a model call did not give a usable answer; every one is handled by a fallback, never shown raw. */
export type ModelFailureReason = 'timeout' | 'rate-limited' | 'content-filtered' | 'unavailable' | 'invalid-output';

export class ModelFailure extends Error {
  constructor(
    readonly reason: ModelFailureReason,
    readonly retryAfterSeconds?: number,
  ) {
    super(`language model call failed: ${reason}`);
    this.name = 'ModelFailure';
  }
}

/** The port to a chat model (Azure OpenAI in production, a loopback server speaking its REST API in tests). */
export interface LanguageModel {
  complete(request: ModelRequest): Promise<ModelReply>;
  /** Yields the reply in pieces as they arrive; throws ModelFailure like complete(). */
  stream(request: ModelRequest): AsyncIterable<string>;
}
