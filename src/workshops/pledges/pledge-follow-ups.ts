import type { ThemeCatalog } from '../../content/themes';
import { cardReply } from '../../core/reply';
import type { Translator } from '../../core/translator';
import type { Delivery, DeliveryQueue } from '../../delivery/delivery';
import type { DeliveryHandler } from '../../delivery/delivery-handler';
import type { Planner } from '../../delivery/delivery-service';
import type { UserSettingsRepository } from '../../home/user-settings';
import type { Logger } from '../../logger';
import { VersionConflictError } from '../../storage/store';
import { pledgeFollowUpView, practiseVerb } from './pledge-follow-up-view';
import type { DueFollowUp, Pledges } from './pledges';

export const pledgeFollowUpKind = 'workshop.pledge-follow-up';

/** One per pledge and follow-up date, so a restart or a second instance never queues it twice. */
export const pledgeOccurrenceKey = (due: Pick<DueFollowUp, 'pledgeId' | 'followUpAt'>): string => `pledge:${due.pledgeId}:${due.followUpAt}`;

export interface PledgeFollowUpDependencies {
  readonly pledges: Pledges;
  readonly queue: Pick<DeliveryQueue, 'enqueue'>;
  readonly settings: UserSettingsRepository;
  readonly translator: Translator;
  readonly themes: ThemeCatalog;
  /** Card verbs the bot has: the practice button shows only when exercises are there. */
  readonly availableVerbs: () => ReadonlySet<string>;
  readonly logger: Logger;
}

/** Queues the week-later follow-up of each due pledge into the person's 1:1 chat, then marks the pledge. */
export class PledgeFollowUpPlanner implements Planner {
  readonly name = 'workshop pledge follow-ups';

  constructor(private readonly deps: PledgeFollowUpDependencies) {}

  async plan(now: Date): Promise<number> {
    let added = 0;
    for (const due of await this.deps.pledges.dueFollowUps(now)) {
      try {
        added += await this.planOne(due, now);
      } catch (error) {
        this.deps.logger.error({ err: error, pledgeId: due.pledgeId }, 'could not plan a pledge follow-up');
      }
    }
    return added;
  }

  /** Enqueue first: a crash before the mark only re-enqueues next round, which the unique key makes a no-op. */
  private async planOne(due: DueFollowUp, now: Date): Promise<number> {
    const added = await this.deps.queue.enqueue([
      {
        occurrenceKey: pledgeOccurrenceKey(due),
        recipientKey: due.userKey,
        kind: pledgeFollowUpKind,
        tenantId: due.tenantId,
        destination: { userKey: due.userKey },
        payload: { pledgeId: due.pledgeId, followUpAt: due.followUpAt },
        dueAt: now,
      },
    ]);
    try {
      await this.deps.pledges.markFollowedUp(due.pledgeId, now);
    } catch (error) {
      // Another instance marked it at the same moment; its enqueue and ours were the same row.
      if (!(error instanceof VersionConflictError)) throw error;
    }
    return added;
  }
}

/** Renders the follow-up at send time in the person's language; cancelled when the pledge was deleted or made anew. */
export function pledgeFollowUpHandler(deps: PledgeFollowUpDependencies): DeliveryHandler {
  return {
    kind: pledgeFollowUpKind,
    prepare: async (delivery: Delivery) => {
      const pledgeId = typeof delivery.payload.pledgeId === 'string' ? delivery.payload.pledgeId : '';
      const found = await deps.pledges.byId(pledgeId);
      if (!found || found.owner !== delivery.recipientKey) return { kind: 'cancel', reason: 'pledge deleted' };
      if (found.pledge.followUpAt !== delivery.payload.followUpAt) return { kind: 'cancel', reason: 'pledge made anew' };
      const locale = (await deps.settings.get(delivery.recipientKey)).locale ?? 'en';
      const reader = { t: deps.translator.forLocale(locale), locale, canPractise: deps.availableVerbs().has(practiseVerb) };
      return { kind: 'send', replies: [cardReply(pledgeFollowUpView(pledgeId, found.pledge, deps.themes, reader))] };
    },
  };
}
