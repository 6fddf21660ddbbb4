import type { CheckinSchedule } from '../checkins/checkin';
import { deliveryKeys } from '../checkins/checkin';
import { questionSetOf, type CheckinDependencies } from '../checkins/checkin-context';
import { setTitle } from '../checkins/checkin-views';
import type { Collections } from '../collect/collections';
import { escapeCardMarkdown } from '../collect/safe-text';
import type { CardChoice } from '../cards/card-parts';
import type { Turn } from '../core/turn';
import { noticeDelivery } from '../delivery/notice-handler';
import type { Workshop } from '../workshops/workshop';
import type { WorkshopRepository } from '../workshops/workshop-repository';

const stop = 'stop';
const toCoFacilitators = 'co-facilitators';

/** What the person runs for others, found before their data goes: check-ins they own, workshops they facilitate. */
export interface RunningThing {
  /** The input id on the confirmation card. */
  readonly inputId: string;
  readonly label: string;
  readonly choices: readonly CardChoice[];
}

export interface RunningDependencies {
  readonly checkins: CheckinDependencies;
  readonly workshops: WorkshopRepository;
  readonly collections: Collections;
}

const open = (workshop: Workshop): boolean => workshop.phase === 'draft' || workshop.phase === 'answering' || workshop.phase === 'voting';

/** Hands over or stops what a person runs; the team is told in the conversation when a check-in stops. */
export class RunningThings {
  constructor(private readonly deps: RunningDependencies) {}

  async of(turn: Turn): Promise<RunningThing[]> {
    const { userKey } = turn.actor;
    const things: RunningThing[] = [];
    for (const schedule of await this.deps.checkins.repository.schedulesOwnedBy(userKey)) {
      const colleagues = schedule.members.filter((member) => member.userKey !== userKey && member.displayName !== '');
      things.push({
        inputId: `handover:checkin:${schedule.id}`,
        label: turn.t('privacy.delete.runs.checkin', { title: this.titleOf(schedule, turn) }),
        choices: [{ title: turn.t('privacy.delete.runs.stopCheckin'), value: stop }, ...colleagues.map((member) => ({ title: turn.t('privacy.delete.runs.handTo', { name: member.displayName }), value: member.userKey }))],
      });
    }
    for (const workshop of (await this.deps.workshops.all()).filter((candidate) => candidate.facilitatorKey === userKey && open(candidate))) {
      const others = workshop.coFacilitatorKeys.filter((key) => key !== userKey);
      things.push({
        inputId: `handover:workshop:${workshop.id}`,
        label: turn.t('privacy.delete.runs.workshop', { date: workshop.createdAt.slice(0, 10) }),
        choices: [{ title: turn.t('privacy.delete.runs.closeWorkshop'), value: stop }, ...(others.length > 0 ? [{ title: turn.t('privacy.delete.runs.toCoFacilitators'), value: toCoFacilitators }] : [])],
      });
    }
    return things;
  }

  /** Carries out the choices on the card (anything not offered means "stop"); returns one plain line per thing. */
  async settle(turn: Turn, data: Readonly<Record<string, unknown>>): Promise<string[]> {
    const { userKey } = turn.actor;
    const lines: string[] = [];
    const { repository } = this.deps.checkins;
    for (const schedule of await repository.schedulesOwnedBy(userKey)) {
      const title = this.titleOf(schedule, turn);
      const choice = data[`handover:checkin:${schedule.id}`];
      const heir = schedule.members.find((member) => member.userKey === choice && member.userKey !== userKey);
      if (heir) {
        await repository.changeSchedule(schedule.id, userKey, (latest) => ({ ...latest, ownerKey: heir.userKey, ownerName: heir.displayName }));
        lines.push(turn.t('privacy.deleted.handedOver', { title, name: escapeCardMarkdown(heir.displayName) }));
      } else {
        await this.stopCheckin(schedule, turn);
        lines.push(turn.t('privacy.deleted.checkinStopped', { title }));
      }
    }
    for (const workshop of (await this.deps.workshops.all()).filter((candidate) => candidate.facilitatorKey === userKey && open(candidate))) {
      const date = workshop.createdAt.slice(0, 10);
      const others = workshop.coFacilitatorKeys.filter((key) => key !== userKey);
      const [heir, ...rest] = others;
      if (data[`handover:workshop:${workshop.id}`] === toCoFacilitators && heir) {
        await this.deps.workshops.change(workshop.id, (latest) => ({ ...latest, facilitatorKey: heir, facilitatorName: '', coFacilitatorKeys: rest }));
        lines.push(turn.t('privacy.deleted.workshopHandedOver', { date }));
      } else {
        await this.deps.workshops.change(workshop.id, (latest) =>
          latest.phase === 'draft' ? { ...latest, phase: 'cancelled' } : { ...latest, phase: 'closed', closedAt: turn.now.toISOString() },
        );
        if (workshop.collectionId) await this.deps.collections.close(workshop.collectionId, turn.now);
        lines.push(turn.t('privacy.deleted.workshopClosed', { date }));
      }
    }
    return lines;
  }

  private async stopCheckin(schedule: CheckinSchedule, turn: Turn): Promise<void> {
    const { repository, queue, translator } = this.deps.checkins;
    await repository.removeSchedule(schedule.id);
    for (const occurrenceId of schedule.occurrenceIds) {
      await queue.cancelPending(deliveryKeys.ask(occurrenceId));
      await queue.cancelPending(deliveryKeys.nudge(occurrenceId));
    }
    // The team hears it where the check-in lives, without a word about why or whose data went.
    const reader = { t: translator.forLocale(schedule.locale), locale: schedule.locale, timeZone: schedule.rule.timeZone, now: turn.now };
    await queue.enqueue([
      noticeDelivery({
        occurrenceKey: `checkin-stopped:${schedule.id}`,
        recipientKey: schedule.conversationKey,
        tenantId: schedule.tenantId,
        destination: { conversationKey: schedule.conversationKey },
        dueAt: turn.now,
        notice: { key: 'privacy.notices.checkinStopped', params: { title: this.titleOf(schedule, { ...turn, t: reader.t, locale: reader.locale }) }, locale: schedule.locale },
      }),
    ]);
  }

  /** A question set removed from content must not stop a person from deleting their data. */
  private titleOf(schedule: CheckinSchedule, turn: Turn): string {
    const reader = { t: turn.t, locale: turn.locale, timeZone: schedule.rule.timeZone, now: turn.now };
    try {
      return escapeCardMarkdown(setTitle(questionSetOf(this.deps.checkins, schedule), reader));
    } catch {
      return turn.t('checkins.errors.setGone');
    }
  }
}
