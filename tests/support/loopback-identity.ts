import { createHmac, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';
import type { OpenIdMetadataUrls } from '../../src/bot/bot-credentials';

/** The issuer of tokens the Bot Framework channel service (Teams) signs. */
export const channelIssuer = 'https://api.botframework.com';

interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly endorsements?: readonly string[];
}

const newKey = (kid: string, endorsements?: readonly string[]): SigningKey => ({ kid, endorsements, ...generateKeyPairSync('rsa', { modulusLength: 2048 }) });

export interface SignOptions {
  /** The key id in the header, signed with that key (an unpublished id is signed with a key nobody published). */
  readonly kid?: string;
  /** Keeps the header's key id but signs with a key nobody published. */
  readonly forgeWith?: 'stranger';
}

/**
 * A loopback stand-in for the two identity providers a bot trusts: the Bot Framework channel service and Entra ID.
 * Each publishes an OpenID configuration document and a JWKS with our own RSA keys.
 */
export class LoopbackIdentity {
  /** Endorsed for Teams, as the real channel keys are. */
  readonly teamsKey = newKey('teams-key', ['msteams']);
  /** A published key endorsed only for another channel. */
  readonly webchatKey = newKey('webchat-key', ['webchat']);
  /** Entra ID's key (no endorsements). */
  readonly entraKey = newKey('entra-key');
  private readonly stranger = newKey('stranger');
  readonly requests: string[] = [];
  /** While true every document answers 503, as a provider in an outage would. */
  outage = false;

  private constructor(private readonly server: Server, readonly baseUrl: string) {}

  static async start(): Promise<LoopbackIdentity> {
    const holder: { identity?: LoopbackIdentity } = {};
    const server = createServer((req, res) => {
      const identity = holder.identity;
      const document = identity?.outage ? undefined : identity?.documentFor(req.url ?? '');
      identity?.requests.push(req.url ?? '');
      res.writeHead(document ? 200 : identity?.outage ? 503 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(document ?? { error: 'not found' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    holder.identity = new LoopbackIdentity(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return holder.identity;
  }

  /** What the composition root is given in place of the public-cloud metadata URLs. */
  get metadata(): OpenIdMetadataUrls {
    return { channel: `${this.baseUrl}/channel/.well-known/openidconfiguration`, entra: `${this.baseUrl}/entra/v2.0/.well-known/openid-configuration` };
  }

  /** The public key as the SDK holds it (PKCS#1 PEM), which a key-confusion attacker uses as an HMAC secret. */
  publicPem(key: SigningKey = this.teamsKey): string {
    return key.publicKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  }

  /** An RS256 token, as a real issuer would sign it (or with a stranger's key under a published kid). */
  sign(claims: Record<string, unknown>, options: SignOptions = {}): string {
    const kid = options.kid ?? this.teamsKey.kid;
    const published = [this.teamsKey, this.webchatKey, this.entraKey].find((candidate) => candidate.kid === kid);
    const privateKey = options.forgeWith === 'stranger' || !published ? this.stranger.privateKey : published.privateKey;
    return jwt.sign(claims, privateKey, { algorithm: 'RS256', keyid: kid, noTimestamp: true });
  }

  /** An unsigned token (`alg: none`) under the Teams key id. */
  unsigned(claims: Record<string, unknown>): string {
    return `${part({ alg: 'none', typ: 'JWT', kid: this.teamsKey.kid })}.${part(claims)}.`;
  }

  /** HS256 "signed" with the published public key as the secret: the classic algorithm-confusion forgery. */
  hmacWithPublicKey(claims: Record<string, unknown>): string {
    const unsigned = `${part({ alg: 'HS256', typ: 'JWT', kid: this.teamsKey.kid })}.${part(claims)}`;
    return `${unsigned}.${createHmac('sha256', this.publicPem()).update(unsigned).digest('base64url')}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private documentFor(url: string): unknown {
    switch (url) {
      case '/channel/.well-known/openidconfiguration':
        return { issuer: channelIssuer, jwks_uri: `${this.baseUrl}/channel/keys`, id_token_signing_alg_values_supported: ['RS256'] };
      case '/channel/keys':
        return { keys: [jwk(this.teamsKey), jwk(this.webchatKey)] };
      case '/entra/v2.0/.well-known/openid-configuration':
        return { issuer: 'https://login.microsoftonline.com/{tenantid}/v2.0', jwks_uri: `${this.baseUrl}/entra/keys` };
      case '/entra/keys':
        return { keys: [jwk(this.entraKey)] };
      default:
        return undefined;
    }
  }
}

function jwk(key: SigningKey): Record<string, unknown> {
  const { n, e } = key.publicKey.export({ format: 'jwk' });
  return { kty: 'RSA', use: 'sig', kid: key.kid, n, e, ...(key.endorsements ? { endorsements: key.endorsements } : {}) };
}

function part(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
