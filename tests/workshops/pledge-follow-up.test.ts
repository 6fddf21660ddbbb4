import assert from 'node:assert/strict';
import path from 'node:path';
import sinon from 'sinon';
import { ThemeCatalog } from '../../src/content/themes';
import { Translator } from '../../src/core/translator';
import type { DeliveryQueue } from '../../src/delivery/delivery';
import { openSqliteDeliveryQueue } from '../../src/delivery/queue/sqlite-delivery-queue';
import { UserSettingsRepository } from '../../src/home/user-settings';
import { openSqliteStore } from '../../src/storage/sqlite/sqlite-store';
import type { Store } from '../../src/storage/store';
import { PledgeFollowUpPlanner, pledgeFollowUpHandler, pledgeFollowUpKind, type PledgeFollowUpDependencies } from '../../src/workshops/pledges/pledge-follow-ups';
import type { PledgeFollowUpCardData } from '../../src/workshops/pledges/pledge-follow-up-view';
import { Pledges } from '../../src/workshops/pledges/pledges';
import { readDeliveries } from '../checkins/checkin-harness';
import { FakeClock, silentLogger } from '../delivery/fakes';
import { sqliteFile } from '../delivery/worker-harness';

const root = path.resolve(__dirname, '..', '..');
const day = 24 * 3_600_000;
const t0 = Date.parse('2026-03-16T09:00:00Z');
const maria = { userKey: 'u_maria', tenantId: 'tenant-1' };
const kim = { userKey: 'u_kim', tenantId: 'tenant-1' };

/** One app instance: its own store and queue connections to the shared database file. */
interface Instance {
  readonly store: Store;
  readonly queue: DeliveryQueue;
  readonly deps: PledgeFollowUpDependencies;
  readonly planner: PledgeFollowUpPlanner;
}

describe('workshop pledge follow-up planning', () => {
  let database: ReturnType<typeof sqliteFile>;
  let clock: FakeClock;
  let instances: Instance[];

  const instance = async (): Promise<Instance> => {
    const store = await openSqliteStore(database.file);
    const queue = await openSqliteDeliveryQueue(database.file, () => clock.now());
    const deps: PledgeFollowUpDependencies = {
      pledges: new Pledges(store),
      queue,
      settings: new UserSettingsRepository(store),
      translator: Translator.load(path.join(root, 'content', 'locales')),
      themes: ThemeCatalog.load(path.join(root, 'content')),
      availableVerbs: () => new Set(['exercises.practise']),
      logger: silentLogger,
    };
    return { store, queue, deps, planner: new PledgeFollowUpPlanner(deps) };
  };
  const first = (): Instance => instances[0] as Instance;
  const pledgeRows = (): Array<{ recipientKey: string; occurrenceKey: string }> =>
    readDeliveries(database.file)
      .filter((row) => row.kind === pledgeFollowUpKind)
      .map((row) => ({ recipientKey: row.recipient_key, occurrenceKey: row.occurrence_key }));

  beforeEach(async () => {
    database = sqliteFile();
    clock = new FakeClock(t0);
    instances = [await instance(), await instance()];
    await first().deps.pledges.save(maria, 'w1', 'listen', 'Sum up before I start', new Date(t0 - 7 * day));
    await first().deps.pledges.save(kim, 'w1', 'trust', '', new Date(t0 - 6 * day));
  });
  afterEach(async () => {
    for (const { store, queue } of instances) {
      await queue.close();
      await store.close();
    }
    database.remove();
  });

  it('when the planner runs twice on a 7-day-old pledge, then exactly one follow-up is queued and the pledge is marked', async () => {
    assert.equal(await first().planner.plan(clock.now()), 1);
    assert.equal(await first().planner.plan(clock.now()), 0);
    assert.deepEqual(pledgeRows(), [{ recipientKey: 'u_maria', occurrenceKey: `pledge:w1/u_maria:${new Date(t0).toISOString()}` }]);
    assert.equal((await first().deps.pledges.byId('w1/u_maria'))?.pledge.followedUpAt, new Date(t0).toISOString());
  });

  it('when two instances plan at the same moment, then the pledge still gets one follow-up', async () => {
    const added = await Promise.all(instances.map(({ planner }) => planner.plan(clock.now())));
    assert.equal(added.reduce((sum, count) => sum + count, 0), 1, `added ${added.join('+')}`);
    await instances[1]?.planner.plan(clock.now());
    assert.equal(pledgeRows().length, 1);
  });

  it('when a pledge is 6 days old, then nothing is queued for it until its seventh day', async () => {
    await first().planner.plan(clock.now());
    assert.deepEqual((pledgeRows()).map((row) => row.recipientKey), ['u_maria']);
    clock.advance(day);
    assert.equal(await instances[1]?.planner.plan(clock.now()), 1);
    assert.deepEqual((pledgeRows()).map((row) => row.recipientKey).sort(), ['u_kim', 'u_maria']);
  });

  it('when the process stops between queueing and marking, then the next pass marks it without a second follow-up', async () => {
    const mark = sinon.stub(first().deps.pledges, 'markFollowedUp').rejects(new Error('process stopped'));
    await first().planner.plan(clock.now());
    assert.equal(pledgeRows().length, 1, 'queued before the stop');
    assert.equal((await first().deps.pledges.byId('w1/u_maria'))?.pledge.followedUpAt, undefined);
    mark.restore();
    assert.equal(await first().planner.plan(clock.now()), 0);
    assert.ok((await first().deps.pledges.byId('w1/u_maria'))?.pledge.followedUpAt);
    assert.equal(pledgeRows().length, 1);
  });

  it('when the pledge was deleted or made anew before sending, then the follow-up is cancelled', async () => {
    await first().planner.plan(clock.now());
    const handler = pledgeFollowUpHandler(first().deps);
    const row = await first().queue.find(`pledge:w1/u_maria:${new Date(t0).toISOString()}`, 'u_maria');
    assert.ok(row);
    assert.equal((await handler.prepare(row)).kind, 'send');
    await first().deps.pledges.save(maria, 'w1', 'listen', 'Ask one more question', clock.now());
    assert.deepEqual(await handler.prepare(row), { kind: 'cancel', reason: 'pledge made anew' });
    await first().store.removeOwnedBy('u_maria');
    assert.deepEqual(await handler.prepare(row), { kind: 'cancel', reason: 'pledge deleted' });
  });

  it("when the pledge is one of the team's answers, then the follow-up quotes that answer, safely, beside the person's own words", async () => {
    await first().deps.pledges.save(kim, 'w1', 'business', 'Ask on Monday', new Date(t0 - 7 * day), { answerId: 'a_1', text: 'Plan updates around the *shops*' });
    await first().planner.plan(clock.now());
    const row = await first().queue.find(`pledge:w1/u_kim:${new Date(t0).toISOString()}`, 'u_kim');
    assert.ok(row);
    const prepared = await pledgeFollowUpHandler(first().deps).prepare(row);
    assert.equal(prepared.kind, 'send');
    const reply = prepared.kind === 'send' ? prepared.replies[0] : undefined;
    const data = (reply?.kind === 'card' ? reply.view.data : {}) as Partial<PledgeFollowUpCardData>;
    assert.equal(data.behaviourLine, "The team's answer you chose: “Plan updates around the \\*shops\\*”");
    assert.equal(data.pledgeText, 'Your words: “Ask on Monday”');
  });
});
