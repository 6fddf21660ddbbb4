import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { CheckinSchedule } from '../../src/checkins/checkin';
import type { CheckinDependencies } from '../../src/checkins/checkin-context';
import { checkinDeliveryHandlers } from '../../src/checkins/checkin-deliveries';
import { CheckinPlanner } from '../../src/checkins/checkin-planner';
import { CheckinRepository } from '../../src/checkins/checkin-repository';
import { QuestionSetCatalog } from '../../src/checkins/question-sets';
import { Collections } from '../../src/collect/collections';
import { ThemeCatalog } from '../../src/content/themes';
import { Translator } from '../../src/core/translator';
import type { DeliveryQueue } from '../../src/delivery/delivery';
import { DeliveryHandlers } from '../../src/delivery/delivery-handler';
import { DeliveryWorker } from '../../src/delivery/delivery-worker';
import { ExportOffers } from '../../src/exports/export-offers';
import { PendingExports } from '../../src/exports/pending-exports';
import { RateLimiter } from '../../src/delivery/pacing/rate-limiter';
import { openSqliteDeliveryQueue } from '../../src/delivery/queue/sqlite-delivery-queue';
import { UserSettingsRepository } from '../../src/home/user-settings';
import { openSqliteStore } from '../../src/storage/sqlite/sqlite-store';
import type { Store } from '../../src/storage/store';
import { FakeClock, RecordingMessenger, silentLogger } from '../delivery/fakes';
import { sqliteFile } from '../delivery/worker-harness';
import { fixtureSchedule } from './card-fixtures';

const root = path.resolve(__dirname, '..', '..');

