import type { TeamsActivityHandler, TeamsMeetingMember, TurnContext } from 'botbuilder';
import { meetingKeyOf, userKeyOf } from '../core/keys';
import type { Logger } from '../logger';
import type { MeetingRef } from '../meetings/meeting';
import type { MeetingEvents } from '../meetings/meeting-events';
import { tenantIdOf } from './turn-factory';

export interface MeetingEdge {
  readonly events: MeetingEvents;
  readonly clock: () => Date;
}

const meetingEventNames = new Set([
  'application/vnd.microsoft.meetingStart',
  'application/vnd.microsoft.meetingEnd',
  'application/vnd.microsoft.meetingParticipantJoin',
  'application/vnd.microsoft.meetingParticipantLeave',
]);
// Customers may join as guests of our tenant or anonymously; only the organisation's own members count.
const outsideRoles = new Set(['guest', 'anonymous']);

/**
 * Meeting start, join and end events into the core. Nothing is ever sent into the meeting: a failure (a malformed event,
 * storage down) is logged here, so the adapter's error line never reaches a chat the customer may read.
 */
export function listenToMeetings(bot: TeamsActivityHandler, edge: MeetingEdge, logger: Logger): void {
  bot.onEvent(async (context, next) => {
    if (!meetingEventNames.has(context.activity.name ?? '')) return next();
    try {
      await next();
    } catch (error) {
      logger.warn({ err: error, activityId: context.activity.id, name: context.activity.name }, 'a meeting event was not handled; nothing was posted');
    }
  });
  bot.onTeamsMeetingStartEvent(async (meeting, context, next) => {
    const ref = meetingRefOf(context, meeting.id);
    if (ref) await edge.events.started(ref, edge.clock());
    await next();
  });
  bot.onTeamsMeetingParticipantsJoinEvent(async (details, context, next) => {
    const ref = meetingRefOf(context, undefined);
    if (ref) {
      const members = details.members ?? [];
      const internal = members.flatMap((member) => internalUserKey(member, ref.tenantId));
      const kept = await edge.events.joined(ref, internal, edge.clock());
      logger.info({ activityId: context.activity.id, joined: members.length, internal: internal.length, kept }, 'meeting participants joined');
    }
    await next();
  });
  bot.onTeamsMeetingEndEvent(async (meeting, context, next) => {
    const ref = meetingRefOf(context, meeting.id);
    if (ref) {
      const queued = await edge.events.ended(ref, edge.clock());
      logger.info({ activityId: context.activity.id, meetingKey: ref.meetingKey, queued }, 'meeting ended');
    }
    await next();
  });
}

function meetingRefOf(context: TurnContext, valueId: string | undefined): MeetingRef | undefined {
  const channelData = (context.activity.channelData ?? {}) as { meeting?: { id?: unknown } };
  const id = typeof channelData.meeting?.id === 'string' && channelData.meeting.id ? channelData.meeting.id : valueId;
  if (!id) return undefined;
  const tenantId = tenantIdOf(context.activity);
  return { meetingKey: meetingKeyOf(tenantId, id), tenantId };
}

/** Our key for a participant of the meeting's own tenant; nothing for anyone else, whose ids are not kept. */
function internalUserKey(member: TeamsMeetingMember, tenantId: string): string[] {
  const user = member.user as (TeamsMeetingMember['user'] & { userRole?: string }) | undefined;
  if (!user?.aadObjectId || !user.tenantId) return [];
  if (user.tenantId !== tenantId || outsideRoles.has(user.userRole ?? '')) return [];
  return [userKeyOf(user.tenantId, user.aadObjectId)];
}
