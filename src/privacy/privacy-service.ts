import { cardView } from '../cards/card-view';
import type { Capability } from '../core/capability';
import { cardReply, textReply, type ActionOutcome, type Reply } from '../core/reply';
import type { Turn } from '../core/turn';
import type { PersonalDataEraser, Erased } from './personal-data-eraser';
import { confirmDeleteCard, noticeCard } from './privacy-cards';
import type { RunningThings } from './running-things';

/** Teams messages are limited to about 28 KB; exports are split well below that. */
const maxMessageChars = 12000;

/** "My data": a person sees everything we keep about them, and can delete it. */
export class PrivacyService {
  constructor(
    private readonly capabilities: () => readonly Capability[],
    private readonly eraser: PersonalDataEraser,
    private readonly running: RunningThings,
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

  /** Asks first; a person who runs check-ins or workshops for others chooses, for each, to hand it over or stop it. */
  async askToDelete(turn: Turn): Promise<readonly Reply[]> {
    const handovers = (await this.running.of(turn)).map((thing) => ({ id: thing.inputId, label: thing.label, value: thing.choices[0]?.value ?? '', choices: thing.choices }));
    return [
      cardReply(
        cardView(confirmDeleteCard, {
          title: turn.t('privacy.delete.title'),
          text: turn.t('privacy.delete.text'),
          runsIntro: handovers.length > 0 ? turn.t('privacy.delete.runs.intro') : '',
          handovers,
          confirmTitle: turn.t('privacy.delete.confirm'),
          cancelTitle: turn.t('privacy.delete.cancel'),
        }),
      ),
    ];
  }

  /** Hands over or stops what the person runs, removes everything that leads to them, and says what went in plain words. */
  async delete(turn: Turn, data: Readonly<Record<string, unknown>> = {}): Promise<ActionOutcome> {
    const headings: string[] = [];
    for (const capability of this.capabilities()) {
      const section = await capability.personalData?.describe(turn.actor.userKey, turn);
      if (section && section.lines.length > 0) headings.push(section.heading);
    }
    const settled = await this.running.settle(turn, data);
    const erased = await this.eraser.erase(turn.actor);
    const parts = [...headings, ...(Object.keys(erased) as (keyof Erased)[]).filter((part) => erased[part]).map((part) => turn.t(`privacy.deleted.parts.${part}`))];
    const removed = parts.length > 0 ? [turn.t('privacy.deleted.text'), parts.map((part) => `- ${part}`).join('\n')] : [turn.t('privacy.deleted.nothing')];
    const text = [...removed, ...settled, ...(parts.length > 0 ? [turn.t('privacy.deleted.end')] : [])].join('\n\n');
    return { update: cardView(noticeCard, { title: turn.t('privacy.deleted.title'), text }) };
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
