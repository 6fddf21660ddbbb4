import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { meetingKeyOf, userKeyOf } from '../../src/core/keys';
import type { DeliveryQueue } from '../../src/delivery/delivery';
import { openDeliveryQueue } from '../../src/delivery/open-delivery-queue';
import { UserSettingsRepository } from '../../src/home/user-settings';
import { MeetingEvents } from '../../src/meetings/meeting-events';
import { MeetingRepository } from '../../src/meetings/meeting-repository';
import { maxReflectionsPerDay, reflectionDueAt } from '../../src/meetings/reflection-timing';
import { openStore } from '../../src/storage/open-store';
import type { Store } from '../../src/storage/store';

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

  describe('at most a few a day, with a real SQLite store and delivery queue', () => {
    let folder: string;
    let store: Store;
    let queue: DeliveryQueue;
    let events: MeetingEvents;

    beforeEach(async () => {
      folder = mkdtempSync(path.join(tmpdir(), 'partner-coach-meetings-'));
      const url = `sqlite:${path.join(folder, 'test.db')}`;
      store = await openStore(url);
      queue = await openDeliveryQueue(url);
      const repository = new MeetingRepository(store);
      await repository.saveSettings(maria, { status: 'on', tenantId, timeZone: zone, changedAt: '2026-03-01T00:00:00Z' }, 0);
      events = new MeetingEvents({ repository, queue, settings: new UserSettingsRepository(store), fallbackTimeZone: 'UTC', logger: pino({ level: 'silent' }) });
    });
    afterEach(async () => {
      await queue.close();
      await store.close();
      rmSync(folder, { recursive: true, force: true });
    });

    it(`when ${maxReflectionsPerDay + 1} meetings end on one day, then only ${maxReflectionsPerDay} cards are queued, and the next day has room again`, async () => {
      const meetingAt = (day: string, index: number): { ref: { meetingKey: string; tenantId: string }; at: Date } => ({
        ref: { meetingKey: meetingKeyOf(tenantId, `meeting-${day}-${index}`), tenantId },
        at: new Date(`${day}T${String(8 + index).padStart(2, '0')}:00:00Z`),
      });
      const queued: number[] = [];
      for (const [day, index] of [['2026-03-09', 0], ['2026-03-09', 1], ['2026-03-09', 2], ['2026-03-09', 3], ['2026-03-10', 0]] as const) {
        const { ref, at } = meetingAt(day, index);
        await events.joined(ref, [maria], at);
        queued.push(await events.ended(ref, at));
      }
      assert.deepEqual(queued, [1, 1, 1, 0, 1]);
      assert.equal((await queue.counts('meeting-reflection:')).pending, 4);
    });
  });
});
