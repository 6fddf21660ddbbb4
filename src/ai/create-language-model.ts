import type { AppConfig } from '../config';
import type { LanguageModel, ModelReply, ModelRequest } from '../core/language-model';

/**
 * The configured model provider, or none (scripted customer, model perspectives without AI feedback). The client
 * library (openai, and @azure/identity for Entra ID) is loaded on the first request, not at start: most turns and
 * every start without a model never need it.
 */
export function createLanguageModel(config: Pick<AppConfig, 'azureOpenAi' | 'openAi'>): LanguageModel | undefined {
  const { azureOpenAi, openAi } = config;
  if (azureOpenAi) return lazyModel(async () => (await import('./azure-openai-model.js')).createAzureOpenAiModel(azureOpenAi));
  if (openAi) return lazyModel(async () => (await import('./openai-compatible-model.js')).createOpenAiCompatibleModel(openAi));
  return undefined;
}

/** A model built on its first use, once. */
function lazyModel(build: () => Promise<LanguageModel>): LanguageModel {
  let model: Promise<LanguageModel> | undefined;
  const loaded = (): Promise<LanguageModel> => {
    model ??= build();
    return model;
  };
  return {
    complete: async (request: ModelRequest): Promise<ModelReply> => (await loaded()).complete(request),
    stream: (request: ModelRequest): AsyncIterable<string> => ({
      async *[Symbol.asyncIterator]() {
        yield* (await loaded()).stream(request);
      },
    }),
  };
}
