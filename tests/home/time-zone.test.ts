import assert from 'node:assert/strict';
import { executeActivity, messageActivity } from '../support/activities';
import { attachedCard, cardText, type TestApp } from '../support/test-app';
import { advance, eventually, inChannel, inPersonalChat, maria, personalChatId, postedCards, startCheckinApp, userKey } from '../checkins/checkin-harness';

type Settings = { timeZone?: string; timeZoneChosen?: boolean };
const valueOf = (response: { body: unknown }): Record<string, unknown> => (response.body as { value: Record<string, unknown> }).value;
type ZoneInput = { type: string; style: string; value: string; choices: Array<{ value: string }> };
const zoneInput = (card: Record<string, unknown>): ZoneInput | undefined =>
  ((card.body ?? []) as Array<Record<string, unknown>>).find((element) => element.id === 'timeZone') as ZoneInput | undefined;

describe('a personal time zone for people whose Teams client sends none, over real HTTP', () => {
  let harness: TestApp;
  const noZone = () => inPersonalChat(harness, maria, '');
  const settings = async (): Promise<Settings> => ((await harness.app.store.get<Settings>('user-settings', userKey(maria)))?.body ?? {});
  const lastText = (): string => String(harness.connector.posted().at(-1)?.body.text);
  const lastCard = (): Record<string, unknown> => attachedCard(harness.connector.posted().at(-1)?.body ?? {}) ?? {};

  beforeEach(async () => {
    harness = await startCheckinApp([maria]);
  });
  afterEach(async () => {
    await harness.stop();
  });

  it('when someone chooses a zone with "time zone", then it is stored, their practice reminder follows it, setup offers it first, and what Teams reports later does not replace it', async () => {
    await harness.post(messageActivity(noZone(), 'time zone'));
    const picker = lastCard();
    assert.match(cardText(picker), /Your Teams client doesn't tell me your time zone, so I use UTC for now/);
    assert.equal(zoneInput(picker)?.type, 'Input.ChoiceSet');
    assert.equal(zoneInput(picker)?.style, 'filtered');

    const saved = valueOf(await harness.post(executeActivity(noZone(), 'timezone.save', { timeZone: 'America/New_York' })));
    assert.match(cardText(saved), /Saved: America\/New_York\. Your practice reminders and check-ins follow this zone/);
    assert.deepEqual(await settings(), { timeZone: 'America/New_York', timeZoneChosen: true });

    await harness.post(messageActivity(noZone(), 'remind me to practise mon 08:30'));
    assert.match(lastText(), /every week on Mon at 08:30 \(America\/New_York\).*The first one comes Mon 9 Mar, 08:30/);
    // 07:00 UTC now; 08:30 in Stockholm would be 07:30 UTC, in New York (summer time since 8 March) 12:30 UTC.
    const nudges = (): number => postedCards(harness, personalChatId(maria)).filter(({ card }) => /Time for a few minutes of practice/.test(cardText(card))).length;
    await advance(harness, 60);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    assert.equal(nudges(), 0, 'not at 08:30 in Stockholm');
    await advance(harness, 5 * 60 - 30 + 1);
    await eventually('the nudge at 08:30 in New York', () => nudges() === 1);

    await harness.post(messageActivity(inPersonalChat(harness, maria, 'Europe/Stockholm'), 'help'));
    assert.deepEqual(await settings(), { timeZone: 'America/New_York', timeZoneChosen: true }, 'the person\'s choice stays');
    await harness.post(messageActivity({ ...inChannel(harness, maria), timeZone: 'Europe/Stockholm' }, 'schedule check-in'));
    assert.equal(zoneInput(lastCard())?.value, 'America/New_York', 'the setup default is the chosen zone');
    assert.equal(zoneInput(lastCard())?.choices[0]?.value, 'America/New_York');
  });

  it('when the zone is typed after the command, then a real zone or a city is saved, and anything else gets a friendly line and changes nothing', async () => {
    await harness.post(messageActivity(noZone(), 'time zone Mars/Olympus'));
    assert.match(String(harness.connector.posted().at(-2)?.body.text), /I don't know that time zone, so nothing was changed/);
    assert.ok(zoneInput(lastCard()), 'the picker comes with it');
    const refused = valueOf(await harness.post(executeActivity(noZone(), 'timezone.save', { timeZone: 'EST' })));
    assert.match(cardText(refused), /Please choose one from the list/);
    assert.deepEqual(await settings(), {}, 'nothing saved');

    await harness.post(messageActivity(noZone(), 'tidszon new york'));
    assert.match(lastText(), /Saved: America\/New_York/);
    await harness.post(messageActivity(noZone(), 'time zone europe/oslo'));
    assert.deepEqual(await settings(), { timeZone: 'Europe/Oslo', timeZoneChosen: true });
    await harness.post(messageActivity({ ...noZone(), locale: 'sv-SE' }, 'tidszon'));
    assert.match(cardText(lastCard()), /Din tidszon är Europe\/Oslo, som du har valt/);
  });
});
