import assert from 'node:assert/strict';
import { executeActivity } from '../support/activities';
import { attachedCard, cardText, type TestApp } from '../support/test-app';
import {
  advance, channelId, eventually, greet, inChannel, inPersonalChat, maria, occurrenceIn, occurrenceOf, personalChatId, postedCards, readDeliveries, readRecords, startCheckinApp, team, userKey, type Person,
} from './checkin-harness';

const [, kim, noor, jonas] = team as [Person, Person, Person, Person];
const eva: Person = { name: 'Eva Strand', aad: 'aad-eva' };
const form = {
  questionSet: 'initiative-and-listening', audience: 'channel', recurrence: 'weekly', days: 'mon', startDate: '2026-03-09', time: '08:10',
  timeZone: 'Europe/Stockholm', anonymous: 'true', minResponses: '3', openHours: '8', remind: 'false',
};
/** Who answers the first Monday, in this order, and what they write. */
const firstWeek: ReadonlyArray<readonly [Person, string, string]> = [
  [kim, '4', 'Kim-words: warned the shop before the update'],
  [noor, '2', 'Noor-words: asked what the shop needed first'],
  [jonas, '5', 'Jonas-words: listened before fixing the tills'],
  [eva, '3', 'Eva-words: called back the same afternoon'],
];
const identities = [maria, kim, noor, jonas, eva].flatMap((person) => [person.name, person.aad, userKey(person)]);
const valueOf = (response: { body: unknown }): unknown => (response.body as { value: unknown }).value;

describe('sharing check-in results with the team, over real HTTP', () => {
  let harness: TestApp;

  /** Every version of the owner's summary card for an occurrence (posted, then updated in place), oldest first. */
  const summaries = (occurrence: string): Array<Record<string, unknown>> =>
    harness.connector.calls
      .filter((call) => call.conversationId === personalChatId(maria) && (call.method === 'POST' || call.method === 'PUT'))
      .flatMap((call) => {
        const card = attachedCard(call.body);
        return card && JSON.stringify(card).includes(occurrence.slice(occurrence.indexOf('@'))) ? [card] : [];
      });
  const shareButton = (card: Record<string, unknown>): string | undefined =>
    ((card.actions ?? []) as Array<{ data?: { verb?: string; occurrence?: string } }>).find((action) => action.data?.verb === 'checkin.share')?.data?.occurrence;
  const teamPosts = (): Array<Record<string, unknown>> => postedCards(harness, channelId).map(({ card }) => card).filter((card) => /Team results/.test(cardText(card)));
  const channelCard = async (date: string): Promise<string> =>
    occurrenceOf((await eventually(`the channel card of ${date}`, () => postedCards(harness, channelId).find(({ card }) => occurrenceIn(card)?.endsWith(`@${date}`)))).card);
  const answerAll = async (occurrence: string, answers: ReadonlyArray<readonly [Person, string, string]>): Promise<void> => {
    for (const [person, scale, words] of answers) {
      const answered = await harness.post(executeActivity(inChannel(harness, person), 'checkin.answer', { occurrence, 'q_raised-before-asked': scale, 'q_asked-before-fixing': scale, 'q_noticed-initiative': words }));
      assert.match(cardText(valueOf(answered)), /Thanks, your answers are saved/);
    }
  };
  /** The owner's summary once the occurrence closed and the card was refreshed. */
  const closedSummary = (occurrence: string): Promise<Record<string, unknown>> =>
    eventually('the closed summary', () => summaries(occurrence).find((card) => /Closed /.test(cardText(card))));

  let first: string;
  beforeEach(async () => {
    harness = await startCheckinApp([...team, eva]);
    await greet(harness, [maria]);
    await harness.post(executeActivity(inChannel(harness, maria), 'checkin.create', form));
    await advance(harness, 10);
    first = await channelCard('2026-03-09');
    await answerAll(first, firstWeek);
    await advance(harness, 8 * 60);
  });
  afterEach(async () => {
    await harness.stop();
  });

  it('when someone other than the owner sends the share action, then they are told kindly who can share, and nothing reaches the channel', async () => {
    assert.ok(shareButton(await closedSummary(first)), 'the owner has the button');
    for (const where of [inChannel(harness, kim), inPersonalChat(harness, kim)]) {
      const refused = await harness.post(executeActivity(where, 'checkin.share', { occurrence: first }));
      assert.equal(refused.status, 200);
      assert.match(String(valueOf(refused)), /Only the person who scheduled this check-in can share its results/);
    }
    await advance(harness, 0.1);
    assert.deepEqual(teamPosts(), []);
    assert.deepEqual(readDeliveries(harness.databaseFile).filter((row) => row.kind === 'checkin.share'), []);
  });

  it('when the owner shares a closed check-in, then one new post in the channel carries the totals and the trend over occurrences, with no names and no written answers, however often it is tapped', async () => {
    await advance(harness, 7 * 24 * 60 - 8 * 60);
    const second = await channelCard('2026-03-16');
    await answerAll(second, [[kim, '5', 'Kim again: asked first'], [noor, '5', 'Noor again: noticed early'], [jonas, '4', 'Jonas again: followed up']]);
    await advance(harness, 8 * 60);
    const occurrence = shareButton(await closedSummary(second));
    assert.equal(occurrence, second);
    const channelBefore = harness.connector.calls.filter((call) => call.conversationId === channelId).length;

    const shared = await harness.post(executeActivity(inPersonalChat(harness, maria), 'checkin.share', { occurrence }));
    assert.match(cardText(valueOf(shared)), /Shared with the team: Mon 16 Mar/);
    assert.equal(shareButton(valueOf(shared) as Record<string, unknown>), undefined, 'no second button once shared');
    const post = await eventually('the shared results in the channel', () => harness.connector.posted().find((call) => call.conversationId === channelId && /Team results/.test(cardText(attachedCard(call.body)))));
    const card = attachedCard(post.body) ?? {};
    const text = cardText(card);
    assert.match(text, /Team results: Initiative and big ears, 16 Mar 2026/);
    assert.match(text, /3 of 5 answered \(60%\)/);
    assert.match(text, /average 4\.7 of 5/, '(5 + 5 + 4) / 3');
    const chart = JSON.stringify(card).match(/"type":"Chart\.Line".*?"values":(\[[^\]]*\])/);
    assert.deepEqual(JSON.parse(chart?.[1] ?? '[]'), [{ x: '9 Mar 2026', y: 3.5 }, { x: '16 Mar 2026', y: 4.7 }], 'the trend: (4+2+5+3)/4 and (5+5+4)/3');
    assert.match(text, /9 Mar 2026\n█{7}░{3}\naverage 3\.5 · 4\/5 answered\n16 Mar 2026\n█{9}░\naverage 4\.7 · 3\/5 answered/, 'the fallback: the same trend as text bars');
    const json = JSON.stringify(card);
    for (const identity of identities) assert.ok(!json.includes(identity), `${identity} in the shared card`);
    assert.doesNotMatch(json, /words|again:|What did someone on the team do/, 'no written answers and not even their question');

    for (let tap = 0; tap < 2; tap += 1) assert.match(cardText(valueOf(await harness.post(executeActivity(inPersonalChat(harness, maria), 'checkin.share', { occurrence })))), /Shared with the team/);
    await advance(harness, 0.1);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const channelCalls = harness.connector.calls.filter((call) => call.conversationId === channelId).slice(channelBefore);
    assert.deepEqual(channelCalls.map((call) => call.method), ['POST'], 'one new message, nothing replaced');
    assert.equal(teamPosts().length, 1);
  });

  it('when an anonymous check-in closes, then the owner sees every written answer without a name, in an order that changes from card to card, so neither storage nor answering order can tie one to a person', async () => {
    const closed = await closedSummary(first);
    const stored = readRecords(harness.databaseFile).filter((row) => row.collection === 'collection-responses');
    assert.equal(stored.length, 4);
    const answerIds = stored.flatMap((row) => (JSON.parse(row.body) as { answers: Array<{ answerId: string }> }).answers.map((answer) => answer.answerId));
    const texts = firstWeek.map(([, , words]) => words);
    const orderIn = (card: unknown): string[] => {
      const shown = cardText(card);
      const found = texts.filter((words) => shown.includes(words));
      assert.equal(found.length, texts.length, `every written answer is shown: ${shown}`);
      return [...found].sort((a, b) => shown.indexOf(a) - shown.indexOf(b));
    };
    // Each tap on share renders the owner's card again (the first one shares, the rest only show it).
    const cards: unknown[] = [closed];
    for (let tap = 0; tap < 7; tap += 1) cards.push(valueOf(await harness.post(executeActivity(inPersonalChat(harness, maria), 'checkin.share', { occurrence: first }))));
    const orders = cards.map(orderIn);
    assert.ok(new Set(orders.map((order) => order.join('|'))).size > 1, `the same order on ${cards.length} cards: ${orders[0]?.join(' | ')}`);
    for (const card of cards) {
      const json = JSON.stringify(card);
      assert.match(cardText(card), /Written answers: 4, in random order and without names/);
      for (const identity of identities) assert.ok(!json.includes(identity), `${identity} on the owner's card`);
      for (const answerId of answerIds) assert.ok(!json.includes(answerId), 'no answer id, which would match a stored row');
    }
  });
});

