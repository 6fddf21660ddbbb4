import type { Capability } from '../core/capability';
import type { Translator } from '../core/translator';
import type { DeliveryQueue } from '../delivery/delivery';
import type { DeliveryHandler } from '../delivery/delivery-handler';
import type { UserSettingsRepository } from '../home/user-settings';
import type { Logger } from '../logger';
import type { Store } from '../storage/store';
import { meetingReflectionCard } from './meeting-cards';
import { followUpDeliveryHandler, reflectionDeliveryHandler } from './meeting-deliveries';
import { MeetingEvents } from './meeting-events';
import { MeetingRepository } from './meeting-repository';
import { ReflectionService } from './reflection-service';
import { ReflectionSettingsService } from './reflection-settings';
import { teamCountsReply, type TeamMembersOf } from './team-counts';

export interface MeetingDependencies {
  readonly store: Store;
  readonly queue: Pick<DeliveryQueue, 'enqueue'>;
  readonly settings: UserSettingsRepository;
  readonly translator: Translator;
  readonly teamMembersOf: TeamMembersOf;
  readonly fallbackTimeZone: string;
  readonly logger: Logger;
}

/** Reflection after customer meetings: the capability, the meeting events for the bot edge, and the delivery handlers. */
export function meetingReflections(deps: MeetingDependencies, clock: () => Date): {
  readonly capability: Capability;
  readonly events: MeetingEvents;
  readonly handlers: readonly DeliveryHandler[];
} {
  const repository = new MeetingRepository(deps.store);
  const settings = new ReflectionSettingsService(repository, deps.fallbackTimeZone);
  const reflections = new ReflectionService(repository, deps.queue, deps.fallbackTimeZone);
  const personal = ['personal'] as const;
  const capability: Capability = {
    id: 'meetings',
    commands: [
      {
        id: 'meetings.reflect',
        words: ['reflect after meetings', 'reflect after meeting', 'reflektera efter möten', 'reflektera efter möte'],
        scopes: personal,
        help: { usageKey: 'meetings.commands.reflect.usage', descriptionKey: 'meetings.commands.reflect.description' },
        run: (turn, argument) => settings.command(turn, argument),
      },
      {
        id: 'meetings.team',
        words: ['meeting reflections', 'mötesreflektioner'],
        scopes: personal,
        help: { usageKey: 'meetings.commands.team.usage', descriptionKey: 'meetings.commands.team.description' },
        run: (turn) => teamCountsReply(turn, repository, deps.teamMembersOf, deps.fallbackTimeZone),
      },
    ],
    actions: [{ verb: 'meetings.reflect', run: (turn, data) => reflections.answer(turn, data) }],
    menu: [],
    cardTemplates: [meetingReflectionCard],
    personalData: { describe: (userKey, turn) => reflections.describe(userKey, turn) },
  };
  const delivery = { repository, settings: deps.settings, translator: deps.translator };
  return {
    capability,
    events: new MeetingEvents({ repository, queue: deps.queue, settings: deps.settings, fallbackTimeZone: deps.fallbackTimeZone, logger: deps.logger }),
    handlers: [reflectionDeliveryHandler(delivery, clock), followUpDeliveryHandler(delivery)],
  };
}
