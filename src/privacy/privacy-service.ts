import { cardView } from '../cards/card-view';
import type { Capability } from '../core/capability';
import { cardReply, textReply, type ActionOutcome, type Reply } from '../core/reply';
import type { Turn } from '../core/turn';
import type { Store } from '../storage/store';
import { confirmDeleteCard, noticeCard } from './privacy-cards';

/** Teams messages are limited to about 28 KB; exports are split well below that. */
const maxMessageChars = 12000;

/** "My data": a person sees everything we keep about them, and can delete it. */
export class PrivacyService {
  constructor(
    private readonly capabilities: () => readonly Capability[],
    private readonly store: Store,
  ) {}

  async export(turn: Turn): Promise<readonly Reply[]> {
    const sections: string[] = [];
    for (const capability of this.capabilities()) {
      const section = await capability.personalData?.describe(turn.actor.userKey, turn);
      if (section && section.lines.length > 0) sections.push([`**${section.heading}**`, ...section.lines].join('\n\n'));
    }
    if (sections.length === 0) return [textReply(turn.t('privacy.export.empty'))];
    return splitIntoMessages([turn.t('privacy.export.intro'), ...sections]).map(textReply);
  }

  askToDelete(turn: Turn): readonly Reply[] {
    return [
      cardReply(
        cardView(confirmDeleteCard, {
          title: turn.t('privacy.delete.title'),
          text: turn.t('privacy.delete.text'),
          confirmTitle: turn.t('privacy.delete.confirm'),
          cancelTitle: turn.t('privacy.delete.cancel'),
        }),
      ),
    ];
  }

  /** Removes every record the person owns in one statement, so there is no half-deleted state. */
  async delete(turn: Turn): Promise<ActionOutcome> {
    const removed = await this.store.removeOwnedBy(turn.actor.userKey);
    return { update: cardView(noticeCard, { title: turn.t('privacy.deleted.title'), text: turn.t('privacy.deleted.text', { count: removed }) }) };
  }

  cancel(turn: Turn): ActionOutcome {
    return { update: cardView(noticeCard, { title: turn.t('privacy.cancelled.title'), text: turn.t('privacy.cancelled.text') }) };
  }
}

function splitIntoMessages(sections: readonly string[]): string[] {
  const messages: string[] = [];
  let current = '';
  for (const section of sections) {
    if (current && current.length + section.length > maxMessageChars) {
      messages.push(current);
      current = '';
    }
    current = current ? `${current}\n\n${section}` : section.slice(0, maxMessageChars);
  }
  if (current) messages.push(current);
  return messages;
}