describe('check-in planning', () => {
  let database: ReturnType<typeof sqliteFile>;
  let store: Store;
  let queue: DeliveryQueue;
  let deps: CheckinDependencies;
  const schedule = (overrides: Partial<CheckinSchedule>): CheckinSchedule => ({
    ...fixtureSchedule,
    rule: { recurrence: { kind: 'daily' }, startDate: '2026-03-01', localTime: '09:00', timeZone: 'Europe/Stockholm' },
    members: [{ userKey: 'u_kim', displayName: 'Kim Ek' }, { userKey: 'u_noor', displayName: 'Noor Said' }, { userKey: 'u_jonas', displayName: 'Jonas Falk' }],
    remind: false,
    plannedThrough: '2026-03-09T00:00:00.000Z',
    ...overrides,
  });
  const rows = async (prefix: string): Promise<Array<{ recipientKey: string; dueAt: string; kind: string }>> => {
    const occurrences = await deps.repository.occurrencesOf(fixtureSchedule.id);
    const all = await Promise.all(occurrences.flatMap((occurrence) => [`checkin:${occurrence.id}`, `checkin-summary:${occurrence.id}`].map((key) => queue.forOccurrence(key))));
    return all.flat().filter((row) => row.occurrenceKey.startsWith(prefix)).map((row) => ({ recipientKey: row.recipientKey, dueAt: row.dueAt.toISOString(), kind: row.kind }));
  };

  beforeEach(async () => {
    database = sqliteFile();
    store = await openSqliteStore(database.file);
    queue = await openSqliteDeliveryQueue(database.file);
    const settings = new UserSettingsRepository(store);
    await settings.update('u_kim', { timeZone: 'Asia/Kolkata' });
    await settings.update('u_noor', { timeZone: 'America/New_York' });
    deps = {
      repository: new CheckinRepository(store),
      collections: new Collections(store, randomBytes(32)),
      catalog: QuestionSetCatalog.load(path.join(root, 'content', 'checkins')),
      themes: ThemeCatalog.load(path.join(root, 'content')),
      queue,
      settings,
      translator: Translator.load(path.join(root, 'content', 'locales')),
      schedulers: [],
      personalChatOf: async (userKey) => `c_${userKey}`,
      exports: new ExportOffers({ pending: new PendingExports(store), messenger: new RecordingMessenger({ now: () => new Date() }), logger: silentLogger }),
      logger: silentLogger,
    };
  });
  afterEach(async () => {
    await queue.close();
    await store.close();
    database.remove();
  });

  it('when each person gets it at their own local time, then 09:00 is 09:00 in Kolkata, New York and (no zone known) Stockholm', async () => {
    await deps.repository.createSchedule(schedule({}));
    await new CheckinPlanner(deps).plan(new Date('2026-03-09T02:00:00Z'));
    const asks = (await rows('checkin:')).map((row) => `${row.recipientKey} ${row.dueAt}`).sort();
    assert.deepEqual(asks, ['u_jonas 2026-03-09T08:00:00.000Z', 'u_kim 2026-03-09T03:30:00.000Z', 'u_noor 2026-03-09T13:00:00.000Z']);
    const [summary] = await rows('checkin-summary:');
    assert.equal(summary?.dueAt, '2026-03-09T03:29:00.000Z', 'the summary is posted just before the first question');
    const [occurrence] = await deps.repository.occurrencesOf(fixtureSchedule.id);
    assert.equal(occurrence?.closesAt, '2026-03-11T13:00:00.000Z', 'open 48 hours from the last local 09:00');
  });

  it('when a member snoozed for two weeks and another stopped, then they are left out, and the snoozed one is back afterwards', async () => {
    await deps.repository.createSchedule(schedule({ perRecipientTime: false }));
    await deps.repository.setOptOut('u_kim', { scheduleId: fixtureSchedule.id, until: '2026-03-23T00:00:00.000Z' });
    await deps.repository.setOptOut('u_noor', { scheduleId: fixtureSchedule.id, until: undefined });
    const planner = new CheckinPlanner(deps);
    await planner.plan(new Date('2026-03-09T08:00:00Z'));
    assert.deepEqual((await rows('checkin:')).map((row) => row.recipientKey), ['u_jonas']);
    await deps.repository.changeSchedule(fixtureSchedule.id, fixtureSchedule.ownerKey, (current) => ({ ...current, plannedThrough: '2026-03-23T00:00:00.000Z' }));
    await planner.plan(new Date('2026-03-23T08:00:00Z'));
    const latest = (await rows('checkin:')).filter((row) => row.dueAt.startsWith('2026-03-23'));
    assert.deepEqual(latest.map((row) => row.recipientKey).sort(), ['u_jonas', 'u_kim']);
  });

  it('when two instances plan the same schedule at the same moment, then every message is planned once', async () => {
    await deps.repository.createSchedule(schedule({}));
    const now = new Date('2026-03-09T02:00:00Z');
    await Promise.all([new CheckinPlanner(deps).plan(now), new CheckinPlanner(deps).plan(now), new CheckinPlanner(deps).plan(now)]);
    assert.equal((await rows('checkin:')).length, 3);
    assert.equal((await rows('checkin-summary:')).length, 1);
    assert.equal((await deps.repository.occurrencesOf(fixtureSchedule.id)).length, 1);
  });

  it('when the bot was down for three days, then the missed occurrences are recorded as missed and today\'s still goes out', async () => {
    await deps.repository.createSchedule(schedule({ audience: 'channel', perRecipientTime: false, openHours: 8 }));
    const clock = new FakeClock(Date.parse('2026-03-12T10:00:00Z'));
    await new CheckinPlanner(deps).plan(clock.now());
    const messenger = new RecordingMessenger(clock);
    const worker = new DeliveryWorker({
      queue, messenger, handlers: new DeliveryHandlers(checkinDeliveryHandlers(deps, () => clock.now())), limiter: new RateLimiter(), clock, logger: silentLogger,
      options: { graceMs: 6 * 3_600_000 },
    });
    await worker.drain();
    const occurrences = (await deps.repository.occurrencesOf(fixtureSchedule.id)).map((occurrence) => occurrence.date);
    assert.deepEqual(occurrences, ['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12']);
    const statuses = await Promise.all(occurrences.map(async (date) => (await queue.counts(`checkin:${fixtureSchedule.id}@${date}`))));
    assert.deepEqual(statuses, [{ missed: 1 }, { missed: 1 }, { missed: 1 }, { sent: 1 }]);
    assert.equal(messenger.sent.filter((message) => 'conversationKey' in message.destination).length, 1, 'one card in the channel');
  });
});
