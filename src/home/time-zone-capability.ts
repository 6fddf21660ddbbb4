import type { Capability } from '../core/capability';
import { timeZoneCard, type TimeZoneService } from './time-zone-service';

/** A person's own time zone, for reminders, check-ins and the default when scheduling. */
export function timeZoneCapability(service: TimeZoneService): Capability {
  return {
    id: 'time-zone',
    commands: [
      {
        id: 'timezone',
        words: ['time zone', 'timezone', 'my time zone', 'set time zone', 'tidszon', 'min tidszon', 'ändra tidszon'],
        scopes: ['personal'],
        help: { usageKey: 'timezones.commands.set.usage', descriptionKey: 'timezones.commands.set.description' },
        run: (turn, argument) => service.fromCommand(turn, argument),
      },
    ],
    actions: [{ verb: 'timezone.save', run: (turn, data) => service.saveFromCard(turn, data) }],
    menu: [],
    cardTemplates: [timeZoneCard],
  };
}
