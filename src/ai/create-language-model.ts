import type { AppConfig } from '../config';
import type { LanguageModel } from '../core/language-model';
import { createAzureOpenAiModel } from './azure-openai-model';
import { createOpenAiCompatibleModel } from './openai-compatible-model';

/** The configured model provider, or none (scripted customer, model perspectives without AI feedback). */
export function createLanguageModel(config: Pick<AppConfig, 'azureOpenAi' | 'openAi'>): LanguageModel | undefined {
  if (config.azureOpenAi) return createAzureOpenAiModel(config.azureOpenAi);
  if (config.openAi) return createOpenAiCompatibleModel(config.openAi);
  return undefined;
}
