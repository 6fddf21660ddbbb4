import assert from 'node:assert/strict';
import { executeActivity, messageActivity } from '../support/activities';
import { offersIn, receiveFiles } from '../support/file-consent';
import { cardText, type TestApp } from '../support/test-app';
import {
  advance, eventually, greet, inChannel, inPersonalChat, maria, occurrenceIn, occurrenceOf, personalChatId, postedCards, readDeliveries, readRecords,
  startCheckinApp, team, userKey, type Person,
} from './checkin-harness';

const [, kim, noor, jonas] = team as [Person, Person, Person, Person];
const sam: Person = { name: 'Sam Holm', aad: 'aad-sam' };

const scheduleForm = {
  questionSet: 'customer-side', audience: 'members', recurrence: 'once', startDate: '2026-03-09', time: '08:10',
  timeZone: 'Europe/Stockholm', anonymous: 'true', minResponses: '3', openHours: '24', remind: 'false',
};

describe('check-ins asked 1:1, anonymous, over real HTTP', () => {
  let harness: TestApp;
  const answer = async (person: Person, occurrence: string, values: Record<string, string>): Promise<string> => {
    const response = await harness.post(executeActivity(inPersonalChat(harness, person), 'checkin.answer', { occurrence, ...values }));
    return cardText((response.body as { value: unknown }).value);
  };
  const summaryUpdates = (): string[] =>
    harness.connector.updated().filter((call) => call.conversationId === personalChatId(maria)).map((call) => cardText((call.body.attachments as Array<{ content: unknown }>)[0]?.content));

  beforeEach(async () => {
    harness = await startCheckinApp([...team, sam]);
    await greet(harness, team);
    await harness.post(messageActivity(inChannel(harness, maria), 'schedule check-in'));
    const scheduled = await harness.post(executeActivity(inChannel(harness, maria), 'checkin.create', scheduleForm));
    assert.match(cardText((scheduled.body as { value: unknown }).value), /Scheduled "Seeing it from the customer's side"/);
  });
  afterEach(async () => {
    await harness.stop();
  });

  it('when the occurrence is due, then each member gets the card 1:1, the owner a summary, and an unreachable member is reported to the owner', async () => {
    assert.equal(postedCards(harness, personalChatId(kim)).filter(({ card }) => /customer's situation/.test(cardText(card))).length, 0, 'nothing before it is due');
    await advance(harness, 10);
    for (const person of team) {
      await eventually(`the card for ${person.name}`, () => postedCards(harness, personalChatId(person)).find(({ card }) => /customer's situation rather than/.test(cardText(card))));
    }
    const summary = await eventually('the summary', () => postedCards(harness, personalChatId(maria)).find(({ card }) => /0 of 5 answered/.test(cardText(card))));
    assert.match(cardText(summary.card), /3 more answers are needed before results and written answers show \(at least 3, so nobody can be singled out\)/);
    const notice = await eventually('the unreachable notice', () =>
      harness.connector.posted().find((call) => call.conversationId === personalChatId(maria) && /I can't reach Sam Holm/.test(String(call.body.text))),
    );
    assert.match(String(notice.body.text), /Install Partner Coach for them, or ask them to open a chat with me once/);
    // Each send is recorded once Teams has answered it, a moment after the card arrives.
    const statuses = (): string[] => readDeliveries(harness.databaseFile).filter((row) => row.kind === 'checkin.ask').map((row) => row.status).sort();
    await eventually('every ask recorded', () => !statuses().includes('sending') && !statuses().includes('pending'));
    assert.deepEqual(statuses(), ['sent', 'sent', 'sent', 'sent', 'unreachable']);
  });

  it('when fewer than the minimum answered, then the summary shows no results and the CSV no answers, though the answers are stored', async () => {
    await advance(harness, 10);
    const card = await eventually('Kim\'s card', () => postedCards(harness, personalChatId(kim)).find(({ card }) => /customer's situation/.test(cardText(card))));
    const occurrence = occurrenceOf(card.card);
    assert.match(await answer(kim, occurrence, { 'q_started-from-customer': '4', 'q_customers-customers': '2' }), /Thanks, your answers are saved/);
    assert.match(await answer(noor, occurrence, { 'q_started-from-customer': '5' }), /You can change them until/);
    await advance(harness, 0.1);
    const update = await eventually('the summary update', () => summaryUpdates().find((text) => /2 of 5 answered/.test(text)));
    assert.doesNotMatch(update, /█/, 'no distribution below the minimum');
    assert.match(update, /1 more answer is needed before results and written answers show \(at least 3/);
    assert.equal(readRecords(harness.databaseFile).filter((row) => row.collection === 'collection-responses').length, 2);

    await harness.post(messageActivity(inPersonalChat(harness, maria), 'export check-ins'));
    const [csv] = await receiveFiles(harness, inPersonalChat(harness, maria), offersIn(harness.connector, personalChatId(maria)));
    assert.equal(csv, 'date,question,answer', 'only the header: the occurrence is below the minimum');

    await advance(harness, 24 * 60);
    const late = await harness.post(executeActivity(inPersonalChat(harness, jonas), 'checkin.answer', { occurrence, 'q_started-from-customer': '3' }));
    assert.match(String((late.body as { value: unknown }).value), /Answers are closed for this one, so nothing was saved/);
  });

  it('when three answer anonymously, then the summary updates in place with bars, no names and no written answers while it is open, and the tables cannot link answers to people', async () => {
    await advance(harness, 10);
    const occurrence = occurrenceOf((await eventually('a card', () => postedCards(harness, personalChatId(kim)).find(({ card }) => /customer's situation/.test(cardText(card))))).card);
    await answer(kim, occurrence, { 'q_started-from-customer': '4', 'q_customers-customers': '2', 'q_seen-from-customer': 'When the tills went down on Saturday' });
    await answer(noor, occurrence, { 'q_started-from-customer': '5', 'q_seen-from-customer': 'Called the shop before the update' });
    await answer(jonas, occurrence, { 'q_started-from-customer': '3' });
    // Kim changes their mind: still three people, and the 4 becomes a 2.
    assert.match(await answer(kim, occurrence, { 'q_started-from-customer': '2' }), /Thanks, your answers are saved/);
    await advance(harness, 0.1);
    const update = await eventually('a summary with results', () => summaryUpdates().find((text) => /3 of 5 answered \(60%\)/.test(text)));
    assert.match(update, /█/);
    assert.match(update, /Written answers: 2\. They show here when the check-in closes, in random order and without names/);
    assert.doesNotMatch(update, /tills|Called the shop|Kim|Noor|Jonas/);
    assert.match(update, /average 3\.3 of 5/, '(2 + 5 + 3) / 3');

    const records = readRecords(harness.databaseFile);
    const responses = records.filter((row) => row.collection === 'collection-responses');
    assert.equal(responses.length, 3);
    const identities = [kim, noor, jonas].flatMap((person) => [userKey(person), person.name, person.aad]);
    for (const response of responses) {
      assert.equal(response.owner, null, 'an anonymous answer has no owner');
      for (const identity of identities) assert.ok(!`${response.id} ${response.body}`.includes(identity), `${identity} in ${response.id}`);
    }
    const pseudonyms = responses.map((response) => response.id.split('/')[1] ?? '');
    for (const row of [...records, ...readDeliveries(harness.databaseFile).map((d) => ({ collection: 'deliveries', id: d.occurrence_key, body: `${d.recipient_key} ${d.payload}` }))]) {
      if (row.collection === 'collection-responses') continue;
      for (const pseudonym of pseudonyms) assert.ok(!`${row.id} ${row.body}`.includes(pseudonym), `pseudonym found in ${row.collection}/${row.id}`);
    }
  });

  it('when a member stops the schedule, then their waiting reminder is cancelled at once', async () => {
    await harness.post(executeActivity(inChannel(harness, maria), 'checkin.create', { ...scheduleForm, remind: 'true', time: '08:20' }));
    await advance(harness, 20);
    const nudge = await eventually('a planned reminder for Jonas', () =>
      readDeliveries(harness.databaseFile).find((row) => row.kind === 'checkin.nudge' && row.recipient_key === userKey(jonas)),
    );
    const occurrence = (JSON.parse(nudge.payload) as { occurrenceId: string }).occurrenceId;
    await eventually('Jonas\'s card', () => postedCards(harness, personalChatId(jonas)).find(({ card }) => occurrenceIn(card) === occurrence));
    const stopped = await harness.post(executeActivity(inPersonalChat(harness, jonas), 'checkin.stop', { occurrence }));
    assert.match(cardText((stopped.body as { value: unknown }).value), /You won't get this check-in any more/);
    const nudges = readDeliveries(harness.databaseFile).filter((row) => row.kind === 'checkin.nudge' && row.recipient_key === userKey(jonas));
    assert.ok(nudges.length > 0 && nudges.every((row) => row.status === 'cancelled'), JSON.stringify(nudges));
  });
});
