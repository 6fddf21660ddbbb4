import { UserFacingError } from '../core/errors';
import type { ActionOutcome } from '../core/reply';
import type { Turn } from '../core/turn';
import type { DeliveryQueue } from '../delivery/delivery';
import { followUpKind, followUpOccurrenceKey, type MeetingReflection } from './meeting';
import type { MeetingRepository } from './meeting-repository';
import { reflectionFacts, reflectionForm, reflectionSaved } from './meeting-views';
import { checkReflection, inputOf, ratingsOf } from './reflection-answers';

const meetingKeyPattern = /^m_[A-Za-z0-9_-]{22}$/;

/** Saving the reflection a person tapped on the card, and what "my data" shows of it. */
export class ReflectionService {
  constructor(
    private readonly repository: MeetingRepository,
    private readonly queue: Pick<DeliveryQueue, 'enqueue'>,
    private readonly fallbackTimeZone: string,
  ) {}

  async answer(turn: Turn, data: Readonly<Record<string, unknown>>): Promise<ActionOutcome> {
    if (turn.conversation.kind !== 'personal') throw new UserFacingError('meetings.errors.personalOnly');
    const userKey = turn.actor.userKey;
    const meetingKey = typeof data.meetingKey === 'string' && meetingKeyPattern.test(data.meetingKey) ? data.meetingKey : '';
    // Only someone who attended (and so got this card) can answer it; a card from before "delete my data" cannot.
    if (!meetingKey || !(await this.repository.attendance(meetingKey, userKey))) throw new UserFacingError('meetings.errors.gone');
    const earlier = await this.repository.reflection(meetingKey, userKey);
    if (earlier) return { update: reflectionSaved(turn, earlier) };

    const input = inputOf(data);
    const checked = checkReflection(input, turn.now, turn.timeZone ?? this.fallbackTimeZone);
    if (!checked.ok) return { update: reflectionForm(turn, meetingKey, input, turn.t(checked.problemKey)) };
    const reflection: MeetingReflection = {
      meetingKey,
      tenantId: turn.actor.tenantId,
      answeredAt: turn.now.toISOString(),
      answers: checked.answers,
      ratings: ratingsOf(checked.answers),
      ...(checked.followUp ? { followUp: checked.followUp } : {}),
    };
    if (!(await this.repository.saveReflection(userKey, reflection))) {
      // A double tap: the first answer stands and was queued by that tap.
      const raced = await this.repository.reflection(meetingKey, userKey);
      if (!raced) throw new UserFacingError('meetings.errors.gone');
      return { update: reflectionSaved(turn, raced) };
    }
    const remindAt = reflection.followUp?.remindAt;
    if (remindAt) {
      await this.queue.enqueue([
        {
          occurrenceKey: followUpOccurrenceKey(meetingKey, remindAt),
          recipientKey: userKey,
          kind: followUpKind,
          tenantId: turn.actor.tenantId,
          destination: { userKey },
          payload: { meetingKey, remindAt },
          dueAt: new Date(remindAt),
        },
      ]);
    }
    return { update: reflectionSaved(turn, reflection) };
  }

  async describe(userKey: string, turn: Turn): Promise<{ heading: string; lines: string[] } | undefined> {
    const { t } = turn;
    const settings = (await this.repository.settings(userKey))?.settings;
    const attended = await this.repository.attendanceOf(userKey);
    const reflections = await this.repository.reflectionsOf(userKey);
    if (!settings && attended.length === 0 && reflections.length === 0) return undefined;
    const lines = [
      ...(settings ? [t(settings.status === 'on' ? 'meetings.data.on' : 'meetings.data.off')] : []),
      ...(attended.length > 0 ? [t('meetings.data.attended', { count: attended.length })] : []),
      ...reflections
        .sort((a, b) => a.answeredAt.localeCompare(b.answeredAt))
        .map((reflection) => [
          t('meetings.data.reflection', { date: reflection.answeredAt.slice(0, 10) }),
          ...reflectionFacts(turn, reflection).map((fact) => `${fact.title} ${fact.value}`),
        ].join('; ')),
    ];
    return { heading: t('meetings.data.heading'), lines };
  }
}
