import type { Capability } from '../core/capability';
import type { ConversationKind, Turn } from '../core/turn';
import { CheckinAnswers } from './checkin-answers';
import { checkinListCard, checkinQuestionCard, checkinResultsCard, checkinSetupCard } from './checkin-cards';
import { questionSetOf, type CheckinDependencies } from './checkin-context';
import { CheckinService } from './checkin-service';
import { CheckinSharing } from './checkin-sharing';
import { setTitle } from './checkin-views';

const everywhere: readonly ConversationKind[] = ['personal', 'groupChat', 'channel'];
const shared: readonly ConversationKind[] = ['groupChat', 'channel'];

/** Manager check-ins: scheduling, answering, snoozing, results, sharing them with the team, and export. */
export function checkinCapability(deps: CheckinDependencies): Capability {
  const service = new CheckinService(deps);
  const answers = new CheckinAnswers(deps);
  const sharing = new CheckinSharing(deps);
  return {
    id: 'checkins',
    commands: [
      {
        id: 'checkin.schedule',
        words: ['schedule check-in', 'schedule checkin', 'schedule a check-in', 'new check-in', 'schemalägg avstämning', 'ny avstämning'],
        scopes: shared,
        help: { usageKey: 'checkins.commands.schedule.usage', descriptionKey: 'checkins.commands.schedule.description' },
        run: (turn) => service.openSetup(turn),
      },
      {
        id: 'checkin.list',
        words: ['check-ins', 'checkins', 'my check-ins', 'avstämningar', 'mina avstämningar'],
        scopes: everywhere,
        help: { usageKey: 'checkins.commands.list.usage', descriptionKey: 'checkins.commands.list.description' },
        run: (turn) => service.list(turn),
      },
      {
        id: 'checkin.export',
        words: ['export check-ins', 'check-in export', 'export checkins', 'exportera avstämningar'],
        scopes: ['personal'],
        help: { usageKey: 'checkins.commands.export.usage', descriptionKey: 'checkins.commands.export.description' },
        run: (turn) => service.exportAll(turn),
      },
    ],
    actions: [
      { verb: 'checkin.setup', run: async (turn: Turn) => ({ replies: await service.openSetup(turn) }) },
      { verb: 'checkin.create', run: (turn, data) => service.create(turn, data) },
      { verb: 'checkin.save', run: (turn, data) => service.save(turn, data) },
      { verb: 'checkin.preview', run: (turn, data) => service.preview(turn, data) },
      { verb: 'checkin.edit', run: (turn, data) => service.edit(turn, data) },
      { verb: 'checkin.pause', run: (turn, data) => service.setStatus(turn, data, 'paused') },
      { verb: 'checkin.resume', run: (turn, data) => service.setStatus(turn, data, 'active') },
      { verb: 'checkin.delete', run: (turn, data) => service.remove(turn, data) },
      { verb: 'checkin.export', run: (turn, data) => service.exportFromCard(turn, data) },
      { verb: 'checkin.answer', run: (turn, data) => answers.answer(turn, data) },
      { verb: 'checkin.snooze', run: (turn, data) => answers.snooze(turn, data) },
      { verb: 'checkin.stop', run: (turn, data) => answers.stop(turn, data) },
      { verb: 'checkin.optin', run: (turn, data) => answers.optIn(turn, data) },
      { verb: 'checkin.share', run: (turn, data) => sharing.share(turn, data) },
      { verb: 'checkin.view', run: (turn, data) => answers.view(turn, data) },
    ],
    quietVerbs: ['checkin.answer'],
    menu: [{ titleKey: 'checkins.menu.title', descriptionKey: 'checkins.menu.description', verb: 'checkin.setup', scopes: shared }],
    cardTemplates: [checkinSetupCard, checkinQuestionCard, checkinListCard, checkinResultsCard],
    personalData: {
      describe: async (userKey, turn) => {
        const schedules = await deps.repository.schedulesOwnedBy(userKey);
        const optOuts = await deps.repository.optOutsOf(userKey);
        if (schedules.length === 0 && optOuts.length === 0) return undefined;
        const reader = { t: turn.t, locale: turn.locale, timeZone: turn.timeZone ?? 'UTC', now: turn.now };
        const titleOf = (schedule: Parameters<typeof questionSetOf>[1]): string => {
          try {
            return setTitle(questionSetOf(deps, schedule), reader);
          } catch {
            return '?';
          }
        };
        return {
          heading: turn.t('checkins.privacy.heading'),
          lines: [
            ...schedules.map((schedule) => turn.t('checkins.privacy.schedule', { title: titleOf(schedule), members: schedule.members.length })),
            ...optOuts.map((optOut) => turn.t(optOut.until ? 'checkins.privacy.snoozed' : 'checkins.privacy.stopped', { until: optOut.until?.slice(0, 10) ?? '' })),
          ],
        };
      },
    },
  };
}
