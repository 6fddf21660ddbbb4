import assert from 'node:assert/strict';
import { installActivity, messageActivity, testTenantId } from '../support/activities';
import { attachedCard, cardText, startTestApp, type TestApp } from '../support/test-app';

describe('POST /api/messages over real HTTP', () => {
  let harness: TestApp;
  const user = (): { serviceUrl: string } => ({ serviceUrl: harness.connector.serviceUrl });

  beforeEach(async () => {
    harness = await startTestApp({ ALLOWED_TENANT_IDS: testTenantId, MAX_BODY_KB: '16' });
  });
  afterEach(async () => harness.stop());

  it('when the bot is installed in a personal chat, then the welcome card is posted to the connector', async () => {
    const answer = await harness.post(installActivity(user()));
    assert.equal(answer.status, 200);
    const [welcome] = harness.connector.posted();
    assert.ok(welcome, 'nothing was posted');
    assert.match(cardText(attachedCard(welcome.body)), /Partner Coach/);
  });

  it('when the body is larger than the limit, then 413 is answered and nothing is sent', async () => {
    const answer = await harness.post(messageActivity(user(), 'x'.repeat(20 * 1024)));
    assert.equal(answer.status, 413);
    assert.deepEqual(answer.body, { error: 'request body larger than 16384 bytes' });
    assert.equal(harness.connector.calls.length, 0);
  });

  it('when the body is not JSON, then 400 is answered without internal text', async () => {
    const answer = await harness.postRaw('{"type": "message", ');
    assert.equal(answer.status, 400);
    assert.deepEqual(answer.body, { error: 'request body is not valid JSON' });
  });

  it('when the JSON is not an activity, then 400 is answered', async () => {
    const answer = await harness.postRaw(JSON.stringify({ hello: 'world' }));
    assert.equal(answer.status, 400);
    assert.deepEqual(answer.body, { error: 'request body is not a Bot Framework activity (type)' });
  });

  it('when an activity comes from a tenant that is not allowed, then it is dropped with a log line', async () => {
    const foreign = '99999999-8888-7777-6666-555555555555';
    const answer = await harness.post(messageActivity({ ...user(), tenantId: foreign }, 'help'));
    assert.equal(answer.status, 200, 'dropped quietly: Teams would otherwise retry');
    assert.equal(harness.connector.calls.length, 0);
    assert.ok(harness.logs.some((line) => line.msg === 'dropped an activity from a tenant that is not allowed' && line.tenantId === foreign));
  });

  it('when the connector refuses every reply, then the caller gets no internal text and the failure is logged', async () => {
    harness.connector.respondWith(() => ({ status: 400, body: { error: { code: 'BadArgument', message: 'secret-internal-detail' } } }));
    const answer = await harness.post(messageActivity(user(), 'help'));
    assert.equal(answer.status, 200, 'the turn ended in the error boundary, not as an HTTP failure');
    assert.doesNotMatch(answer.text, /secret-internal-detail|stack|Error/);
    assert.ok(harness.logs.some((line) => line.level === 50));
  });

  it('when health and readiness are asked, then both answer', async () => {
    const health = await fetch(`${harness.app.url}/healthz`);
    assert.equal(health.status, 200);
    const ready = await fetch(`${harness.app.url}/readyz`);
    assert.equal(ready.status, 200);
    assert.deepEqual(await ready.json(), { status: 'ready' });
  });

  it('when storage is closed, then readiness answers 503', async () => {
    await harness.app.store.close();
    const ready = await fetch(`${harness.app.url}/readyz`);
    assert.equal(ready.status, 503);
  });
});

describe('POST /test/clock', () => {
  const advance = (harness: TestApp, body: string): Promise<Response> =>
    fetch(`${harness.app.url}/test/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it('when TEST_MODE is off, then the route does not exist', async () => {
    const harness = await startTestApp();
    try {
      assert.equal((await advance(harness, '{"advanceMinutes": 5}')).status, 404);
    } finally {
      await harness.stop();
    }
  });

  it('when TEST_MODE is on, then a valid advance moves the clock and a bad one gets 400', async () => {
    const start = new Date('2026-03-02T08:00:00Z');
    const harness = await startTestApp({ TEST_MODE: 'true' }, { clock: () => start });
    try {
      const moved = await advance(harness, '{"advanceMinutes": 90}');
      assert.equal(moved.status, 200);
      assert.deepEqual(await moved.json(), { now: '2026-03-02T09:30:00.000Z' });
      for (const body of ['{"advanceMinutes": -1}', '{"advanceMinutes": "soon"}', 'not json', '{"advanceMinutes": 1e9}']) {
        const refused = await advance(harness, body);
        assert.equal(refused.status, 400, body);
        assert.deepEqual(await refused.json(), { error: 'advanceMinutes must be a number of minutes from 0 to about a year' });
      }
    } finally {
      await harness.stop();
    }
  });
});