describe('sharing check-in results below the minimum, over real HTTP', () => {
  let harness: TestApp;
  afterEach(async () => {
    await harness.stop();
  });

  it('when fewer than the minimum answered, then the owner gets no share button, a share is refused before and after closing, and nothing reaches the channel', async () => {
    harness = await startCheckinApp([...team, eva]);
    await greet(harness, [maria]);
    await harness.post(executeActivity(inChannel(harness, maria), 'checkin.create', { ...form, recurrence: 'once' }));
    await advance(harness, 10);
    const occurrence = occurrenceOf((await eventually('the channel card', () => postedCards(harness, channelId).find(({ card }) => occurrenceIn(card)))).card);
    for (const person of [kim, noor]) await harness.post(executeActivity(inChannel(harness, person), 'checkin.answer', { occurrence, 'q_raised-before-asked': '4', 'q_noticed-initiative': `${person.name} wrote this` }));

    const early = await harness.post(executeActivity(inPersonalChat(harness, maria), 'checkin.share', { occurrence }));
    assert.match(String(valueOf(early)), /You can share the results once the check-in has closed \(Mon 9 Mar, 16:10\)/);
    await advance(harness, 8 * 60);
    const closed = await eventually('the closed summary', () =>
      harness.connector.updated().map((call) => attachedCard(call.body) ?? {}).find((card) => /Closed /.test(cardText(card))),
    );
    assert.match(cardText(closed), /It closed with too few answers \(2 of at least 3\), so nothing is shown and nothing can be shared/);
    assert.doesNotMatch(JSON.stringify(closed), /checkin\.share|wrote this/);

    const late = await harness.post(executeActivity(inPersonalChat(harness, maria), 'checkin.share', { occurrence }));
    assert.match(String(valueOf(late)), /Too few answers to share: 2 people answered, and results show from 3/);
    await advance(harness, 0.1);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    assert.equal(postedCards(harness, channelId).filter(({ card }) => /Team results/.test(cardText(card))).length, 0);
    assert.deepEqual(readDeliveries(harness.databaseFile).filter((row) => row.kind === 'checkin.share'), []);
  });
});
