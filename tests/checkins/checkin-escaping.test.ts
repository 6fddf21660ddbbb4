import assert from 'node:assert/strict';
import { executeActivity, messageActivity } from '../support/activities';
import { offersIn, receiveFiles } from '../support/file-consent';
import { attachedCard, cardText, type TestApp } from '../support/test-app';
import { advance, channelId, eventually, greet, inChannel, inPersonalChat, maria, occurrenceIn, personalChatId, postedCards, startCheckinApp, team, type Person } from './checkin-harness';

const [, kim, noor] = team as [Person, Person, Person, Person];
const form = {
  questionSet: 'initiative-and-listening', audience: 'channel', recurrence: 'once', startDate: '2026-03-09', time: '08:10',
  timeZone: 'Europe/Stockholm', anonymous: 'false', minResponses: '2', openHours: '8', remind: 'false',
};
const phishing = '[Open the report](http://phish.example/login) **now**\n```\n[Sign in again](http://phish.example/sso)';

describe('answer text shown in cards and exports, over real HTTP', () => {
  let harness: TestApp;
  beforeEach(async () => {
    harness = await startCheckinApp(team);
    await greet(harness, team);
  });
  afterEach(async () => {
    await harness.stop();
  });

  it('when answers hold Markdown links, fences and hidden formulas, then the summary card shows them as text and the CSV file keeps them in their cells, defused', async () => {
    await harness.post(executeActivity(inChannel(harness, maria), 'checkin.create', form));
    await advance(harness, 10);
    const occurrence = occurrenceIn((await eventually('the channel card', () => postedCards(harness, channelId).find(({ card }) => occurrenceIn(card)))).card) ?? '';
    await harness.post(executeActivity(inChannel(harness, kim), 'checkin.answer', { occurrence, 'q_raised-before-asked': '4', 'q_noticed-initiative': phishing }));
    await harness.post(executeActivity(inChannel(harness, noor), 'checkin.answer', { occurrence, 'q_raised-before-asked': '2', 'q_noticed-initiative': '\u200B=HYPERLINK("http://phish.example","Details")' }));
    await advance(harness, 0.1);

    const summary = await eventually('the summary with both answers', () =>
      harness.connector.updated().map((call) => cardText(attachedCard(call.body))).find((text) => /2 of 4 answered/.test(text) && /phish/.test(text)),
    );
    assert.match(summary, /\\\[Open the report\\\]\\\(http:\/\/phish\.example\/login\\\) \\\*\\\*now\\\*\\\*/);
    assert.doesNotMatch(summary, /(^|[^\\])\[(Open the report|Sign in again)\]/, 'no link the channel could click');

    await harness.post(messageActivity(inPersonalChat(harness, maria), 'export check-ins'));
    const [csv] = await receiveFiles(harness, inPersonalChat(harness, maria), offersIn(harness.connector, personalChatId(maria)));
    assert.match(csv ?? '', /"\[Open the report\]\(http:\/\/phish\.example\/login\) \*\*now\*\*\n```\n\[Sign in again\]\(http:\/\/phish\.example\/sso\)",Kim Ek/, 'the words stay one quoted cell, as written');
    assert.match(csv ?? '', /"'\u200B=HYPERLINK\(""http:\/\/phish\.example"",""Details""\)"/, 'the hidden formula is defused');
  });
});

