import { CloudAdapter } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
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
 * which owns retries, Retry-After and the rate limits. No inbound middleware runs here. A fan-out sends to a handful of
 * service URLs, and each client is built once (see ReusingAuthentication).
 */
export function createProactiveAdapter(config: AppConfig): CloudAdapter {
  return new CloudAdapter(botFrameworkAuthentication(config, undefined, (client) => watched(withoutRetries(client))));
}

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
