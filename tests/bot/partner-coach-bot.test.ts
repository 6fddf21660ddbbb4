import assert from 'node:assert/strict';
import sinon from 'sinon';
import { executeActivity, installActivity, messageActivity, submitActivity, type ActivityOptions } from '../support/activities';
import { attachedCard, cardText, lastPostedText as lastPostedTextOf, startTestApp, type TestApp } from '../support/test-app';
import { StorageUnavailableError, VersionConflictError } from '../../src/storage/store';

describe('Partner Coach bot turns over real HTTP', () => {
  let harness: TestApp;
  const learner = (overrides: Partial<ActivityOptions> = {}): ActivityOptions => ({ serviceUrl: harness.connector.serviceUrl, ...overrides });
  const lastPostedText = (): string => lastPostedTextOf(harness.connector);

  beforeEach(async () => {
    harness = await startTestApp();
  });
  afterEach(async () => {
    sinon.restore();
    await harness.stop();
  });

  it('when the bot joins a team channel, then a welcome for the team is posted', async () => {
    await harness.post(installActivity(learner({ conversationType: 'channel', conversationId: '19:general@thread.tacv2' })));
    assert.match(lastPostedText(), /Thanks for adding me to the team/);
  });

  it('when a learner types help, then the help card lists the commands', async () => {
    await harness.post(messageActivity(learner(), 'help'));
    const text = lastPostedText();
    assert.match(text, /What I can do/);
    assert.match(text, /language sv \| en/);
  });

  it('when the answer is ready before the typing delay (help), then it comes without a typing indicator before it', async () => {
    // A delay no loaded test machine reaches, so the check does not depend on how fast this one is.
    const patient = await startTestApp({}, { typingAfterMs: 60_000 });
    try {
      await patient.post(messageActivity({ serviceUrl: patient.connector.serviceUrl }, 'help'));
      assert.deepEqual(patient.connector.posted().map((call) => call.body.type), ['message']);
    } finally {
      await patient.stop();
    }
  });

  it('when a learner writes again in the same chat, then the conversation reference and their personal chat are not written again', async () => {
    await harness.post(messageActivity(learner(), 'help'));
    await harness.post(messageActivity(learner(), 'help'));
    const versions = async (collection: string): Promise<number[]> => (await harness.app.store.list(collection)).map((record) => record.version);
    assert.deepEqual(await versions('conversation-references'), [1]);
    assert.deepEqual(await versions('personal-chats'), [1]);
  });

  it('when a learner writes again, then their settings, the conversation reference and their personal chat come in one read, and nothing is read one by one', async () => {
    await harness.post(messageActivity(learner({ locale: 'sv-SE' }), 'language en'));
    const gets = sinon.spy(harness.app.store, 'get');
    const getMany = sinon.spy(harness.app.store, 'getMany');
    await harness.post(messageActivity(learner({ locale: 'sv-SE' }), 'help'));
    assert.match(lastPostedText(), /What I can do/, 'the stored choice of English was read');
    assert.deepEqual(gets.getCalls().map((call) => call.args[0]), []);
    assert.deepEqual(getMany.getCalls().map((call) => call.args[0].map((key) => key.collection)), [['user-settings', 'conversation-references', 'personal-chats']]);
    const versions = async (collection: string): Promise<number[]> => (await harness.app.store.list(collection)).map((record) => record.version);
    assert.deepEqual([await versions('conversation-references'), await versions('personal-chats')], [[1], [1]], 'what was read was compared: nothing written again');
  });

  it('when someone types an unknown command, then they are told and shown the help', async () => {
    await harness.post(messageActivity(learner(), 'make me a sandwich'));
    assert.match(lastPostedText(), /I didn't recognise that[\s\S]*What I can do/);
  });

  it('when a channel message mentions the bot, then the mention is removed before routing', async () => {
    const options = learner({ conversationType: 'channel', conversationId: '19:general@thread.tacv2' });
    await harness.post(
      messageActivity(options, '<at>Partner Coach</at> help', {
        entities: [{ type: 'mention', text: '<at>Partner Coach</at>', mentioned: { id: '28:partner-coach-bot', name: 'Partner Coach' } }],
      }),
    );
    assert.match(lastPostedText(), /Mention me \(@Partner Coach\)/);
  });

  it('when Teams sends a Swedish locale, then the bot answers in Swedish', async () => {
    await harness.post(messageActivity(learner({ locale: 'sv-SE' }), 'hjälp'));
    assert.match(lastPostedText(), /Det här kan jag/);
  });

  it('when the language button is pressed (Action.Execute), then the card comes back updated in Swedish and the choice is stored', async () => {
    const answer = await harness.post(executeActivity(learner(), 'home.language.sv'));
    assert.equal(answer.status, 200);
    const body = answer.body as { statusCode: number; type: string; value: Record<string, unknown> };
    assert.equal(body.statusCode, 200);
    assert.equal(body.type, 'application/vnd.microsoft.card.adaptive');
    assert.match(cardText(body.value), /Klart: från och med nu pratar jag svenska/);
    await harness.post(messageActivity(learner(), 'help'));
    assert.match(lastPostedText(), /Det här kan jag/, 'the stored choice wins over the en-US locale');
  });

  it('when the same button arrives as a plain Action.Submit, then the original card is updated in place', async () => {
    await harness.post(submitActivity(learner(), 'home.language.sv', {}, 'card-42'));
    const [update] = harness.connector.updated();
    assert.ok(update, 'no update call');
    assert.equal(update.activityId, 'card-42');
    assert.match(cardText(attachedCard(update.body)), /Det här kan jag/);
  });

  it('when a card sends an unknown verb, then the person gets a kind line', async () => {
    const answer = await harness.post(executeActivity(learner(), 'nothing.here'));
    const body = answer.body as { type: string; value: unknown };
    assert.equal(body.type, 'application/vnd.microsoft.activity.message');
    assert.match(String(body.value), /That button no longer works/);
  });

  it('when the card data claims to be someone else, then the acting user still comes from the activity', async () => {
    await harness.post(executeActivity(learner({ aadObjectId: 'aad-real' }), 'home.language.sv', { userKey: 'u_someone-else', aadObjectId: 'aad-victim' }));
    await harness.post(messageActivity(learner({ aadObjectId: 'aad-victim' }), 'help'));
    assert.match(lastPostedText(), /What I can do/, 'the victim keeps English');
  });

  it('when storage fails during a turn, then the person gets a kind line and earlier data is kept', async () => {
    await harness.post(messageActivity(learner(), 'language sv'));
    sinon.stub(harness.app.store, 'put').rejects(new StorageUnavailableError(new Error('disk I/O error')));
    await harness.post(messageActivity(learner(), 'language en'));
    assert.equal(lastPostedText(), 'Jag når inte min lagring just nu, så inget sparades den här gången. Försök igen om en minut.');
    sinon.restore();
    const [settings] = await harness.app.store.list<{ locale: string }>('user-settings');
    assert.equal(settings?.body.locale, 'sv');
    assert.doesNotMatch(JSON.stringify(harness.connector.posted().map((call) => call.body.text)), /disk I\/O/);
  });

  it('when a write loses a version race, then the person is told kindly and the stored value is the earlier one', async () => {
    await harness.post(messageActivity(learner(), 'language sv'));
    const put = sinon.stub(harness.app.store, 'put').rejects(new VersionConflictError('user-settings', 'x', 1));
    await harness.post(messageActivity(learner(), 'language en'));
    assert.ok(put.called);
    assert.match(lastPostedText(), /Någon ändrade det här samtidigt som du/);
    sinon.restore();
    const [settings] = await harness.app.store.list<{ locale: string }>('user-settings');
    assert.equal(settings?.body.locale, 'sv');
  });
});
