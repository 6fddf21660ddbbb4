import assert from 'node:assert/strict';
import sinon from 'sinon';
import type { Activity } from 'botbuilder';
import { executeActivity, testTenantId } from '../support/activities';
import { channelIssuer, LoopbackIdentity } from '../support/loopback-identity';
import { startTestApp, type HttpAnswer, type TestApp } from '../support/test-app';

const appId = '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9';
const otherAppId = '9f8e7d6c-5b4a-4392-8170-fedcba987654';
const otherTenantId = '99999999-8888-4777-8666-555555555555';
const seconds = (offset: number): number => Math.floor(Date.now() / 1000) + offset;

describe('inbound authentication: tokens signed by a loopback identity provider', function () {
  this.timeout(30_000);
  let identity: LoopbackIdentity;
  let sdkConsole: sinon.SinonStub;

  before(async () => {
    identity = await LoopbackIdentity.start();
    // The SDK writes every refused signature to console.error itself; kept out of the test report.
    sdkConsole = sinon.stub(console, 'error');
  });
  after(async () => {
    sinon.restore();
    await identity.stop();
  });

  for (const appType of ['MultiTenant', 'SingleTenant'] as const) {
    describe(`as a ${appType} bot`, () => {
      let harness: TestApp;
      let logsBefore = 0;
      let referencesBefore = 0;

      before(async () => {
        harness = await startTestApp(
          {
            HOST: '127.0.0.1',
            MicrosoftAppId: appId,
            MicrosoftAppPassword: 'not-used-without-replies',
            MicrosoftAppType: appType,
            ...(appType === 'SingleTenant' ? { MicrosoftAppTenantId: testTenantId } : {}),
          },
          { openIdMetadata: identity.metadata },
        );
      });
      after(async () => harness.stop());
      // One app per bot type: each test looks only at what its own request changed.
      beforeEach(async () => {
        harness.connector.reset();
        logsBefore = harness.logs.length;
        referencesBefore = await storedReferences();
      });

      // An Action.Execute press answers in the HTTP response, so a turn that ran is visible without outbound tokens.
      let chats = 0;
      // A new chat each time, so a turn that runs always stores one more conversation reference.
      const press = (): Activity => executeActivity({ serviceUrl: harness.connector.serviceUrl, conversationId: `a:personal-${(chats += 1)}` }, 'home.help');
      const channelClaims = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
        iss: channelIssuer,
        aud: appId,
        serviceurl: harness.connector.serviceUrl,
        nbf: seconds(-60),
        exp: seconds(3600),
        ...overrides,
      });
      const send = (authorization: string | undefined, activity: Activity = press()): Promise<HttpAnswer> =>
        harness.postRaw(JSON.stringify(activity), authorization === undefined ? {} : { authorization });
      const storedReferences = async (): Promise<number> => (await harness.app.store.list('conversation-references')).length;
      const newLogs = (): Array<Record<string, unknown>> => harness.logs.slice(logsBefore);

      const assertRanTurn = async (answer: HttpAnswer): Promise<void> => {
        assert.equal(answer.status, 200, answer.text);
        assert.equal((answer.body as { type?: string }).type, 'application/vnd.microsoft.card.adaptive', 'the help card came back');
        assert.equal(await storedReferences(), referencesBefore + 1, 'the turn remembered the conversation');
      };

      const assertRefused = async (answer: HttpAnswer): Promise<void> => {
        assert.equal(answer.status, 401, answer.text);
        assert.deepEqual(answer.body, { error: 'unauthorized' });
        assert.equal(harness.connector.calls.length, 0, 'nothing reached the Bot Connector');
        assert.equal(await storedReferences(), referencesBefore, 'no handler ran');
        assert.deepEqual(newLogs().filter((line) => (line.level as number) >= 50), [], 'no error log');
        const refusal = newLogs().find((line) => line.msg === 'request refused' && line.status === 401);
        assert.ok(refusal, 'the refusal is logged');
        assert.equal(refusal.level, 30, 'at info');
        assert.equal(refusal.err, undefined, 'without a stack');
      };

      it('when a channel token is validly signed for this bot, then the turn runs', async () => {
        await assertRanTurn(await send(`Bearer ${identity.sign(channelClaims())}`));
      });

      const forgeries: Array<[string, () => string | undefined, (() => Activity)?]> = [
        ['no Authorization header', () => undefined],
        ['an empty Authorization header', () => ''],
        ['a garbage bearer token', () => 'Bearer not.a.token'],
        ['another scheme', () => `Basic ${Buffer.from('bot:secret').toString('base64')}`],
        ['a token with three parts in the header', () => `Bearer ${identity.sign(channelClaims())} extra`],
        ['a bad signature under a published key id', () => `Bearer ${identity.sign(channelClaims(), { forgeWith: 'stranger' })}`],
        ['alg none', () => `Bearer ${identity.unsigned(channelClaims())}`],
        ['HS256 signed with the public key (key confusion)', () => `Bearer ${identity.hmacWithPublicKey(channelClaims())}`],
        ['an expired token', () => `Bearer ${identity.sign(channelClaims({ nbf: seconds(-7200), exp: seconds(-3600) }))}`],
        ['a token not valid for another hour', () => `Bearer ${identity.sign(channelClaims({ nbf: seconds(3600), exp: seconds(7200) }))}`],
        ['a token for another bot (wrong audience)', () => `Bearer ${identity.sign(channelClaims({ aud: otherAppId }))}`],
        ['a token from an unknown issuer', () => `Bearer ${identity.sign(channelClaims({ iss: 'https://issuer.example.org' }))}`],
        ['a serviceurl claim for another Bot Connector', () => `Bearer ${identity.sign(channelClaims({ serviceurl: 'https://smba.trafficmanager.net/evil/' }))}`],
        ['a key endorsed only for another channel', () => `Bearer ${identity.sign(channelClaims(), { kid: identity.webchatKey.kid })}`],
        ['an unpublished key id', () => `Bearer ${identity.sign(channelClaims(), { kid: 'unknown-key' })}`],
        ['an activity from another channel', () => `Bearer ${identity.sign(channelClaims())}`, () => ({ ...press(), channelId: 'webchat' })],
      ];
      for (const [name, header, activity] of forgeries) {
        it(`when the request carries ${name}, then 401 is answered at info level and no turn runs`, async () => {
          await assertRefused(await send(header(), activity?.()));
        });
      }

      it('when a token is unsigned, of another algorithm, expired or not yet valid, then it is refused before the SDK writes it to stderr', async () => {
        const hopeless = [
          identity.unsigned(channelClaims()),
          identity.hmacWithPublicKey(channelClaims()),
          identity.sign(channelClaims({ nbf: seconds(-7200), exp: seconds(-3600) })),
          identity.sign(channelClaims({ nbf: seconds(3600), exp: seconds(7200) })),
        ];
        const printedBefore = sdkConsole.callCount;
        for (const token of hopeless) assert.equal((await send(`Bearer ${token}`)).status, 401);
        assert.equal(sdkConsole.callCount, printedBefore, 'nothing on stderr');
      });

      it('when an Entra token of the bot itself comes from its own tenant, then the turn runs', async () => {
        const claims = { iss: `https://login.microsoftonline.com/${testTenantId}/v2.0`, aud: appId, azp: appId, ver: '2.0', tid: testTenantId, nbf: seconds(-60), exp: seconds(3600) };
        await assertRanTurn(await send(`Bearer ${identity.sign(claims, { kid: identity.entraKey.kid })}`));
      });

      it('when an Entra token names another app, then 401 is answered and no turn runs', async () => {
        const claims = { iss: `https://login.microsoftonline.com/${testTenantId}/v2.0`, aud: appId, azp: otherAppId, ver: '2.0', tid: testTenantId, nbf: seconds(-60), exp: seconds(3600) };
        await assertRefused(await send(`Bearer ${identity.sign(claims, { kid: identity.entraKey.kid })}`));
      });

      it('when an Entra token is signed with a channel key, then 401 is answered and no turn runs', async () => {
        const claims = { iss: `https://login.microsoftonline.com/${testTenantId}/v2.0`, aud: appId, azp: appId, ver: '2.0', tid: testTenantId, nbf: seconds(-60), exp: seconds(3600) };
        await assertRefused(await send(`Bearer ${identity.sign(claims)}`));
      });

      if (appType === 'SingleTenant') {
        it("when an Entra token comes from another tenant's issuer, then 401 is answered and no turn runs", async () => {
          const claims = { iss: `https://login.microsoftonline.com/${otherTenantId}/v2.0`, aud: appId, azp: appId, ver: '2.0', tid: otherTenantId, nbf: seconds(-60), exp: seconds(3600) };
          await assertRefused(await send(`Bearer ${identity.sign(claims, { kid: identity.entraKey.kid })}`));
        });
      }
    });
  }

  it('when the signing keys cannot be loaded, then 401 is answered, a warning says why and no turn runs', async () => {
    const provider = await LoopbackIdentity.start();
    provider.outage = true;
    const harness = await startTestApp(
      { HOST: '127.0.0.1', MicrosoftAppId: appId, MicrosoftAppPassword: 'not-used', MicrosoftAppType: 'MultiTenant' },
      { openIdMetadata: provider.metadata },
    );
    try {
      const token = provider.sign({ iss: channelIssuer, aud: appId, serviceurl: harness.connector.serviceUrl, exp: seconds(3600) });
      const activity = executeActivity({ serviceUrl: harness.connector.serviceUrl }, 'home.help');
      const answer = await harness.postRaw(JSON.stringify(activity), { authorization: `Bearer ${token}` });
      assert.equal(answer.status, 401);
      assert.ok(provider.requests.length > 0, 'the keys were asked for');
      const warning = harness.logs.find((line) => line.msg === 'inbound token refused: the signing keys could not be loaded');
      assert.equal(warning?.level, 40, 'a warning for the operator');
      assert.equal(warning?.err, undefined, 'without a stack');
      assert.equal((await harness.app.store.list('conversation-references')).length, 0);
    } finally {
      await harness.stop();
      await provider.stop();
    }
  });
});
