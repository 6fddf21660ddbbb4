import assert from 'node:assert/strict';
import { executeActivity, messageActivity, testTenantId } from '../support/activities';
import { cardText, type TestApp } from '../support/test-app';
import { advance, eventually, greet, inChannel, maria as owner, startCheckinApp, team, type Person as CheckinPerson } from '../checkins/checkin-harness';
import { actionData } from '../exercises/exercise-driver';
import { meetingEnd, meetingStart, participantsJoin, postEvent, postedTexts, press, reflectionCards, say, type Person } from './meeting-support';

const [, kimAad, noorAad] = team as [CheckinPerson, CheckinPerson, CheckinPerson, CheckinPerson];
const asMeetingPerson = (person: CheckinPerson): Person => ({ name: person.name, aad: person.aad, tenantId: testTenantId });
const kim = asMeetingPerson(kimAad);
const noor = asMeetingPerson(noorAad);
const alex = asMeetingPerson(owner);
const scheduleForm = {
  questionSet: 'customer-side', audience: 'members', recurrence: 'weekly', days: 'mon', startDate: '2026-03-16', time: '09:00',
  timeZone: 'Europe/Stockholm', anonymous: 'true', minResponses: '3', openHours: '24', remind: 'false',
};

describe('team counts of reflections for check-in owners over real HTTP', () => {
  let harness: TestApp;

  beforeEach(async () => {
    harness = await startCheckinApp(team);
    await greet(harness, team);
  });
  afterEach(async () => {
    await harness.stop();
  });

  it('when two people of an owner’s check-in reflected after a meeting this week, then the owner sees the count 2 and nothing of who or what', async () => {
    await harness.post(messageActivity(inChannel(harness, owner), 'schedule check-in'));
    const scheduled = await harness.post(executeActivity(inChannel(harness, owner), 'checkin.create', scheduleForm));
    assert.match(cardText((scheduled.body as { value: unknown }).value), /Scheduled/);

    for (const person of [kim, noor]) await say(harness, person, 'reflect after meetings');
    const meetingId = 'MCMeeting-dGVhbS1jb3VudA';
    const now = new Date('2026-03-09T07:00:00Z');
    await postEvent(harness, meetingStart(harness, meetingId, now));
    await postEvent(harness, participantsJoin(harness, meetingId, [kim, noor]));
    await postEvent(harness, meetingEnd(harness, meetingId, now));
    await advance(harness, 3);
    for (const person of [kim, noor]) {
      const card = await eventually(`${person.name}'s card`, () => reflectionCards(harness, person)[0]);
      const { meetingKey } = actionData(card, 'meetings.reflect');
      await press(harness, person, 'meetings.reflect', { meetingKey, situation: 'no', customersCustomer: 'yes', followUp: 'partly', followUpText: `Secret plan of ${person.name}` });
    }

    await say(harness, alex, 'meeting reflections');
    const counts = postedTexts(harness, alex).at(-1) ?? '';
    assert.match(counts, /by the 4 people of your check-ins[\s\S]*Week 11: 2[\s\S]*Week 10: 0[\s\S]*Week 9: 0[\s\S]*Week 8: 0/);
    for (const trace of ['Kim', 'Noor', 'Secret plan', 'Not really', 'Partly']) assert.ok(!counts.includes(trace), `${trace} is not shown`);

    await say(harness, kim, 'meeting reflections');
    assert.match(postedTexts(harness, kim).at(-1) ?? '', /This is for check-in owners/);
  });

  it('when the owner’s check-ins reach fewer than three people, then no count is shown', async () => {
    const small = [owner, kimAad];
    const pair = await startCheckinApp(small);
    try {
      await greet(pair, small);
      await pair.post(messageActivity(inChannel(pair, owner), 'schedule check-in'));
      await pair.post(executeActivity(inChannel(pair, owner), 'checkin.create', scheduleForm));
      await say(pair, alex, 'mötesreflektioner', 'sv-SE');
      assert.match(postedTexts(pair, alex).at(-1) ?? '', /Dina avstämningar når färre än 3 personer/);
    } finally {
      await pair.stop();
    }
  });
});
