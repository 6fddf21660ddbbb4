import { OpenAI } from 'openai';
import type { OpenAiCompatibleConfig } from '../config';
import type { LanguageModel } from '../core/language-model';
import { chatCompletionsModel } from './chat-completions-model';

/** Any endpoint that speaks OpenAI's chat-completions API: OpenAI itself or a model an organisation hosts. */
export function createOpenAiCompatibleModel(config: OpenAiCompatibleConfig): LanguageModel {
  const client = new OpenAI({
    apiKey: config.apiKey,
    // All passed explicitly, so the SDK never falls back to reading OPENAI_* keys from the environment itself.
    baseURL: config.baseUrl ?? 'https://api.openai.com/v1',
    organization: null,
    project: null,
    timeout: config.timeoutMs,
    maxRetries: 0,
  });
  return chatCompletionsModel(client, config.model);
}
