import { CardFactory, MessageFactory, type Activity, type Attachment, type FileConsentCard, type FileInfoCard } from 'botbuilder';
import type { CardRenderer } from '../cards/card-renderer';
import type { DeliveredFile, FileOffer, Reply } from '../core/reply';

export const fileConsentContentType = 'application/vnd.microsoft.teams.card.file.consent';
export const fileInfoContentType = 'application/vnd.microsoft.teams.card.file.info';

/** Turns the core's replies into Bot Framework message activities. */
export function toActivity(reply: Reply, renderer: CardRenderer): Partial<Activity> {
  switch (reply.kind) {
    case 'text':
      return MessageFactory.text(reply.text);
    case 'card':
      return MessageFactory.attachment(CardFactory.adaptiveCard(renderer.render(reply.view)));
    case 'file-offer':
      return MessageFactory.attachment(consentAttachment(reply.offer));
    case 'file':
      return MessageFactory.attachment(fileInfoAttachment(reply.file));
  }
}

/** Teams' file consent card: the bytes stay with the bot; only the export's id comes back with Allow or Decline. */
function consentAttachment(offer: FileOffer): Attachment {
  const context = { exportId: offer.exportId };
  const content: FileConsentCard = { description: offer.description, sizeInBytes: offer.sizeInBytes, acceptContext: context, declineContext: context };
  return { contentType: fileConsentContentType, name: offer.name, content };
}

function fileInfoAttachment(file: DeliveredFile): Attachment {
  const content: FileInfoCard = { uniqueId: file.uniqueId, fileType: file.fileType };
  return { contentType: fileInfoContentType, contentUrl: file.contentUrl, name: file.name, content };
}
