import { APIConnectionTimeoutError, APIError, APIUserAbortError, type OpenAI } from 'openai';
import type { ChatCompletionCreateParamsBase } from 'openai/resources/chat/completions';
import { ModelFailure, type LanguageModel, type ModelReply, type ModelRequest } from '../core/language-model';

/** Chat completions behind the LanguageModel port, for any client of the OpenAI SDK (Azure OpenAI or OpenAI-compatible). */
export function chatCompletionsModel(client: OpenAI, model: string): LanguageModel {
  const parameters = (request: ModelRequest): ChatCompletionCreateParamsBase => ({
    model,
    messages: request.messages.map((message) => ({ role: message.role, content: message.content })),
    max_tokens: request.maxTokens,
    temperature: request.temperature ?? 0.7,
    ...(request.json
      ? { response_format: { type: 'json_schema', json_schema: { name: request.json.name, schema: { ...request.json.schema }, strict: true } } }
      : {}),
  });

  return {
    async complete(request: ModelRequest): Promise<ModelReply> {
      try {
        const completion = await client.chat.completions.create({ ...parameters(request), stream: false }, { signal: request.signal });
        const choice = completion.choices[0];
        if (choice?.finish_reason === 'content_filter') throw new ModelFailure('content-filtered');
        const text = choice?.message.content;
        if (!text) throw new ModelFailure('invalid-output');
        return {
          text,
          promptTokens: completion.usage?.prompt_tokens ?? 0,
          completionTokens: completion.usage?.completion_tokens ?? 0,
        };
      } catch (error) {
        throw toModelFailure(error);
      }
    },

    async *stream(request: ModelRequest): AsyncIterable<string> {
      try {
        const chunks = await client.chat.completions.create({ ...parameters(request), stream: true }, { signal: request.signal });
        for await (const chunk of chunks) {
          const choice = chunk.choices[0];
          if (choice?.finish_reason === 'content_filter') throw new ModelFailure('content-filtered');
          if (choice?.delta.content) yield choice.delta.content;
        }
      } catch (error) {
        throw toModelFailure(error);
      }
    },
  };
}

function toModelFailure(error: unknown): ModelFailure {
  if (error instanceof ModelFailure) return error;
  if (error instanceof APIConnectionTimeoutError || error instanceof APIUserAbortError) return new ModelFailure('timeout');
  if (error instanceof APIError) {
    if (error.status === 429) return new ModelFailure('rate-limited', retryAfterSeconds(error.headers as Headers | undefined));
    const code = (error.error as { code?: unknown } | undefined)?.code ?? error.code;
    if (error.status === 400 && code === 'content_filter') return new ModelFailure('content-filtered');
  }
  return new ModelFailure('unavailable');
}

function retryAfterSeconds(headers: Headers | undefined): number | undefined {
  const value = Number(headers?.get('retry-after'));
  return Number.isFinite(value) && value > 0 ? value : undefined;
}
