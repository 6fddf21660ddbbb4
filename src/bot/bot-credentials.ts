import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { AppConfig } from '../config';

/** Bot Framework authentication from our config; empty credentials mean local mode (no tokens either way). */
export function botFrameworkAuthentication(config: AppConfig): ConfigurationBotFrameworkAuthentication {
  const credentials = config.bot
    ? {
        MicrosoftAppId: config.bot.appId,
        MicrosoftAppPassword: config.bot.appPassword,
        MicrosoftAppType: config.bot.appType,
        MicrosoftAppTenantId: config.bot.tenantId,
      }
    : {};
  return new ConfigurationBotFrameworkAuthentication(credentials);
}
