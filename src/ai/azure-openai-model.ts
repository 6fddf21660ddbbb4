import type {} from '@azure/openai/types';
import { getBearerTokenProvider, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import { AzureOpenAI } from 'openai';
import type { AzureOpenAiConfig } from '../config';
import type { LanguageModel } from '../core/language-model';
import { chatCompletionsModel } from './chat-completions-model';

const cognitiveServicesScope = 'https://cognitiveservices.azure.com/.default';

/** Azure OpenAI with an API key, or without one through Entra ID (the app's managed identity unless a credential is given). */
export function createAzureOpenAiModel(config: AzureOpenAiConfig, credential?: TokenCredential): LanguageModel {
  const authentication = config.apiKey
    ? { apiKey: config.apiKey }
    : { azureADTokenProvider: getBearerTokenProvider(credential ?? managedIdentity(config), cognitiveServicesScope) };
  const client = new AzureOpenAI({
    endpoint: config.endpoint,
    ...authentication,
    apiVersion: config.apiVersion,
    deployment: config.deployment,
    timeout: config.timeoutMs,
    // Callers fall back (scripted customer, perspectives alone) instead of making a person wait through retries.
    maxRetries: 0,
  });
  return chatCompletionsModel(client, config.deployment);
}

function managedIdentity(config: AzureOpenAiConfig): TokenCredential {
  return config.managedIdentityClientId ? new ManagedIdentityCredential({ clientId: config.managedIdentityClientId }) : new ManagedIdentityCredential();
}
