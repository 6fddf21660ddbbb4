import assert from 'node:assert/strict';
import path from 'node:path';
import { ConversationReferenceRepository } from '../../src/bot/conversation-references';
import { createProactiveAdapter } from '../../src/bot/proactive-adapter';
import { ProactiveMessenger } from '../../src/bot/proactive-messenger';
import { CardRenderer } from '../../src/cards/card-renderer';
import { cardView } from '../../src/cards/card-view';
import { loadConfig } from '../../src/config';
import { SendFailure } from '../../src/core/messenger';
import { helpCard } from '../../src/home/home-cards';
import { openSqliteStore } from '../../src/storage/sqlite/sqlite-store';
import type { Store } from '../../src/storage/store';
import { LoopbackConnector } from '../support/loopback-connector';
import { attachedCard, cardText } from '../support/test-app';
import { deliveriesFor, FakeClock } from './fakes';
import { openQueueAt, sqliteFile, t0, workerWith } from './worker-harness';

const root = path.resolve(__dirname, '..', '..');

describe('proactive messenger against a loopback Bot Connector', () => {
  let connector: LoopbackConnector;
  let store: Store;
  let references: ConversationReferenceRepository;
  const messengerFor = (allowedTenantIds: readonly string[] = []): ProactiveMessenger =>
    new ProactiveMessenger({
      adapter: createProactiveAdapter(loadConfig({})),
      references,
      renderer: CardRenderer.load(path.join(root, 'cards'), []),
      botAppId: '',
      allowedTenantIds,
    });
  const remember = (userKey: string, conversationId: string): Promise<void> =>
    references.remember(`c_${userKey}`, userKey, {
      kind: 'personal',
      tenantId: 'tenant-a',
      reference: {
        serviceUrl: connector.serviceUrl,
        channelId: 'msteams',
        conversation: { id: conversationId, tenantId: 'tenant-a', conversationType: 'personal', isGroup: false, name: '' },
        bot: { id: '28:partner-coach-bot', name: 'Partner Coach' },
        user: { id: `29:${userKey}`, name: userKey },
      },
    });

  beforeEach(async () => {
    connector = await LoopbackConnector.start();
    store = await openSqliteStore(':memory:');
    references = new ConversationReferenceRepository(store);
    await remember('u_00000', 'a:personal-0');
    await remember('u_00001', 'a:personal-1');
  });
  afterEach(async () => {
    await connector.stop();
    await store.close();
  });

  it('when a card and a text are sent to a person, then both are posted in their personal chat and the activity ids come back', async () => {
    const view = cardView(helpCard, { title: 'Check-in', intro: 'x', notice: '', commandsHeading: 'y', commands: [], buttons: [] });
    const ids = await messengerFor().send({ userKey: 'u_00000' }, [{ kind: 'card', view }, { kind: 'text', text: 'See you next week' }]);
    assert.deepEqual(ids, ['activity-1', 'activity-2']);
    const [card, text] = connector.posted();
    assert.equal(card?.conversationId, 'a:personal-0');
    assert.match(cardText(attachedCard(card?.body ?? {})), /Check-in/);
    assert.equal(text?.body.text, 'See you next week');
  });

  it('when a send is watched, then it hears that the request left before the Connector got it, and of the answer before the send ends', async () => {
    const heard: string[] = [];
    connector.respondWith(() => {
      heard.push('connector got it');
      return undefined;
    });
    await messengerFor().send({ userKey: 'u_00000' }, [{ kind: 'text', text: 'Hello' }], { leaving: () => heard.push('left'), answered: () => heard.push('answered') });
    heard.push('send ended');
    assert.deepEqual(heard, ['left', 'connector got it', 'answered', 'send ended']);
  });

  it('when a card is updated, then the Connector gets a PUT for that activity', async () => {
    const view = cardView(helpCard, { title: 'Results: 4 of 6 answered', intro: 'x', notice: '', commandsHeading: 'y', commands: [], buttons: [] });
    await messengerFor().updateCard('c_u_00001', 'activity-42', view);
    const [update] = connector.updated();
    assert.equal(update?.activityId, 'activity-42');
    assert.match(cardText(attachedCard(update?.body ?? {})), /4 of 6 answered/);
  });

  const statuses: ReadonlyArray<readonly [number, Record<string, string>, SendFailure]> = [
    [403, {}, new SendFailure('unreachable', 403)],
    [404, {}, new SendFailure('unreachable', 404)],
    [429, { 'retry-after': '7' }, new SendFailure('throttled', 429, 7_000)],
    [412, {}, new SendFailure('transient', 412)],
    [502, {}, new SendFailure('transient', 502)],
    [503, { 'retry-after': '2' }, new SendFailure('transient', 503, 2_000)],
    [504, {}, new SendFailure('transient', 504)],
  ];
  for (const [status, headers, expected] of statuses) {
    it(`when the Connector answers ${status}, then the send fails as ${expected.reason} after exactly one request`, async () => {
      connector.respondWith(() => ({ status, headers, body: { error: { code: 'Failure', message: 'no' } } }));
      await assert.rejects(messengerFor().send({ userKey: 'u_00000' }, [{ kind: 'text', text: 'hi' }]), (error: unknown) => {
        assert.ok(error instanceof SendFailure);
        assert.deepEqual([error.reason, error.status, error.retryAfterMs], [expected.reason, expected.status, expected.retryAfterMs]);
        return true;
      });
      assert.equal(connector.calls.length, 1, 'the SDK did not retry on its own');
    });
  }

  it('when several proactive sends go to one service URL, then they share one Connector client instead of building one each', async () => {
    const adapter = createProactiveAdapter(loadConfig({}));
    const clients: unknown[] = [];
    for (const userKey of ['u_00000', 'u_00001']) {
      const stored = await references.find(`c_${userKey}`);
      assert.ok(stored);
      await adapter.continueConversationAsync('', stored.reference, async (context) => {
        clients.push(context.turnState.get(context.adapter.ConnectorClientKey));
      });
    }
    assert.equal(clients.length, 2);
    assert.ok(clients[0] !== undefined && clients[0] === clients[1]);
  });

  it('when nobody has a stored conversation, then the send fails as no-conversation without a request', async () => {
    await assert.rejects(messengerFor().send({ userKey: 'u_never-talked' }, [{ kind: 'text', text: 'hi' }]), { reason: 'no-conversation' });
    assert.equal(connector.calls.length, 0);
  });

  it('when the stored conversation belongs to a tenant no longer allowed, then nothing is sent', async () => {
    await assert.rejects(messengerFor(['99999999-9999-4999-8999-999999999999']).send({ userKey: 'u_00000' }, [{ kind: 'text', text: 'hi' }]), { reason: 'unreachable' });
    assert.equal(connector.calls.length, 0);
  });

  it('when the worker meets a real 429 and a real 403 over HTTP, then the first is sent once after Retry-After and the second is marked unreachable', async () => {
    const database = sqliteFile();
    const clock = new FakeClock(t0);
    // A FakeClock jumps to its next timer while a real request is in flight, so this test sets no timers on sends.
    const noTimers = { sendTimeoutMs: Number.POSITIVE_INFINITY, slowSendMs: Number.POSITIVE_INFINITY };
    const { queue, worker, handler } = workerWith(await openQueueAt(database.file, clock), clock, messengerFor(), noTimers);
    try {
      let throttled = false;
      connector.respondWith((call) => {
        if (call.conversationId === 'a:personal-1') return { status: 403, body: { error: { code: 'BotDisabledByAdmin', message: 'blocked' } } };
        if (throttled) return undefined;
        throttled = true;
        return { status: 429, headers: { 'retry-after': '20' } };
      });
      await queue.enqueue(deliveriesFor('occ-http', 2, new Date(t0)));
      await worker.drain();
      clock.advance(19_999);
      await worker.drain();
      assert.equal(connector.posted().filter((call) => call.conversationId === 'a:personal-0').length, 1, 'only the throttled post so far');
      clock.advance(1);
      await worker.drain();
      assert.equal(connector.posted().filter((call) => call.conversationId === 'a:personal-0').length, 2, 'one 429 and one accepted post');
      assert.deepEqual(await queue.counts('occ-http'), { sent: 1, unreachable: 1 });
      assert.deepEqual(handler.unreachableRecipients, ['u_00001']);
    } finally {
      await queue.close();
      database.remove();
    }
  });
});
