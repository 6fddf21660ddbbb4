import { CloudAdapter } from 'botbuilder';
import type { ClaimsIdentity, ConnectorClient, ConnectorFactory } from 'botframework-connector';
import type { AppConfig } from '../config';
import { botFrameworkAuthentication } from './bot-credentials';
import { sendWatchPolicy } from './send-watch';

interface PipelineHolder {
  readonly client?: {
    readonly pipeline?: { removePolicy(options: { phase: 'Retry' }): unknown; addPolicy(policy: typeof sendWatchPolicy, options: { afterPhase: 'Sign' }): void };
  };
}

/**
 * A CloudAdapter for proactive sends only, whose Connector clients do not retry by themselves: the SDK's default
 * pipeline sleeps through 429/5xx answers with real timers (three times), out of sight of the delivery engine,
 * which owns retries, Retry-After and the rate limits. No inbound middleware runs here.
 *
 * The SDK builds a new client (credentials, HTTP pipeline) for every send; a fan-out sends to a handful of service
 * URLs, so each client is built once per identity, service URL and audience and used again (its credentials fetch
 * and renew tokens per request).
 */
export function createProactiveAdapter(config: AppConfig): CloudAdapter {
  const authentication = botFrameworkAuthentication(config);
  const createFactory = authentication.createConnectorFactory.bind(authentication);
  const clients = new Map<string, Promise<ConnectorClient>>();
  authentication.createConnectorFactory = (identity): ConnectorFactory => {
    const factory = createFactory(identity);
    return {
      create: (serviceUrl: string, audience?: string): Promise<ConnectorClient> => {
        const key = JSON.stringify([claimsOf(identity), serviceUrl, audience ?? null]);
        let client = clients.get(key);
        if (!client) {
          client = factory.create(serviceUrl, audience).then(withoutRetries).then(watched);
          // A client that could not be built is not kept: the next send tries again.
          client.catch(() => clients.delete(key));
          clients.set(key, client);
        }
        return client;
      },
    };
  };
  return new CloudAdapter(authentication);
}

const claimsOf = (identity: ClaimsIdentity): ReadonlyArray<readonly [string, string]> => identity.claims.map((claim) => [claim.type, claim.value] as const);

/** Each request tells the send it belongs to when it leaves and when it is answered (see send-watch.ts). */
function watched(client: ConnectorClient): ConnectorClient {
  (client as unknown as PipelineHolder).client?.pipeline?.addPolicy(sendWatchPolicy, { afterPhase: 'Sign' });
  return client;
}

/** The compat client keeps its core-client pipeline private; the test "a 429 is one request" guards this reach-in. */
function withoutRetries(client: ConnectorClient): ConnectorClient {
  (client as unknown as PipelineHolder).client?.pipeline?.removePolicy({ phase: 'Retry' });
  return client;
}
