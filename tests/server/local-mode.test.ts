import assert from 'node:assert/strict';
import { messageActivity } from '../support/activities';
import { lastPostedText, startTestApp, type TestApp } from '../support/test-app';

describe('local mode (no app id): only this machine can drive the bot', () => {
  let harness: TestApp;

  before(async () => {
    harness = await startTestApp({ TEST_MODE: 'true' });
  });
  after(async () => harness.stop());
  beforeEach(() => harness.connector.reset());

  const help = (serviceUrl = harness.connector.serviceUrl): string => JSON.stringify(messageActivity({ serviceUrl }, 'help'));
  const references = async (): Promise<string[]> =>
    (await harness.app.store.list<{ reference: { serviceUrl?: string } }>('conversation-references')).map((record) => record.body.reference.serviceUrl ?? '');

  it('when a web page posts text/plain (no preflight needed), then 415 is answered and no turn runs', async () => {
    const answer = await harness.postRaw(help(), { 'content-type': 'text/plain' });
    assert.equal(answer.status, 415);
    assert.deepEqual(answer.body, { error: 'content type must be application/json' });
    assert.equal(harness.connector.calls.length, 0);
  });

  it('when the request has no content type, then 415 is answered', async () => {
    const response = await fetch(`${harness.app.url}/api/messages`, { method: 'POST', body: new Blob([help()]) });
    assert.equal(response.status, 415);
  });

  it('when a request carries an Origin header, then 403 is answered and no turn runs', async () => {
    const answer = await harness.postRaw(help(), { origin: 'https://evil.example' });
    assert.equal(answer.status, 403);
    assert.deepEqual(answer.body, { error: 'requests from a web page are not accepted' });
    assert.equal(harness.connector.calls.length, 0);
  });

  it('when the test clock is asked from a web page, then 403 is answered and the clock stays', async () => {
    const clock = (headers: Record<string, string>, advanceMinutes: number): Promise<Response> =>
      fetch(`${harness.app.url}/test/clock`, { method: 'POST', headers, body: JSON.stringify({ advanceMinutes }) });
    const nowOf = async (response: Response): Promise<number> => Date.parse(((await response.json()) as { now: string }).now);
    const before = await nowOf(await clock({ 'content-type': 'application/json' }, 0));
    const refused = await clock({ 'content-type': 'text/plain', origin: 'http://localhost:3000' }, 600);
    assert.equal(refused.status, 403);
    const after = await nowOf(await clock({ 'content-type': 'application/json' }, 0));
    assert.ok(after - before < 60_000, 'the clock did not jump ten hours');
  });

  for (const foreign of ['https://evil.example/', 'http://10.0.0.5:3978/', 'http://127.0.0.1.evil.example/']) {
    it(`when the serviceUrl is ${foreign}, then 403 is answered and nothing is remembered for later messages`, async () => {
      const before = await references();
      const answer = await harness.postRaw(help(foreign));
      assert.equal(answer.status, 403);
      assert.match((answer.body as { error: string }).error, /serviceUrl must be on this machine/);
      assert.deepEqual(await references(), before);
    });
  }

  it('when a JSON request without an Origin names a loopback Bot Connector, then the bot answers there', async () => {
    const answer = await harness.postRaw(help(), { 'content-type': 'application/json; charset=utf-8' });
    assert.equal(answer.status, 200, answer.text);
    assert.match(lastPostedText(harness.connector), /What I can do/);
  });
});
