import assert from 'node:assert/strict';
import { executeActivity, messageActivity, testTenantId } from '../support/activities';
import { lastPostedText, startTestApp, type TestApp } from '../support/test-app';

describe('POST /api/messages: the shape of an activity is checked at the edge', () => {
  let harness: TestApp;
  let logsBefore = 0;

  before(async () => {
    harness = await startTestApp({ ALLOWED_TENANT_IDS: testTenantId });
  });
  after(async () => harness.stop());
  beforeEach(() => {
    harness.connector.reset();
    logsBefore = harness.logs.length;
  });

  const message = (): Record<string, unknown> => ({ ...messageActivity({ serviceUrl: harness.connector.serviceUrl }, 'help') });
  const malformed: Array<[string, () => Record<string, unknown>, string]> = [
    ['locale is a number', () => ({ ...message(), locale: 42 }), 'locale'],
    ['locale is an object', () => ({ ...message(), locale: { tag: 'sv-SE' } }), 'locale'],
    ['text is an array', () => ({ ...message(), text: ['help'] }), 'text'],
    ['from is a string', () => ({ ...message(), from: '29:someone' }), 'from'],
    ['from has no id', () => ({ ...message(), from: { name: 'Alex' } }), 'from.id'],
    ['recipient is missing', () => ({ ...message(), recipient: undefined }), 'recipient'],
    ['conversation id is a number', () => ({ ...message(), conversation: { id: 7 } }), 'conversation.id'],
    ['serviceUrl is not a URL', () => ({ ...message(), serviceUrl: 'not a url' }), 'serviceUrl'],
    ['serviceUrl is a number', () => ({ ...message(), serviceUrl: 8080 }), 'serviceUrl'],
    ['serviceUrl is a file URL', () => ({ ...message(), serviceUrl: 'file:///etc/passwd' }), 'serviceUrl'],
    ['value is a string', () => ({ ...message(), value: 'verb' }), 'value'],
    ['entities is an object', () => ({ ...message(), entities: { type: 'clientInfo' } }), 'entities'],
    ['the tenant id is a number', () => ({ ...message(), channelData: { tenant: { id: 1 } } }), 'channelData.tenant.id'],
    ['membersAdded holds a string', () => ({ ...message(), type: 'conversationUpdate', membersAdded: ['bot'] }), 'membersAdded.0'],
    [
      'a card action has no action',
      () => ({ ...executeActivity({ serviceUrl: harness.connector.serviceUrl }, 'home.help'), value: { trigger: 'manual' } }),
      'value.action',
    ],
    ['the body is an array', () => [message()] as unknown as Record<string, unknown>, 'body'],
  ];

  for (const [what, body, field] of malformed) {
    it(`when ${what}, then 400 names the field, nothing is sent and nothing is logged as an error`, async () => {
      const answer = await harness.postRaw(JSON.stringify(body()));
      assert.equal(answer.status, 400, answer.text);
      assert.deepEqual(answer.body, { error: `request body is not a Bot Framework activity (${field})` });
      assert.equal(harness.connector.calls.length, 0);
      const newLogs = harness.logs.slice(logsBefore);
      assert.deepEqual(newLogs.filter((line) => (line.level as number) >= 50), []);
      assert.ok(newLogs.every((line) => line.err === undefined), 'no stack in the log');
    });
  }

  it('when optional fields are null or absent, then the activity is still served', async () => {
    const answer = await harness.postRaw(JSON.stringify({ ...message(), locale: null, entities: undefined, channelData: { tenant: { id: testTenantId } } }));
    assert.equal(answer.status, 200, answer.text);
    assert.match(lastPostedText(harness.connector), /What I can do/, 'the help card was posted');
  });

  it('when Teams adds fields the bot does not know, then they pass through', async () => {
    const answer = await harness.postRaw(JSON.stringify({ ...message(), attachments: [], importance: 'normal', channelData: { tenant: { id: testTenantId }, source: { name: 'compose' } } }));
    assert.equal(answer.status, 200, answer.text);
    assert.match(lastPostedText(harness.connector), /What I can do/);
  });
});
