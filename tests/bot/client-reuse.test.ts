import assert from 'node:assert/strict';
import sinon from 'sinon';
import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import { AuthenticationConstants, ClaimsIdentity, type ConnectorClient, type ConnectorFactory } from 'botframework-connector';
import { botFrameworkAuthentication } from '../../src/bot/bot-credentials';
import { loadConfig } from '../../src/config';
import { messageActivity } from '../support/activities';

const botAppId = '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9';
const otherAppId = '9f8e7d6c-5b4a-4392-8170-fedcba987654';
const withCredentials = loadConfig({ MicrosoftAppId: botAppId, MicrosoftAppPassword: 'not-used-here', MicrosoftAppType: 'MultiTenant', DATABASE_URL: 'sqlite::memory:' });

/** A bot's identity as a channel token gives it: the audience is the app id, and each token has its own times. */
const tokenIdentity = (audience: string, issuedAt: number): ClaimsIdentity =>
  new ClaimsIdentity(
    [
      { type: AuthenticationConstants.AudienceClaim, value: audience },
      { type: 'iat', value: String(issuedAt) },
      { type: 'exp', value: String(issuedAt + 3600) },
    ],
    true,
  );

const activityAt = (serviceUrl: string): Activity => messageActivity({ serviceUrl, aadObjectId: 'aad-reuse' }, 'help');

async function connectorFor(factory: ConnectorFactory | undefined, serviceUrl: string): Promise<ConnectorClient> {
  assert.ok(factory, 'the authenticated request brings a connector factory');
  return factory.create(serviceUrl, undefined);
}

describe('Connector and user-token clients are built once, not on every turn', () => {
  afterEach(() => sinon.restore());

  it('when two turns come from one service URL in local mode, then both get the same Connector client, and another service URL gets its own', async () => {
    const authentication = botFrameworkAuthentication(loadConfig({}));
    const first = await authentication.authenticateRequest(activityAt('http://127.0.0.1:4001/'), '');
    const second = await authentication.authenticateRequest(activityAt('http://127.0.0.1:4001/'), '');
    const elsewhere = await authentication.authenticateRequest(activityAt('http://127.0.0.1:4002/'), '');
    const client = await connectorFor(first.connectorFactory, 'http://127.0.0.1:4001/');
    assert.equal(await connectorFor(second.connectorFactory, 'http://127.0.0.1:4001/'), client);
    assert.notEqual(await connectorFor(elsewhere.connectorFactory, 'http://127.0.0.1:4002/'), client);
  });

  it('when two tokens of one bot differ only in their times, then their turns share a client; another audience gets its own', async () => {
    const authentication = botFrameworkAuthentication(withCredentials);
    const url = 'https://smba.trafficmanager.net/emea/';
    const client = await authentication.createConnectorFactory(tokenIdentity(botAppId, 1000)).create(url, undefined);
    assert.equal(await authentication.createConnectorFactory(tokenIdentity(botAppId, 5000)).create(url, undefined), client);
    assert.notEqual(await authentication.createConnectorFactory(tokenIdentity(botAppId, 5000)).create(url, 'https://api.botframework.us'), client);
    const tokenClient = await authentication.createUserTokenClient(tokenIdentity(botAppId, 1000));
    assert.equal(await authentication.createUserTokenClient(tokenIdentity(botAppId, 9000)), tokenClient);
    // Another bot's token has no credentials here: refused each time, never answered with our bot's client.
    await assert.rejects(authentication.createConnectorFactory(tokenIdentity(otherAppId, 5000)).create(url, undefined), /Invalid appId/);
    await assert.rejects(authentication.createUserTokenClient(tokenIdentity(otherAppId, 5000)), /Invalid appId/);
  });

  it('when a client is built, then it is prepared once (the proactive adapter takes out the retries there), however often it is asked for', async () => {
    const prepared: ConnectorClient[] = [];
    const authentication = botFrameworkAuthentication(withCredentials, undefined, (client) => {
      prepared.push(client);
      return client;
    });
    const identity = tokenIdentity(botAppId, 1000);
    const clients = await Promise.all([1, 2, 3].map(() => authentication.createConnectorFactory(identity).create('https://smba.trafficmanager.net/amer/', undefined)));
    assert.equal(prepared.length, 1);
    assert.ok(clients.every((client) => client === prepared[0]));
  });

  it('when building a client fails, then it is not kept: the next turn builds it again', async () => {
    const authentication = botFrameworkAuthentication(withCredentials);
    const stub = sinon.stub(ConfigurationBotFrameworkAuthentication.prototype, 'createConnectorFactory');
    let attempts = 0;
    stub.callsFake((identity) => {
      const inner = stub.wrappedMethod.call(authentication, identity);
      return {
        create: (serviceUrl: string, audience?: string) => {
          attempts += 1;
          return attempts === 1 ? Promise.reject(new Error('credentials not ready')) : inner.create(serviceUrl, audience);
        },
      };
    });
    const identity = tokenIdentity(botAppId, 1000);
    await assert.rejects(authentication.createConnectorFactory(identity).create('https://smba.trafficmanager.net/apac/', undefined), /credentials not ready/);
    const client = await authentication.createConnectorFactory(identity).create('https://smba.trafficmanager.net/apac/', undefined);
    assert.ok(client);
    assert.equal(attempts, 2);
  });

  it('when more service URLs come than it keeps, then the oldest is let go and built again when asked for', async () => {
    const authentication = botFrameworkAuthentication(loadConfig({}));
    const identity = tokenIdentity('', 0);
    const first = await authentication.createConnectorFactory(identity).create('http://127.0.0.1:5000/', undefined);
    for (let port = 5001; port <= 5064; port += 1) await authentication.createConnectorFactory(identity).create(`http://127.0.0.1:${port}/`, undefined);
    assert.notEqual(await authentication.createConnectorFactory(identity).create('http://127.0.0.1:5000/', undefined), first);
    const recent = await authentication.createConnectorFactory(identity).create('http://127.0.0.1:5064/', undefined);
    assert.equal(await authentication.createConnectorFactory(identity).create('http://127.0.0.1:5064/', undefined), recent);
  });
});
