import { CallerIdConstants, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import {
  AuthenticationConfiguration,
  AuthenticationConstants,
  AuthenticationError,
  SkillValidation,
  type Claim,
} from 'botframework-connector';
import type { AppConfig } from '../config';

/** Where inbound tokens' signing keys are published. Tests only: production always uses the SDK's public-cloud defaults. */
export interface OpenIdMetadataUrls {
  /** Keys of tokens issued by the Bot Framework channel service (issuer https://api.botframework.com). */
  readonly channel: string;
  /** Keys of tokens issued by Entra ID (the emulator and single-tenant path). */
  readonly entra: string;
}

/** Bot Framework authentication from our config; empty credentials mean local mode (no tokens either way). */
export function botFrameworkAuthentication(config: AppConfig, metadata?: OpenIdMetadataUrls): ConfigurationBotFrameworkAuthentication {
  const credentials = config.bot
    ? {
        MicrosoftAppId: config.bot.appId,
        MicrosoftAppPassword: config.bot.appPassword,
        MicrosoftAppType: config.bot.appType,
        MicrosoftAppTenantId: config.bot.tenantId,
      }
    : {};
  const settings = { ...credentials, ...(metadata ? publicCloudWith(metadata) : {}) };
  return new ConfigurationBotFrameworkAuthentication(settings, undefined, new AuthenticationConfiguration([], claimsCheck(config)));
}

/** The SDK's own rule (no skill calls) plus: a single-tenant bot takes Entra tokens from its own tenant only. */
function claimsCheck(config: AppConfig): (claims: Claim[]) => Promise<void> {
  const tenantId = config.bot?.appType === 'SingleTenant' ? config.bot.tenantId : undefined;
  // The SDK adds the issuer of any tenant a token names to its list of trusted Entra issuers.
  const trusted = tenantId ? [AuthenticationConstants.ToBotFromChannelTokenIssuer, ...entraIssuersOf(tenantId)] : undefined;
  return async (claims) => {
    if (SkillValidation.isSkillClaim(claims)) throw new AuthenticationError('calls from other bots (skills) are not accepted', 401);
    const issuer: unknown = claims.find((claim) => claim.type === AuthenticationConstants.IssuerClaim)?.value;
    if (trusted && !trusted.includes(String(issuer))) throw new AuthenticationError('the token comes from another tenant', 401);
  };
}

function entraIssuersOf(tenantId: string): string[] {
  return [
    `${AuthenticationConstants.ValidTokenIssuerUrlTemplateV1}${tenantId}/`,
    `${AuthenticationConstants.ValidTokenIssuerUrlTemplateV2}${tenantId}/v2.0`,
  ];
}

// Naming any one URL makes the SDK take every setting as given, so the rest are the public-cloud values it would pick itself.
function publicCloudWith(metadata: OpenIdMetadataUrls): Record<string, string | boolean> {
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
    ToBotFromChannelOpenIdMetadataUrl: metadata.channel,
    ToBotFromEmulatorOpenIdMetadataUrl: metadata.entra,
  };
}
