import assert from 'node:assert/strict';
import { executeActivity, fileConsentActivity, messageActivity } from '../support/activities';
import { allow, allowAll, fileCardsIn, offersIn, type PostedOffer } from '../support/file-consent';
import { LoopbackUploadServer } from '../support/loopback-upload';
import type { TestApp } from '../support/test-app';
import {
  advance, channelId, eventually, greet, inChannel, inPersonalChat, maria, occurrenceIn, personalChatId, postedCards, rosterResponder, startCheckinApp, team, type Person,
} from '../checkins/checkin-harness';
import { ChannelSession, personalChatOf } from '../workshops/workshop-support';

const [, kim, noor] = team as [Person, Person, Person, Person];
const form = {
  questionSet: 'initiative-and-listening', audience: 'channel', recurrence: 'once', startDate: '2026-03-09', time: '08:10',
  timeZone: 'Europe/Stockholm', anonymous: 'false', minResponses: '2', openHours: '8', remind: 'false',
};
const kimsWords = 'Kim warned the shop about the update';
const sentLine = 'I sent it to you in our 1:1 chat.';

describe('exports arrive as files in the 1:1 chat through Teams\' file consent flow, over real HTTP', () => {
  let harness: TestApp;
  let uploads: LoopbackUploadServer;
  const textsIn = (conversationId: string): string[] =>
    harness.connector.posted().filter((call) => call.conversationId === conversationId).map((call) => JSON.stringify(call.body));
  const pendingExports = async (): Promise<Array<{ id: string; owner: string | undefined }>> =>
    (await harness.app.store.list('pending-exports')).map((record) => ({ id: record.id, owner: record.owner }));
  const storedBytes = async (offer: PostedOffer): Promise<Buffer> => {
    const record = await harness.app.store.get<{ base64: string }>('pending-exports', (offer.acceptContext as { exportId: string }).exportId);
    assert.ok(record, 'the offered export is kept until the person answers');
    return Buffer.from(record.body.base64, 'base64');
  };

  /** A once-only check-in in the channel that Kim and Noor answer, so the export has named rows. */
  async function answeredCheckin(): Promise<string> {
    await harness.post(executeActivity(inChannel(harness, maria), 'checkin.create', form));
    await advance(harness, 10);
    const occurrence = occurrenceIn((await eventually('the channel card', () => postedCards(harness, channelId).find(({ card }) => occurrenceIn(card)))).card) ?? '';
    await harness.post(executeActivity(inChannel(harness, kim), 'checkin.answer', { occurrence, 'q_raised-before-asked': '4', 'q_noticed-initiative': kimsWords }));
    await harness.post(executeActivity(inChannel(harness, noor), 'checkin.answer', { occurrence, 'q_raised-before-asked': '2' }));
    await harness.post(messageActivity(inChannel(harness, maria), 'check-ins'));
    // The list is the answer to that command; a summary refresh may be posted by the worker just after it.
    const listed = harness.connector.posted().map((call) => JSON.stringify(call.body)).reverse().find((body) => body.includes('"verb":"checkin.export"'));
    const scheduleId = /"verb":"checkin\.export","schedule":"([^"]+)"/.exec(listed ?? '')?.[1];
    assert.ok(scheduleId, 'the list has an export button');
    return scheduleId;
  }

  /** Maria presses Export on the list card in the channel; returns the offer that reached her 1:1 chat. */
  async function exportFromChannel(): Promise<PostedOffer> {
    const scheduleId = await answeredCheckin();
    const channelBefore = textsIn(channelId).length;
    const pressed = await harness.post(executeActivity(inChannel(harness, maria), 'checkin.export', { schedule: scheduleId }));
    assert.equal(pressed.status, 200);
    const saidInChannel = textsIn(channelId).slice(channelBefore);
    assert.deepEqual(saidInChannel.map((body) => (JSON.parse(body) as { text?: string }).text), [sentLine], 'one short line in the channel');
    const [offer, ...more] = offersIn(harness.connector, personalChatId(maria));
    assert.ok(offer, 'a consent card in the 1:1 chat');
    assert.equal(more.length, 0);
    return offer;
  }

  beforeEach(async () => {
    uploads = await LoopbackUploadServer.start();
    harness = await startCheckinApp(team, {}, { uploads: { fragmentBytes: 64, timeoutMs: 400 } });
    await greet(harness, team);
  });
  afterEach(async () => {
    await harness.stop();
    await uploads.stop();
  });

  it('when a check-in export is asked for in the channel, then the consent card goes to the 1:1 chat, Allow is answered 200, the exact CSV is PUT to the upload session and a file card follows', async () => {
    const offer = await exportFromChannel();
    assert.equal(offersIn(harness.connector, channelId).length, 0, 'no consent card in the channel');
    assert.ok(textsIn(channelId).every((body) => !body.includes(kimsWords) && !body.includes('Kim Ek')), 'nothing of the answers in the channel');
    assert.match(offer.name, /^check-in-[a-z-]+-2026-03-09\.csv$/);
    assert.match(offer.description, /^Answers to ".+", with names \(CSV\)\.$/);
    assert.deepEqual(offer.acceptContext, offer.declineContext);
    assert.deepEqual(Object.keys(offer.acceptContext as object), ['exportId'], 'only an id travels with the card, never the content');
    const kept = await storedBytes(offer);
    assert.equal(offer.sizeInBytes, kept.length);

    const { answer, bytes, uploadUrl } = await allow(harness, uploads, inPersonalChat(harness, maria), offer);
    assert.equal(answer.status, 200, answer.text);
    assert.ok(bytes, 'the upload session is complete');
    assert.ok(bytes.equals(kept), 'the bytes uploaded are the export offered');
    const csv = bytes.toString('utf8');
    assert.ok(csv.startsWith('\uFEFFdate,question,answer,respondent\r\n'), 'UTF-8 with a byte order mark, so spreadsheets keep å, ä and ö');
    assert.match(csv, new RegExp(`\r\n2026-03-09,What did someone on the team do this week that the customer noticed\\?,${kimsWords},Kim Ek(\r\n|$)`));
    const puts = uploads.calls.filter((call) => uploadUrl.endsWith(call.sessionId));
    assert.ok(puts.length > 1, 'sent in fragments');
    assert.deepEqual(puts.map((call) => call.status), [...puts.slice(1).map(() => 202), 201]);
    assert.equal(puts[0]?.contentRange, `bytes 0-63/${kept.length}`);
    assert.equal(puts.at(-1)?.contentRange, `bytes ${Math.floor((kept.length - 1) / 64) * 64}-${kept.length - 1}/${kept.length}`);

    const [fileCard] = fileCardsIn(harness.connector, personalChatId(maria));
    assert.ok(fileCard, 'a file card in the 1:1 chat');
    assert.equal(fileCard.name, offer.name);
    assert.equal(fileCard.contentUrl, `${uploads.baseUrl}/personal/Documents/Microsoft%20Teams%20Chat%20Files/${encodeURIComponent(offer.name)}`);
    assert.deepEqual(fileCard.content, { uniqueId: uploadUrl.split('/').at(-1)?.toUpperCase(), fileType: 'csv' });
    assert.deepEqual(await pendingExports(), [], 'nothing kept once the file is delivered');
  });

  it('when a workshop export is asked for in the channel, then Markdown and CSV are offered in the 1:1 chat, nothing of them in the channel, and both arrive as files', async () => {
    const session = new ChannelSession(harness);
    await harness.post(messageActivity(session.inPersonalChat('alex'), 'help'));
    const { workshopId } = await session.start('alex', { customPrompt: 'One thing we could do before the customer asks', anonymous: 'false', hiddenUntilReveal: 'true' });
    await session.card('maria', 'workshop.answer', { workshopId, answer_new: 'Warn the shops before updates' });
    await session.card('alex', 'workshop.reveal', { workshopId });
    const channelBefore = textsIn(session.conversationId).length;
    await session.say('alex', 'workshop export');
    const saidInChannel = textsIn(session.conversationId).slice(channelBefore);
    assert.deepEqual(saidInChannel.map((body) => (JSON.parse(body) as { text?: string }).text), ['I sent them to you in our 1:1 chat.']);
    assert.equal(offersIn(harness.connector, session.conversationId).length, 0);

    const alexChat = personalChatOf('alex');
    const offers = offersIn(harness.connector, alexChat);
    assert.deepEqual(offers.map((offer) => offer.name.replace(/-2026-03-09/, '')), ['workshop-workshop-prompt.md', 'workshop-workshop-prompt.csv']);
    const [markdown, csv] = await allowAll(harness, uploads, session.inPersonalChat('alex'), offers);
    assert.match(markdown ?? '', /^## Workshop: Workshop prompt\n\*\*Prompt:\*\* One thing we could do before the customer asks/);
    assert.match(markdown ?? '', /1\. Warn the shops before updates \(Maria Lind\) · votes: 0/);
    assert.equal(csv, 'rank,answer,votes,author\r\n1,Warn the shops before updates,0,Maria Lind');
    assert.deepEqual(fileCardsIn(harness.connector, alexChat).map((card) => card.name), offers.map((offer) => offer.name));
    assert.ok(textsIn(session.conversationId).slice(channelBefore).every((body) => !body.includes('Warn the shops')), 'the channel never sees the export');
  });

  it('when the person declines, then the answer is kind, the kept export is gone and a late Allow uploads nothing', async () => {
    const offer = await exportFromChannel();
    const declined = await harness.post(fileConsentActivity(inPersonalChat(harness, maria), 'decline', offer.declineContext));
    assert.equal(declined.status, 200);
    assert.equal(harness.connector.posted().at(-1)?.body.text, 'No file sent. Ask again any time.');
    assert.deepEqual(await pendingExports(), []);

    const late = await allow(harness, uploads, inPersonalChat(harness, maria), offer);
    assert.equal(late.answer.status, 200);
    assert.equal(uploads.calls.length, 0, 'nothing was uploaded');
    assert.match(String(harness.connector.posted().at(-1)?.body.text), /That file has expired or has already been sent/);
  });

  it('when a Swedish speaker asks, then the file name, the card and the answer to Decline are in Swedish', async () => {
    await harness.post(messageActivity(inPersonalChat(harness, maria), 'language sv'));
    const scheduleId = await answeredCheckin();
    await harness.post(executeActivity(inChannel(harness, maria), 'checkin.export', { schedule: scheduleId }));
    assert.equal(harness.connector.posted().at(-1)?.body.text, 'Jag har skickat den till dig i chatten mellan dig och mig.');
    const [offer] = offersIn(harness.connector, personalChatId(maria));
    assert.match(offer?.name ?? '', /^avstämning-[a-zåäö-]+-2026-03-09\.csv$/);
    assert.match(offer?.description ?? '', /^Svar på ”.+”, med namn \(CSV\)\.$/);
    await harness.post(fileConsentActivity(inPersonalChat(harness, maria), 'decline', offer?.declineContext));
    assert.equal(harness.connector.posted().at(-1)?.body.text, 'Ingen fil skickades. Be om exporten igen när du vill.');
  });

  for (const [what, behaviour] of [
    ['answers 500', { kind: 'status', status: 500 }],
    ['refuses with 403', { kind: 'status', status: 403 }],
    ['never answers', { kind: 'hang' }],
  ] as const) {
    it(`when the upload session ${what}, then the person gets a friendly line and a fresh card, nothing is lost, and the next Allow delivers the file`, async () => {
      const offer = await exportFromChannel();
      const kept = await storedBytes(offer);
      const failed = await allow(harness, uploads, inPersonalChat(harness, maria), offer, behaviour);
      assert.equal(failed.answer.status, 200, 'the invoke is still answered');
      const [line, again] = harness.connector.posted().slice(-2);
      assert.equal(line?.body.text, "I couldn't save the file to your OneDrive just now. Nothing is lost: try again with the card below.");
      // Only what the person reads: ids and timestamps elsewhere in the activity may contain any digits.
      assert.doesNotMatch(`${line?.body.text} ${JSON.stringify(line?.body.attachments ?? [])}`, /\b(500|403)\b|Error|timeout/i, 'no internal detail');
      const [retry] = offersIn(harness.connector, personalChatId(maria)).filter((candidate) => candidate.call === again);
      assert.ok(retry, 'a fresh consent card for the same export');
      assert.deepEqual(retry.acceptContext, offer.acceptContext);
      assert.equal(fileCardsIn(harness.connector, personalChatId(maria)).length, 0);

      const { bytes } = await allow(harness, uploads, inPersonalChat(harness, maria), retry);
      assert.ok(bytes?.equals(kept), 'the same bytes arrive on the second try');
      assert.equal(fileCardsIn(harness.connector, personalChatId(maria)).length, 1);
    });
  }

  it('when the accept carries no usable upload URL, then it is a friendly line, not an error, and the export is kept', async () => {
    const offer = await exportFromChannel();
    const answer = await harness.post(fileConsentActivity(inPersonalChat(harness, maria), 'accept', offer.acceptContext, { name: offer.name, uploadUrl: 'file:///etc/passwd', contentUrl: 'x', uniqueId: 'y', fileType: 'csv' }));
    assert.equal(answer.status, 200);
    assert.match(String(harness.connector.posted().at(-2)?.body.text), /couldn't save the file/);
    assert.equal((await pendingExports()).length, 1);
  });

  it('when someone else sends back the export id, then nothing is uploaded for them', async () => {
    const offer = await exportFromChannel();
    await allow(harness, uploads, inPersonalChat(harness, kim), offer);
    assert.equal(uploads.calls.length, 0);
    assert.match(String(harness.connector.posted().at(-1)?.body.text), /That file has expired or has already been sent/);
    assert.equal((await pendingExports()).length, 1, "Maria's export is still there for her");
  });

  it('when a day passes without an answer, then the kept export is swept away and Allow says so', async () => {
    const offer = await exportFromChannel();
    await advance(harness, 24 * 60 + 1);
    assert.deepEqual(await pendingExports(), []);
    await allow(harness, uploads, inPersonalChat(harness, maria), offer);
    assert.equal(uploads.calls.length, 0);
  });

  it('when the person deletes their data, then their pending exports go with it', async () => {
    await exportFromChannel();
    assert.equal((await pendingExports()).length, 1);
    await harness.post(messageActivity(inPersonalChat(harness, maria), 'delete my data'));
    await harness.post(executeActivity(inPersonalChat(harness, maria), 'privacy.delete.confirm'));
    assert.deepEqual(await pendingExports(), []);
  });

  it('when the export is asked for in the 1:1 chat, then the consent card is the answer there', async () => {
    await answeredCheckin();
    await harness.post(messageActivity(inPersonalChat(harness, maria), 'export check-ins'));
    const last = harness.connector.posted().at(-1);
    assert.equal(last?.conversationId, personalChatId(maria));
    const [offer] = offersIn(harness.connector, personalChatId(maria));
    assert.equal(offer?.call, last);
    assert.equal(harness.connector.posted().filter((call) => call.body.text === sentLine).length, 0, 'no "sent it to you" line in the chat it is in');
  });

  it('when Teams throttles the 1:1 chat, then the person who pressed Export is told to try again in a minute, and nothing is kept', async () => {
    const scheduleId = await answeredCheckin();
    rosterResponder(harness, team, (call) => (call.method === 'POST' && call.conversationId === personalChatId(maria) ? { status: 429 } : undefined));
    const postedBefore = harness.connector.posted().length;
    const pressed = await harness.post(executeActivity(inChannel(harness, maria), 'checkin.export', { schedule: scheduleId }));
    assert.equal((pressed.body as { value: unknown }).value, "I couldn't reach our 1:1 chat just now, so I sent nothing. Please try again in a minute.", 'the answer to the button press');
    assert.deepEqual(harness.connector.posted().slice(postedBefore).map((call) => call.conversationId), [personalChatId(maria)], 'only the refused try');
    assert.deepEqual(await pendingExports(), []);
  });

  it('when the person has no 1:1 chat with the bot yet, then the channel gets a line on how to open one and nothing is kept', async () => {
    const session = new ChannelSession(harness);
    const { workshopId } = await session.start('alex', { customPrompt: 'One thing we could do before the customer asks', anonymous: 'false', hiddenUntilReveal: 'true' });
    await session.card('maria', 'workshop.answer', { workshopId, answer_new: 'Warn the shops before updates' });
    await session.card('alex', 'workshop.reveal', { workshopId });
    await session.say('alex', 'workshop export');
    assert.match(String(harness.connector.posted().at(-1)?.body.text), /I can only send files in our 1:1 chat, and we don't have one yet/);
    assert.equal(offersIn(harness.connector).length, 0);
    assert.deepEqual(await pendingExports(), []);
  });
});
