import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { meetingKeyOf, userKeyOf } from '../../src/core/keys';
import type { DeliveryQueue } from '../../src/delivery/delivery';
import { openDeliveryQueue } from '../../src/delivery/queue/open-delivery-queue';
import { UserSettingsRepository } from '../../src/home/user-settings';
import { MeetingEvents } from '../../src/meetings/meeting-events';
import { MeetingRepository } from '../../src/meetings/meeting-repository';
import { maxReflectionsPerDay, reflectionDueAt } from '../../src/meetings/reflection-timing';
import { openStore } from '../../src/storage/open-store';
import type { Store } from '../../src/storage/store';
import { createFreshDatabase } from '../support/postgres';

const tenantId = '11111111-2222-3333-4444-555555555555';
const zone = 'Europe/Stockholm';
const maria = userKeyOf(tenantId, 'aad-maria');

describe('when a reflection card goes out', () => {
  describe('quiet hours in the person’s own zone', () => {
    it('when a meeting ends in the afternoon, then the card is due two minutes later', () => {
      assert.equal(reflectionDueAt(new Date('2026-03-09T14:30:00Z'), zone).toISOString(), '2026-03-09T14:32:00.000Z');
    });

    it('when a meeting ends in the evening after 21:00, then the card waits until 07:30 the next morning', () => {
      assert.equal(reflectionDueAt(new Date('2026-03-09T20:10:00Z'), zone).toISOString(), '2026-03-10T06:30:00.000Z');
    });

    it('when a meeting ends in the small hours, then the card waits until 07:30 the same morning', () => {
      assert.equal(reflectionDueAt(new Date('2026-03-10T03:00:00Z'), zone).toISOString(), '2026-03-10T06:30:00.000Z');
    });

    it('when the same instant is evening in Stockholm but afternoon in New York, then each person gets their own answer', () => {
      assert.equal(reflectionDueAt(new Date('2026-03-09T21:00:00Z'), 'America/New_York').toISOString(), '2026-03-09T21:02:00.000Z');
    });
  });

  const engines: ReadonlyArray<readonly [string, () => Promise<{ url: string; cleanUp: () => Promise<void> }>]> = [
    ['SQLite', async () => {
      const folder = mkdtempSync(path.join(tmpdir(), 'partner-coach-meetings-'));
      return { url: `sqlite:${path.join(folder, 'test.db')}`, cleanUp: async () => rmSync(folder, { recursive: true, force: true }) };
    }],
    ['PostgreSQL', async () => {
      const database = await createFreshDatabase();
      return { url: database.url, cleanUp: () => database.drop() };
    }],
  ];

  for (const [engine, openDatabase] of engines) {
    describe(`at most a few a day, with a real ${engine} store and delivery queue`, () => {
      let cleanUp: () => Promise<void>;
      let store: Store;
      let queue: DeliveryQueue;
      let events: MeetingEvents;

      beforeEach(async () => {
        const database = await openDatabase();
        cleanUp = database.cleanUp;
        store = await openStore(database.url);
        queue = await openDeliveryQueue(database.url);
        const repository = new MeetingRepository(store);
        await repository.saveSettings(maria, { status: 'on', tenantId, timeZone: zone, changedAt: '2026-03-01T00:00:00Z' }, 0);
        events = new MeetingEvents({ repository, queue, settings: new UserSettingsRepository(store), fallbackTimeZone: 'UTC', logger: pino({ level: 'silent' }) });
      });
      afterEach(async () => {
        await queue.close();
        await store.close();
        await cleanUp();
      });

      it(`when ${maxReflectionsPerDay + 1} meetings end on one day, then only ${maxReflectionsPerDay} cards are queued, and the next day has room again`, async () => {
        const queued: number[] = [];
        for (const [day, index] of [['2026-03-09', 0], ['2026-03-09', 1], ['2026-03-09', 2], ['2026-03-09', 3], ['2026-03-10', 0]] as const) {
          const ref = { meetingKey: meetingKeyOf(tenantId, `meeting-${day}-${index}`), tenantId };
          const at = new Date(`${day}T${String(8 + index).padStart(2, '0')}:00:00Z`);
          await events.joined(ref, [maria], at);
          queued.push(await events.ended(ref, at));
        }
        assert.deepEqual(queued, [1, 1, 1, 0, 1]);
        assert.equal((await queue.counts('meeting-reflection:')).pending, 4);
      });

      it('when the same meeting ends twice, then the second end queues nothing', async () => {
        const ref = { meetingKey: meetingKeyOf(tenantId, 'meeting-twice'), tenantId };
        const at = new Date('2026-03-09T10:00:00Z');
        await events.joined(ref, [maria], at);
        assert.deepEqual([await events.ended(ref, at), await events.ended(ref, at)], [1, 0]);
      });
    });
  }
});
