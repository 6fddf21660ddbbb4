import { CloudAdapter } from 'botbuilder';
import type { ConnectorClient, ConnectorFactory } from 'botframework-connector';
import type { AppConfig } from '../config';
import { botFrameworkAuthentication } from './bot-credentials';

interface PipelineHolder {
  readonly client?: { readonly pipeline?: { removePolicy(options: { phase: 'Retry' }): unknown } };
}

/**
 * A CloudAdapter for proactive sends only, whose Connector clients do not retry by themselves: the SDK's default
 * pipeline sleeps through 429/5xx answers with real timers (three times), out of sight of the delivery engine,
 * which owns retries, Retry-After and the rate limits. No inbound middleware runs here.
 */
export function createProactiveAdapter(config: AppConfig): CloudAdapter {
  const authentication = botFrameworkAuthentication(config);
  const createFactory = authentication.createConnectorFactory.bind(authentication);
  authentication.createConnectorFactory = (identity): ConnectorFactory => {
    const factory = createFactory(identity);
    return {
      create: async (serviceUrl: string, audience?: string): Promise<ConnectorClient> => withoutRetries(await factory.create(serviceUrl, audience)),
    };
  };
  return new CloudAdapter(authentication);
}

/** The compat client keeps its core-client pipeline private; the test "a 429 is one request" guards this reach-in. */
function withoutRetries(client: ConnectorClient): ConnectorClient {
  (client as unknown as PipelineHolder).client?.pipeline?.removePolicy({ phase: 'Retry' });
  return client;
}
