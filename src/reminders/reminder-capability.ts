import type { Capability } from '../core/capability';
import { reminderNudgeCard, reminderSetupCard } from './reminder-cards';
import { ReminderService, type ReminderDependencies } from './reminder-service';

/** Personal practice reminders: "remind me to practise" / "påminn mig", then a nudge card on the chosen days. */
export function reminderCapability(deps: ReminderDependencies): Capability {
  const service = new ReminderService(deps);
  return {
    id: 'reminders',
    commands: [
      {
        id: 'reminder.set',
        words: ['remind me to practise', 'remind me to practice', 'remind me', 'påminn mig att öva', 'påminn mig'],
        scopes: ['personal'],
        help: { usageKey: 'reminders.commands.set.usage', descriptionKey: 'reminders.commands.set.description' },
        run: (turn, argument) => service.fromCommand(turn, argument),
      },
      {
        id: 'reminder.stop',
        words: ['stop reminders', 'stop reminding me', 'sluta påminna', 'sluta påminna mig'],
        scopes: ['personal'],
        help: { usageKey: 'reminders.commands.stop.usage', descriptionKey: 'reminders.commands.stop.description' },
        run: (turn) => service.stop(turn),
      },
    ],
    actions: [
      { verb: 'reminder.setup', run: async (turn) => ({ replies: await service.fromCommand(turn, '') }) },
      { verb: 'reminder.save', run: (turn, data) => service.saveFromCard(turn, data) },
      { verb: 'reminder.snooze', run: (turn, data) => service.snooze(turn, data) },
      { verb: 'reminder.stop', run: async (turn) => ({ replies: await service.stop(turn) }) },
    ],
    menu: [{ titleKey: 'reminders.menu.title', descriptionKey: 'reminders.menu.description', verb: 'reminder.setup', scopes: ['personal'] }],
    cardTemplates: [reminderSetupCard, reminderNudgeCard],
    personalData: {
      describe: async (userKey, turn) => {
        const reminder = (await deps.repository.get(userKey))?.reminder;
        if (!reminder) return undefined;
        const days = reminder.days.map((day) => turn.t(`checkins.rule.days.${day}`)).join(', ');
        return {
          heading: turn.t('reminders.privacy.heading'),
          lines: [turn.t(reminder.status === 'active' ? 'reminders.privacy.active' : 'reminders.privacy.stopped', { days, time: reminder.localTime, zone: reminder.timeZone })],
        };
      },
    },
  };
}
