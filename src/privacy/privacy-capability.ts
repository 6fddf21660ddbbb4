import type { Capability } from '../core/capability';
import { confirmDeleteCard, noticeCard } from './privacy-cards';
import type { PrivacyService } from './privacy-service';

/** `my data` and `delete my data`, in the personal chat only: a person's data is theirs. */
export function privacyCapability(privacy: PrivacyService): Capability {
  return {
    id: 'privacy',
    commands: [
      {
        id: 'my-data',
        words: ['my data', 'mina data', 'min data', 'export my data', 'exportera mina data'],
        scopes: ['personal'],
        help: { usageKey: 'privacy.commands.export.usage', descriptionKey: 'privacy.commands.export.description' },
        run: (turn) => privacy.export(turn),
      },
      {
        id: 'delete-my-data',
        words: ['delete my data', 'radera mina data', 'ta bort mina data'],
        scopes: ['personal'],
        help: { usageKey: 'privacy.commands.delete.usage', descriptionKey: 'privacy.commands.delete.description' },
        run: (turn) => privacy.askToDelete(turn),
      },
    ],
    actions: [
      { verb: 'privacy.delete.confirm', run: (turn, data) => privacy.delete(turn, data) },
      { verb: 'privacy.delete.cancel', run: async (turn) => privacy.cancel(turn) },
    ],
    menu: [],
    cardTemplates: [confirmDeleteCard, noticeCard],
  };
}
