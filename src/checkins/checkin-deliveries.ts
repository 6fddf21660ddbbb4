import { cardReply, textReply } from '../core/reply';
import type { Delivery } from '../delivery/delivery';
import type { DeliveryHandler, Prepared } from '../delivery/delivery-handler';
import { noticeDelivery } from '../delivery/notice-handler';
import { formatInstant } from '../schedules/describe';
import { deliveryKeys, deliveryKinds, optedOutAt, refreshUserIdsOf, scheduleIdOf, type CheckinOccurrence, type CheckinSchedule } from './checkin';
import { occurrenceIdFrom, questionSetOf, readerFor, type CheckinDependencies } from './checkin-context';
import { CheckinSummaries } from './checkin-summaries';
import { questionView, setTitle, type Reader } from './checkin-views';

interface Loaded {
  readonly schedule: CheckinSchedule;
  readonly occurrence: CheckinOccurrence;
}

const cancel = (reason: string, missed = false): Prepared => ({ kind: 'cancel', reason, missed });

/** Renders check-in messages when they are due, and follows up on how they went. */
export function checkinDeliveryHandlers(deps: CheckinDependencies, clock: () => Date): DeliveryHandler[] {
  const summaries = new CheckinSummaries(deps);

  const load = async (delivery: Delivery): Promise<Loaded | undefined> => {
    const occurrenceId = occurrenceIdFrom(delivery.payload);
    const schedule = (await deps.repository.schedule(scheduleIdOf(occurrenceId)))?.schedule;
    const occurrence = await deps.repository.occurrence(occurrenceId);
    return schedule && occurrence ? { schedule, occurrence } : undefined;
  };
  /** Why this person should not get it now, if anything: schedule gone or paused, window closed, opted out. */
  const stopReason = async (delivery: Delivery, loaded: Loaded | undefined, now: Date): Promise<Prepared | undefined> => {
    if (!loaded) return cancel('schedule deleted');
    if (loaded.schedule.status !== 'active') return cancel('schedule paused');
    if (loaded.occurrence.closed || Date.parse(loaded.occurrence.closesAt) <= now.getTime()) return cancel('closed before it could be sent', true);
    if ('userKey' in delivery.destination && optedOutAt(await deps.repository.optOut(loaded.schedule.id, delivery.destination.userKey), now)) {
      return cancel('opted out');
    }
    return undefined;
  };
  const readerOf = async (delivery: Delivery, schedule: CheckinSchedule): Promise<Reader> => {
    const fallback = { locale: schedule.locale, timeZone: schedule.rule.timeZone };
    if (!('userKey' in delivery.destination)) return { ...fallback, t: deps.translator.forLocale(schedule.locale), now: clock() };
    return readerFor(deps, delivery.destination.userKey, fallback, clock());
  };
  /** Tells the owner once per schedule and person who cannot be reached, and how to fix it. */
  const unreachable = async (delivery: Delivery): Promise<void> => {
    const loaded = await load(delivery);
    if (!loaded) return;
    const { schedule } = loaded;
    const member = schedule.members.find((candidate) => candidate.userKey === delivery.recipientKey);
    const owner = await readerFor(deps, schedule.ownerKey, { locale: schedule.locale, timeZone: schedule.rule.timeZone }, clock());
    const key = schedule.audience === 'channel' ? 'checkins.notices.channelUnreachable' : 'checkins.notices.unreachable';
    await deps.queue.enqueue([
      noticeDelivery({
        occurrenceKey: `${deliveryKeys.unreachable(schedule.id)}:${delivery.recipientKey}`,
        recipientKey: schedule.ownerKey,
        tenantId: schedule.tenantId,
        destination: { userKey: schedule.ownerKey },
        dueAt: clock(),
        notice: { key, params: { name: member?.displayName ?? '?', title: setTitle(questionSetOf(deps, schedule), owner) }, locale: owner.locale },
      }),
    ]);
  };

  const ask: DeliveryHandler = {
    kind: deliveryKinds.ask,
    prepare: async (delivery) => {
      const loaded = await load(delivery);
      const stop = await stopReason(delivery, loaded, clock());
      if (stop || !loaded) return stop ?? cancel('schedule deleted');
      const reader = await readerOf(delivery, loaded.schedule);
      const personal = 'userKey' in delivery.destination;
      const refreshUserIds = refreshUserIdsOf(loaded.schedule, personal ? delivery.recipientKey : undefined);
      const view = questionView(loaded.schedule, loaded.occurrence, questionSetOf(deps, loaded.schedule), reader, { open: true, notice: '', own: [], personal, refreshUserIds });
      return { kind: 'send', replies: [cardReply(view)] };
    },
    unreachable,
  };

  /** The card that was posted says it is closed: the same card, updated in place, for everyone it went to. */
  const closed: DeliveryHandler = {
    kind: deliveryKinds.closed,
    prepare: async (delivery) => {
      const loaded = await load(delivery);
      if (!loaded) return cancel('schedule deleted');
      const { schedule, occurrence } = loaded;
      const asked = await deps.queue.find(deliveryKeys.ask(occurrence.id), delivery.recipientKey);
      const activityId = asked?.status === 'sent' ? asked.activityIds[0] : undefined;
      const personal = 'userKey' in delivery.destination;
      const conversationKey = 'userKey' in delivery.destination ? await deps.personalChatOf(delivery.destination.userKey) : delivery.destination.conversationKey;
      if (!activityId || !conversationKey) return cancel('no posted card to close');
      const optOut = personal ? await deps.repository.optOut(schedule.id, delivery.recipientKey) : undefined;
      const refreshUserIds = refreshUserIdsOf(schedule, personal ? delivery.recipientKey : undefined);
      const view = questionView(schedule, occurrence, questionSetOf(deps, schedule), await readerOf(delivery, schedule), {
        open: false, notice: '', own: [], personal, stopped: optOut !== undefined && optOut.until === undefined, refreshUserIds,
      });
      return { kind: 'update', conversationKey, activityId, view };
    },
  };

  const nudge: DeliveryHandler = {
    kind: deliveryKinds.nudge,
    prepare: async (delivery) => {
      const loaded = await load(delivery);
      const stop = await stopReason(delivery, loaded, clock());
      if (stop || !loaded) return stop ?? cancel('schedule deleted');
      const { schedule, occurrence } = loaded;
      const reader = await readerOf(delivery, schedule);
      const collection = occurrence.collectionId ? await deps.collections.get(occurrence.collectionId) : undefined;
      if (!collection) return cancel('no answers collected');
      const personal = 'userKey' in delivery.destination;
      const anonymous = personal && collection.settings.anonymous;
      // Anonymous: decided from the count alone, the same for everyone, so no person's row says whether they answered.
      if (anonymous && (await deps.collections.results(collection)).respondents >= occurrence.invited) return cancel('everyone answered');
      if (personal && !anonymous && (await deps.collections.ownAnswers(collection, delivery.destination.userKey)).length > 0) {
        return cancel('answered already');
      }
      const params = { title: setTitle(questionSetOf(deps, schedule), reader), closes: formatInstant(new Date(occurrence.closesAt), reader.timeZone, reader.locale) };
      const key = anonymous ? 'checkins.notices.nudgeAnonymous' : personal ? 'checkins.notices.nudge' : 'checkins.notices.nudgeChannel';
      return { kind: 'send', replies: [textReply(reader.t(key, params))] };
    },
  };

  const summary: DeliveryHandler = {
    kind: deliveryKinds.summary,
    prepare: async (delivery) => {
      const loaded = await load(delivery);
      if (!loaded) return cancel('schedule deleted');
      return { kind: 'send', replies: [cardReply(await summaries.view(loaded.schedule, loaded.occurrence, clock()))] };
    },
    delivered: async (delivery, activityIds) => {
      const conversationKey = await deps.personalChatOf(delivery.recipientKey);
      const activityId = activityIds[0];
      if (!conversationKey || !activityId) return;
      await deps.repository.changeOccurrence(occurrenceIdFrom(delivery.payload), (current) => ({ ...current, summary: { conversationKey, activityId } }));
    },
  };

  const refresh: DeliveryHandler = {
    kind: deliveryKinds.refresh,
    prepare: async (delivery) => {
      const loaded = await load(delivery);
      if (!loaded?.occurrence.summary) return cancel('no summary card to update yet');
      const { conversationKey, activityId } = loaded.occurrence.summary;
      return { kind: 'update', conversationKey, activityId, view: await summaries.view(loaded.schedule, loaded.occurrence, clock()) };
    },
  };

  const share: DeliveryHandler = {
    kind: deliveryKinds.share,
    prepare: async (delivery) => {
      const loaded = await load(delivery);
      if (!loaded) return cancel('schedule deleted');
      const view = await summaries.teamView(loaded.schedule, loaded.occurrence, clock());
      return view ? { kind: 'send', replies: [cardReply(view)] } : cancel('too few answers to share');
    },
    unreachable,
  };

  return [ask, closed, nudge, summary, refresh, share];
}
