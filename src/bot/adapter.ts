import {
  CloudAdapter,
  type Activity,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { AuthenticationError, type AuthenticateRequestResult, type BotFrameworkAuthentication } from 'botframework-connector';
import type { AppConfig } from '../config';
import { botFrameworkAuthentication, type OpenIdMetadataUrls } from './bot-credentials';
import { localeFromTag, type Locale } from '../core/locale';
import type { Translator } from '../core/translator';
import type { Logger } from '../logger';
import { hopelessTokenReason } from './token-prescreen';
import { tenantIdOf } from './turn-factory';

export interface AdapterDependencies {
  readonly config: AppConfig;
  readonly translator: Translator;
  readonly logger: Logger;
  /** Tests only: where inbound tokens' signing keys are published. */
  readonly openIdMetadata?: OpenIdMetadataUrls;
}

/** The request's token was missing, forged, expired or meant for another bot; the caller gets 401 and no turn runs. */
export class InboundAuthenticationError extends Error {
  constructor(
    readonly reason: string,
    /** The signing keys could not be loaded: our problem, not the caller's. */
    readonly keysUnavailable: boolean,
  ) {
    super(reason);
    this.name = 'InboundAuthenticationError';
  }
}

/** CloudAdapter whose processing we call directly, so that errors never reach the caller as internal text. */
export class PartnerCoachAdapter extends CloudAdapter {
  constructor(
    authentication: BotFrameworkAuthentication,
    /** False in local mode, where the SDK takes every request unauthenticated. */
    private readonly tokensRequired: boolean,
  ) {
    super(authentication);
  }

  /** Authenticates the request (when credentials are set), then runs the turn; throws InboundAuthenticationError before any turn. */
  async handle(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    // The SDK's own clock judges the token, so this early look uses the same system time.
    const hopeless = this.tokensRequired ? hopelessTokenReason(authHeader, Date.now()) : undefined;
    if (hopeless) throw new InboundAuthenticationError(hopeless, false);
    let authenticated: AuthenticateRequestResult;
    try {
      authenticated = await this.botFrameworkAuthentication.authenticateRequest(activity, authHeader);
    } catch (error) {
      throw new InboundAuthenticationError(reasonOf(error), keysUnavailable(error));
    }
    return this.processActivity(authenticated, activity, logic);
  }
}

/** CloudAdapter with our credentials, a tenant allowlist, and a last-resort error line. */
export function createAdapter({ config, translator, logger, openIdMetadata }: AdapterDependencies): PartnerCoachAdapter {
  const adapter = new PartnerCoachAdapter(botFrameworkAuthentication(config, openIdMetadata), config.bot !== undefined);

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

// jsonwebtoken's own errors (bad signature, not yet valid, wrong algorithm) escape the SDK untranslated: all of them are the caller's.
function reasonOf(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 200) : 'unknown';
}

function keysUnavailable(error: unknown): boolean {
  if (error instanceof AuthenticationError) return error.statusCode >= 500;
  return error instanceof Error && error.name === 'FetchError';
}
