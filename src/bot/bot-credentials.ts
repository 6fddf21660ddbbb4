import { CallerIdConstants, ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import {
  AuthenticationConfiguration,
  AuthenticationConstants,
  AuthenticationError,
  SkillValidation,
  type AuthenticateRequestResult,
  type Claim,
  type ClaimsIdentity,
  type ConnectorClient,
  type ConnectorFactory,
  type UserTokenClient,
} from 'botframework-connector';
import type { AppConfig } from '../config';
import { BoundedMemo } from '../core/bounded-memo';

/** Where inbound tokens' signing keys are published. Tests only: production always uses the SDK's public-cloud defaults. */
export interface OpenIdMetadataUrls {
  /** Keys of tokens issued by the Bot Framework channel service (issuer https://api.botframework.com). */
  readonly channel: string;
  /** Keys of tokens issued by Entra ID (the emulator and single-tenant path). */
  readonly entra: string;
}

/** What is done to each Connector client once, when it is built (the proactive adapter takes out the SDK's retries). */
export type PrepareClient = (client: ConnectorClient) => ConnectorClient;

/**
 * Bot Framework authentication from our config; empty credentials mean local mode (no tokens either way). Its
 * Connector and user-token clients are built once and used again (see ReusingAuthentication).
 */
export function botFrameworkAuthentication(config: AppConfig, metadata?: OpenIdMetadataUrls, prepareClient?: PrepareClient): ReusingAuthentication {
  const credentials = config.bot
    ? {
        MicrosoftAppId: config.bot.appId,
        MicrosoftAppPassword: config.bot.appPassword,
        MicrosoftAppType: config.bot.appType,
        MicrosoftAppTenantId: config.bot.tenantId,
      }
    : {};
  const settings = { ...credentials, ...(metadata ? publicCloudWith(metadata) : {}) };
  return new ReusingAuthentication(settings, new AuthenticationConfiguration([], claimsCheck(config)), prepareClient);
}

/** Service URLs are a handful of regional addresses; the bound only stops a stream of odd ones from growing the map. */
const maxKeptClients = 64;

/**
 * The SDK builds a new Connector client and a new user-token client (credentials and an HTTP pipeline each) for every
 * turn and every proactive send, about 80 µs a turn. Both depend only on the bot's app id, the service URL and the
 * audience, and their credentials fetch and renew tokens per request, so each is built once per such key and used again.
 */
export class ReusingAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectorClients = new BoundedMemo<Promise<ConnectorClient>>(maxKeptClients);
  private readonly userTokenClients = new BoundedMemo<Promise<UserTokenClient>>(maxKeptClients);

  constructor(
    settings: ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[0],
    authConfiguration: AuthenticationConfiguration,
    private readonly prepareClient: PrepareClient = (client) => client,
  ) {
    super(settings, undefined, authConfiguration);
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    return result.connectorFactory ? { ...result, connectorFactory: this.reusing(result.claimsIdentity, result.connectorFactory) } : result;
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.reusing(claimsIdentity, super.createConnectorFactory(claimsIdentity));
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return kept(this.userTokenClients, JSON.stringify(appIdClaimsOf(claimsIdentity)), () => super.createUserTokenClient(claimsIdentity));
  }

  private reusing(claimsIdentity: ClaimsIdentity, factory: ConnectorFactory): ConnectorFactory {
    return {
      create: (serviceUrl: string, audience?: string): Promise<ConnectorClient> =>
        kept(this.connectorClients, JSON.stringify([...appIdClaimsOf(claimsIdentity), serviceUrl, audience ?? null]), () =>
          factory.create(serviceUrl, audience).then(this.prepareClient),
        ),
    };
  }
}

/** The claims the SDK takes the bot's app id from (a token's other claims, its times and id, change with every token). */
function appIdClaimsOf(identity: ClaimsIdentity): Array<string | null> {
  return [identity.getClaimValue(AuthenticationConstants.AudienceClaim), identity.getClaimValue(AuthenticationConstants.AppIdClaim)];
}

/** The client kept under `key`, built on first use; one that could not be built is not kept, so the next turn tries again. */
function kept<T>(clients: BoundedMemo<Promise<T>>, key: string, build: () => Promise<T>): Promise<T> {
  return clients.get(key, () => {
    const client = build();
    client.catch(() => clients.forget(key));
    return client;
  });
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
