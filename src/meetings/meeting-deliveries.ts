import { cardReply, textReply } from '../core/reply';
import type { Locale } from '../core/locale';
import type { Translate, Translator } from '../core/translator';
import type { Delivery } from '../delivery/delivery';
import type { DeliveryHandler } from '../delivery/delivery-handler';
import type { UserSettingsRepository } from '../home/user-settings';
import { formatInstant } from '../schedules/describe';
import { followUpKind, reflectionKind } from './meeting';
import type { MeetingRepository } from './meeting-repository';
import { reflectionForm } from './meeting-views';
import { isActive } from './reflection-settings';

export interface MeetingDeliveryDependencies {
  readonly repository: MeetingRepository;
  readonly settings: UserSettingsRepository;
  readonly translator: Translator;
}

const meetingKeyIn = (delivery: Delivery): string => (typeof delivery.payload.meetingKey === 'string' ? delivery.payload.meetingKey : '');

async function readerFor(deps: MeetingDeliveryDependencies, userKey: string): Promise<{ t: Translate; locale: Locale }> {
  const locale = (await deps.settings.get(userKey)).locale ?? 'en';
  return { t: deps.translator.forLocale(locale), locale };
}

/** The reflection card in the 1:1 chat, decided at send time: not after opting out, deleting one's data or answering. */
export function reflectionDeliveryHandler(deps: MeetingDeliveryDependencies, clock: () => Date): DeliveryHandler {
  return {
    kind: reflectionKind,
    prepare: async (delivery) => {
      const meetingKey = meetingKeyIn(delivery);
      const userKey = delivery.recipientKey;
      if (!(await deps.repository.attendance(meetingKey, userKey))) return { kind: 'cancel', reason: 'attendance deleted' };
      if (!isActive((await deps.repository.settings(userKey))?.settings, clock())) return { kind: 'cancel', reason: 'opted out or paused' };
      if (await deps.repository.reflection(meetingKey, userKey)) return { kind: 'cancel', reason: 'answered' };
      return { kind: 'send', replies: [cardReply(reflectionForm(await readerFor(deps, userKey), meetingKey))] };
    },
  };
}

/** The reminder of a follow-up at the time the person named; cancelled when the reflection was deleted. */
export function followUpDeliveryHandler(deps: MeetingDeliveryDependencies): DeliveryHandler {
  return {
    kind: followUpKind,
    prepare: async (delivery) => {
      const reflection = await deps.repository.reflection(meetingKeyIn(delivery), delivery.recipientKey);
      const followUp = reflection?.followUp;
      if (!reflection || !followUp?.remindAt || followUp.remindAt !== delivery.payload.remindAt) return { kind: 'cancel', reason: 'follow-up gone' };
      const { t, locale } = await readerFor(deps, delivery.recipientKey);
      const when = formatInstant(new Date(reflection.answeredAt), followUp.timeZone, locale);
      return { kind: 'send', replies: [textReply(t('meetings.followUpReminder', { text: followUp.text, when }))] };
    },
  };
}
