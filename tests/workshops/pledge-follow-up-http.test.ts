import assert from 'node:assert/strict';
import { userKeyOf } from '../../src/core/keys';
import { Pledges } from '../../src/workshops/pledges/pledges';
import { executeActivity, messageActivity, testTenantId, type ActivityOptions } from '../support/activities';
import { cardText, startTestApp, type TestApp } from '../support/test-app';
import { advance, eventually, postedCards, readDeliveries } from '../checkins/checkin-harness';
import { ChannelSession, people, type Card } from './workshop-support';

const monday = new Date('2026-03-09T09:00:00Z');
const mariaChat = `a:personal-${people.maria.aadObjectId}`;

describe('workshop pledge follow-up over real HTTP', () => {
  let harness: TestApp;
  let session: ChannelSession;
  const personal = (person: 'maria' | 'kim'): ActivityOptions => ({ serviceUrl: harness.connector.serviceUrl, ...people[person] });
  const followUps = (): Card[] => postedCards(harness, mariaChat).map(({ card }) => card).filter((card) => /A week ago you made a pledge/.test(cardText(card)));
  const press = async (person: 'maria' | 'kim', verb: string, data: Record<string, unknown>): Promise<{ card?: Card; text?: string }> => {
    const answer = await harness.post(executeActivity(personal(person), verb, data));
    assert.equal(answer.status, 200, answer.text);
    const body = answer.body as { type: string; value: unknown };
    return body.type === 'application/vnd.microsoft.card.adaptive' ? { card: body.value as Card } : { text: String(body.value) };
  };

  beforeEach(async () => {
    // Real time flows from Monday (the worker's timers need it); /test/clock moves it on.
    const started = Date.now();
    harness = await startTestApp({ TEST_MODE: 'true' }, { clock: () => new Date(monday.getTime() + Date.now() - started) });
    session = new ChannelSession(harness);
  });
  afterEach(async () => {
    await harness.stop();
  });

  it('when a week has passed since the pledge, then the pledger gets the card in their 1:1 chat, can practise that theme and save how it went', async () => {
    await harness.post(messageActivity(personal('maria'), 'help'));
    const { workshopId } = await session.start('alex', { customPrompt: 'What did we learn this month?', anonymous: 'false' });
    await session.card('maria', 'workshop.answer', { workshopId, answer_new: 'Ask before fixing' });
    await session.card('alex', 'workshop.reveal', { workshopId });
    await session.card('alex', 'workshop.voting', { workshopId });
    await session.card('maria', 'workshop.pledge', { workshopId, pledgeTheme: 'listen', pledgeText: 'Sum up before I start' });

    await advance(harness, 6 * 24 * 60);
    assert.deepEqual(readDeliveries(harness.databaseFile).filter((row) => row.occurrence_key.startsWith('pledge:')), [], 'nothing on day 6');
    await advance(harness, 24 * 60);
    await advance(harness, 1);
    const card = await eventually('the follow-up card', () => followUps()[0]);
    assert.match(cardText(card), /Your theme: Big ears and an open mind[\s\S]*Your words: “Sum up before I start”[\s\S]*How did it go\?/);
    const json = JSON.stringify(card);
    assert.match(json, /"data":\{"verb":"exercises\.practise","theme":"listen"\}/);
    assert.match(json, /"title":"Practise Listening now"/);
    const pledgeId = /"pledgeId":"([^"]+)"/.exec(json)?.[1];
    assert.equal(pledgeId, `${workshopId}/${userKeyOf(testTenantId, people.maria.aadObjectId)}`);
    assert.equal(readDeliveries(harness.databaseFile).filter((row) => row.occurrence_key.startsWith('pledge:')).length, 1, 'planned once over three passes');

    const before = postedCards(harness, mariaChat).length;
    await press('maria', 'exercises.practise', { theme: 'listen' });
    const exercise = postedCards(harness, mariaChat).slice(before).map(({ card: posted }) => cardText(posted));
    assert.match(exercise.join('\n'), /^Big ears and an open mind/, 'a scenario of the pledged theme as a new message');

    assert.match((await press('kim', 'workshop.pledge.reflect', { pledgeId, rating: '5', reflection: 'Not mine' })).text ?? '', /Only the person who made this pledge/);
    assert.match(cardText((await press('maria', 'workshop.pledge.reflect', { pledgeId, reflection: 'Twice' })).card), /Choose how it went, from 1 to 5/);
    const saved = await press('maria', 'workshop.pledge.reflect', { pledgeId, rating: '4', reflection: 'I summed up twice; the customer corrected me once.' });
    const savedText = cardText(saved.card);
    assert.match(savedText, /Thank you for looking back on it\. You said: 4 – Most of the time\. “I summed up twice; the customer corrected me once\.”/);
    assert.doesNotMatch(JSON.stringify(saved.card), /workshop\.pledge\.reflect/, 'the form is gone once saved');

    const stored = await new Pledges(harness.app.store).byId(pledgeId ?? '');
    assert.equal(stored?.pledge.reflection?.rating, 4);
    assert.equal(stored?.pledge.reflection?.text, 'I summed up twice; the customer corrected me once.');
    await harness.post(messageActivity(personal('maria'), 'my data'));
    assert.match(session.postedTexts().join('\n'), /how it went, 4 of 5: I summed up twice/);
  });

  it('when the pledger never talked to the bot in a 1:1 chat, then no card is posted and nobody else gets it', async () => {
    const { workshopId } = await session.start('alex', { customPrompt: 'What did we learn this month?', anonymous: 'false' });
    await session.card('kim', 'workshop.answer', { workshopId, answer_new: 'Say no kindly' });
    await session.card('alex', 'workshop.reveal', { workshopId });
    await session.card('alex', 'workshop.voting', { workshopId });
    await session.card('kim', 'workshop.pledge', { workshopId, pledgeTheme: 'demands' });
    const posted = harness.connector.posted().length;
    await advance(harness, 7 * 24 * 60 + 1);
    await eventually('the delivery to be given up', () => readDeliveries(harness.databaseFile).find((row) => row.occurrence_key.startsWith('pledge:') && row.status === 'unreachable'));
    assert.equal(harness.connector.posted().length, posted);
  });
});
