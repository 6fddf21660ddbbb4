import assert from 'node:assert/strict';
import { executeActivity, messageActivity, type ActivityOptions } from '../support/activities';
import { cardText, lastPostedText, startTestApp, type TestApp } from '../support/test-app';

describe('my data and delete my data over real HTTP', () => {
  let harness: TestApp;
  const learner = (aadObjectId = 'aad-learner-1'): ActivityOptions => ({ serviceUrl: harness.connector.serviceUrl, aadObjectId });
  const lastPosted = (): string => lastPostedText(harness.connector);

  beforeEach(async () => {
    harness = await startTestApp();
  });
  afterEach(async () => harness.stop());

  it('when a new person whose client reports no time zone asks for their data, then they are told nothing is kept', async () => {
    await harness.post(messageActivity({ ...learner(), timeZone: '' }, 'my data'));
    assert.equal(lastPosted(), 'I keep nothing about you yet.');
  });

  it('when Teams reported a time zone, then my data shows that it is kept', async () => {
    await harness.post(messageActivity({ ...learner(), timeZone: 'Asia/Kolkata' }, 'my data'));
    assert.match(lastPosted(), /Time zone: Asia\/Kolkata/);
  });

  it('when a person has chosen a language, then my data shows it', async () => {
    await harness.post(messageActivity(learner(), 'language sv'));
    await harness.post(messageActivity(learner(), 'mina data'));
    assert.match(lastPosted(), /Här är allt jag sparar om dig[\s\S]*Språk: Svenska/);
  });

  it('when a person confirms deletion, then their records are gone from the database and others are kept', async () => {
    await harness.post(messageActivity(learner('aad-a'), 'language sv'));
    await harness.post(messageActivity(learner('aad-b'), 'language sv'));
    const before = await harness.app.store.list('user-settings');
    assert.equal(before.length, 2);
    const owner = before[0]?.owner;

    await harness.post(messageActivity(learner('aad-a'), 'radera mina data'));
    assert.match(lastPosted(), /Radera dina data\?/);
    const answer = await harness.post(executeActivity(learner('aad-a'), 'privacy.delete.confirm'));
    assert.match(cardText((answer.body as { value: unknown }).value), /Dina data är raderade[\s\S]*Jag har tagit bort allt jag sparade om dig:\n\n- Inställningar\n- det jag behövde för att skriva till dig i den här chatten/);

    const after = await harness.app.store.list('user-settings');
    assert.equal(after.length, 1);
    assert.notEqual(after[0]?.owner, undefined);
    assert.equal((await harness.app.store.list('personal-chats', { owner: after[0]?.owner ?? '' })).length, 1);
    assert.equal((await harness.app.store.list('personal-chats')).length, 1, 'only the other person\'s chat is kept');
    assert.ok(owner);
  });

  it('when a person cancels deletion, then nothing is removed', async () => {
    await harness.post(messageActivity(learner(), 'language sv'));
    await harness.post(executeActivity(learner(), 'privacy.delete.cancel'));
    assert.equal((await harness.app.store.list('user-settings')).length, 1);
  });

  it('when my data is asked in a channel, then the person is sent to the personal chat', async () => {
    await harness.post(messageActivity({ ...learner(), conversationType: 'channel', conversationId: '19:x@thread.tacv2' }, 'my data'));
    assert.match(lastPosted(), /one-to-one chat/);
  });
});
