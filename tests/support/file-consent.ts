import assert from 'node:assert/strict';
import { fileConsentActivity, type ActivityOptions } from './activities';
import type { ConnectorCall, LoopbackConnector } from './loopback-connector';
import { LoopbackUploadServer, type SessionBehaviour } from './loopback-upload';
import type { HttpAnswer, TestApp } from './test-app';

/** A file consent card the bot posted: what the person is asked to allow, and the context Teams sends back. */
export interface PostedOffer {
  readonly call: ConnectorCall;
  readonly name: string;
  readonly description: string;
  readonly sizeInBytes: number;
  readonly acceptContext: unknown;
  readonly declineContext: unknown;
}

interface Attachment {
  readonly contentType: string;
  readonly name?: string;
  readonly contentUrl?: string;
  readonly content?: Record<string, unknown>;
}

const attachmentsOf = (call: ConnectorCall): Attachment[] => (call.body.attachments as Attachment[] | undefined) ?? [];

/** File consent cards posted into a conversation (or anywhere), oldest first. */
export function offersIn(connector: LoopbackConnector, conversationId?: string): PostedOffer[] {
  return connector
    .posted()
    .filter((call) => conversationId === undefined || call.conversationId === conversationId)
    .flatMap((call) =>
      attachmentsOf(call)
        .filter((attachment) => attachment.contentType === 'application/vnd.microsoft.teams.card.file.consent')
        .map((attachment) => ({
          call,
          name: attachment.name ?? '',
          description: typeof attachment.content?.description === 'string' ? attachment.content.description : '',
          sizeInBytes: Number(attachment.content?.sizeInBytes),
          acceptContext: attachment.content?.acceptContext,
          declineContext: attachment.content?.declineContext,
        })),
    );
}

/** File info cards posted into a conversation: the finished files as the chat shows them. */
export function fileCardsIn(connector: LoopbackConnector, conversationId: string): Attachment[] {
  return connector
    .posted()
    .filter((call) => call.conversationId === conversationId)
    .flatMap((call) => attachmentsOf(call).filter((attachment) => attachment.contentType === 'application/vnd.microsoft.teams.card.file.info'));
}

/** Presses Allow as Teams would: opens an upload session, sends the accept invoke; returns the answer and the bytes that arrived. */
export async function allow(
  harness: TestApp,
  uploads: LoopbackUploadServer,
  person: ActivityOptions,
  offer: PostedOffer,
  behaviour?: SessionBehaviour,
): Promise<{ readonly answer: HttpAnswer; readonly bytes: Buffer | undefined; readonly uploadUrl: string }> {
  const info = uploads.open(offer.name, behaviour);
  const answer = await harness.post(fileConsentActivity(person, 'accept', offer.acceptContext, info));
  return { answer, bytes: uploads.fileAt(info.uploadUrl), uploadUrl: info.uploadUrl };
}

/** Allows every offer and returns each file's text (without the byte order mark CSV files start with). */
export async function allowAll(harness: TestApp, uploads: LoopbackUploadServer, person: ActivityOptions, offers: readonly PostedOffer[]): Promise<string[]> {
  const texts: string[] = [];
  for (const offer of offers) {
    const { answer, bytes } = await allow(harness, uploads, person, offer);
    assert.equal(answer.status, 200, answer.text);
    assert.ok(bytes, `${offer.name} did not arrive`);
    texts.push(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  }
  return texts;
}

/** For tests about an export's content: allows the offers against a short-lived upload stand-in and returns each file's text. */
export async function receiveFiles(harness: TestApp, person: ActivityOptions, offers: readonly PostedOffer[]): Promise<string[]> {
  assert.ok(offers.length > 0, 'no file was offered');
  const uploads = await LoopbackUploadServer.start();
  try {
    return await allowAll(harness, uploads, person, offers);
  } finally {
    await uploads.stop();
  }
}
