import assert from 'node:assert/strict';
import { executeActivity, messageActivity } from '../support/activities';
import { attachedCard, cardText, type TestApp } from '../support/test-app';
import { inChannel, inPersonalChat, maria, readRecords, startCheckinApp, team } from './checkin-harness';

const form = {
  questionSet: 'initiative-and-listening', audience: 'channel', recurrence: 'weekly', days: 'mon', startDate: '2026-03-09', time: '08:10',
  timeZone: 'Europe/Stockholm', anonymous: 'true', minResponses: '3', openHours: '24', remind: 'true',
};
type Element = Record<string, unknown> & { id?: string; type?: string; items?: Element[]; columns?: Element[]; isVisible?: boolean };
const valueOf = (response: { body: unknown }): Record<string, unknown> => (response.body as { value: Record<string, unknown> }).value;
/** Every element of a card, depth first, with the container it sits in. */
function elements(card: Record<string, unknown>): Array<{ element: Element; within: string[] }> {
  const found: Array<{ element: Element; within: string[] }> = [];
  const walk = (list: Element[], within: string[]): void => {
    for (const element of list) {
      found.push({ element, within });
      walk([...(element.items ?? []), ...(element.columns ?? [])], element.id ? [...within, element.id] : within);
    }
  };
  walk((card.body ?? []) as Element[], []);
  return found;
}
const input = (card: Record<string, unknown>, id: string): Element | undefined => elements(card).find(({ element }) => element.id === id)?.element;
const box = (card: Record<string, unknown>, id: string): Element | undefined => input(card, id);
const isRealZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone === 'UTC' || /^[A-Z][A-Za-z_]+\/[A-Za-z_/]+$/.test(zone);
  } catch {
    return false;
  }
};

