import {
  CloudAdapter,
  type Activity,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type { AppConfig } from '../config';
import { botFrameworkAuthentication } from './bot-credentials';
import { localeFromTag, type Locale } from '../core/locale';
import type { Translator } from '../core/translator';
import type { Logger } from '../logger';
import { tenantIdOf } from './turn-factory';

export interface AdapterDependencies {
  readonly config: AppConfig;
  readonly translator: Translator;
  readonly logger: Logger;
}

/** CloudAdapter whose processing we call directly, so that errors never reach the caller as internal text. */
export class PartnerCoachAdapter extends CloudAdapter {
  /** Authenticates the request (when credentials are set) and runs the turn; throws on failure. */
  handle(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}

/** CloudAdapter with our credentials, a tenant allowlist, and a last-resort error line. */
export function createAdapter({ config, translator, logger }: AdapterDependencies): PartnerCoachAdapter {
  const adapter = new PartnerCoachAdapter(botFrameworkAuthentication(config));

  adapter.use(async (context, next) => {
    if (isAllowedTenant(context, config.allowedTenantIds)) {
      await next();
      return;
    }
    logger.warn(
      { tenantId: tenantIdOf(context.activity), activityId: context.activity.id, type: context.activity.type },
      'dropped an activity from a tenant that is not allowed',
    );
  });

  adapter.onTurnError = async (context, error) => {
    logger.error(
      { err: error, activityId: context.activity.id, conversationId: context.activity.conversation?.id },
      'unhandled turn error',
    );
    const locale: Locale = localeFromTag(context.activity.locale) ?? config.defaultLocale;
    try {
      await context.sendActivity(translator.translate(locale, 'errors.unexpected'));
    } catch (sendError) {
      logger.error({ err: sendError, activityId: context.activity.id }, 'could not send the error line');
    }
  };
  return adapter;
}

function isAllowedTenant(context: TurnContext, allowed: readonly string[]): boolean {
  if (allowed.length === 0) return true;
  return allowed.includes(tenantIdOf(context.activity).toLowerCase());
}