describe('a check-in setup a manager finishes in a minute, over real HTTP', () => {
  let harness: TestApp;
  const setupCard = async (timeZone = 'Europe/Stockholm'): Promise<Record<string, unknown>> => {
    await harness.post(messageActivity({ ...inChannel(harness, maria), timeZone }, 'schedule check-in'));
    return attachedCard(harness.connector.posted().at(-1)?.body ?? {}) ?? {};
  };
  const schedules = (): unknown[] => readRecords(harness.databaseFile).filter((row) => row.collection === 'checkin-schedules');

  beforeEach(async () => {
    harness = await startCheckinApp(team);
  });
  afterEach(async () => {
    await harness.stop();
  });

  it('when Teams reports the manager\'s zone, then the picker offers real zones with that one first and already chosen', async () => {
    const card = await setupCard('Asia/Kolkata');
    const zone = input(card, 'timeZone') as { type: string; style: string; value: string; choices: Array<{ title: string; value: string }> };
    assert.equal(zone.type, 'Input.ChoiceSet', 'a picker, not free text');
    assert.equal(zone.style, 'filtered');
    assert.equal(zone.value, 'Asia/Kolkata');
    assert.deepEqual(zone.choices[0], { title: 'Asia/Kolkata (UTC+05:30)', value: 'Asia/Kolkata' });
    assert.ok(zone.choices.length > 40 && zone.choices.length < 100, `${zone.choices.length} choices`);
    assert.deepEqual(zone.choices.filter((choice) => !isRealZone(choice.value)), [], 'only IANA zones the runtime knows');
    assert.ok(zone.choices.some((choice) => choice.value === 'America/New_York') && zone.choices.some((choice) => choice.value === 'UTC'));
  });

  it('when the zone sent is not a real IANA zone, then the form comes back with a friendly line and nothing is saved', async () => {
    for (const timeZone of ['Mars/Olympus', 'UTC+5', 'EST', '']) {
      const answer = valueOf(await harness.post(executeActivity(inChannel(harness, maria), 'checkin.create', { ...form, timeZone })));
      assert.match(cardText(answer), /I don't know that time zone, so nothing was saved\. Please pick one from the list\./, timeZone);
      assert.equal(input(answer, 'time')?.value, '08:10', 'what was filled in stays');
    }
    assert.deepEqual(schedules(), []);
    const created = valueOf(await harness.post(executeActivity(inChannel(harness, maria), 'checkin.create', form)));
    assert.match(cardText(created), /Scheduled "Initiative and big ears"/);
    assert.equal(schedules().length, 1, 'the same form with a real zone is saved');
  });

  it('when the manager picks another set and asks to see it, then the card previews that set\'s questions and keeps what was filled in', async () => {
    const first = await setupCard();
    assert.equal(input(first, 'questionSet')?.value, 'business-pulse');
    assert.match(cardText(first), /People will be asked:\n- How well do we understand what the customer's business depends on right now\? \(1 to 5\)\n- What is happening in the customer's business that we should prepare for\? \(in their own words\)/);
    const preview = valueOf(await harness.post(executeActivity(inChannel(harness, maria), 'checkin.preview', { ...form, questionSet: 'customer-side', time: '07:45', timeZone: 'Asia/Kolkata' })));
    const text = cardText(preview);
    assert.match(text, /- This week, how often did you start from the customer's situation rather than from our task list\? \(1 to 5\)/);
    assert.doesNotMatch(text, /depends on right now/, 'the other set is no longer shown');
    assert.deepEqual([input(preview, 'questionSet')?.value, input(preview, 'time')?.value, input(preview, 'timeZone')?.value], ['customer-side', '07:45', 'Asia/Kolkata']);
    assert.deepEqual(schedules(), [], 'a preview saves nothing');

    const own = valueOf(await harness.post(executeActivity(inChannel(harness, maria), 'checkin.preview', { ...form, questionSet: 'custom', customScale: 'Did we *call* first?', customOpen: '' })));
    assert.match(cardText(own), /People will be asked:\n- Did we \\\*call\\\* first\? \(1 to 5\)/);
    assert.equal(box(own, 'customBox')?.isVisible, true, 'one\'s own questions are in sight when chosen');
  });

  it('when the form opens, then the rarely used fields sit under "More options", which opens by itself when one of them needs fixing', async () => {
    const card = await setupCard();
    const rare = ['endDate', 'perRecipient', 'skipWeekends', 'minResponses', 'openHours', 'remind'];
    for (const id of rare) assert.deepEqual(elements(card).find(({ element }) => element.id === id)?.within, ['moreBox'], id);
    for (const id of ['questionSet', 'audience', 'recurrence', 'days', 'startDate', 'time', 'timeZone', 'anonymous']) {
      assert.deepEqual(elements(card).find(({ element }) => element.id === id)?.within, [], `${id} is in sight`);
    }
    assert.equal(box(card, 'moreBox')?.isVisible, false);
    assert.equal(box(card, 'customBox')?.isVisible, false);
    assert.match(JSON.stringify(card), /"type":"Action\.ToggleVisibility","title":"More options","targetElements":\["moreBox"\]/);

    const problem = valueOf(await harness.post(executeActivity(inChannel(harness, maria), 'checkin.create', { ...form, openHours: '999' })));
    assert.match(cardText(problem), /Open for must be a whole number of hours/);
    assert.equal(box(problem, 'moreBox')?.isVisible, true);
  });

  it('when the list of check-ins is shown, then its words fit where it is shown: private in the 1:1 chat, readable by others in a group chat', async () => {
    await harness.post(executeActivity({ ...inChannel(harness, maria), conversationType: 'groupChat', conversationId: '19:group@thread.v2' }, 'checkin.create', form));
    await harness.post(messageActivity({ ...inChannel(harness, maria), conversationType: 'groupChat', conversationId: '19:group@thread.v2' }, 'check-ins'));
    const shared = cardText(attachedCard(harness.connector.posted().at(-1)?.body ?? {}));
    assert.match(shared, /Others in this chat may see this list, but only you can change these check-ins/);
    assert.doesNotMatch(shared, /Only you see/);
    await harness.post(messageActivity(inPersonalChat(harness, maria), 'check-ins'));
    assert.match(cardText(attachedCard(harness.connector.posted().at(-1)?.body ?? {})), /Only you see and change these/);
  });
});
