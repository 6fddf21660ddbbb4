import type { CardView } from '../cards/card-view';
import type { Collections } from '../collect';
import type { ThemeCatalog } from '../content/themes';
import type { Messenger } from '../core/messenger';
import type { ActionOutcome } from '../core/reply';
import type { Translator } from '../core/translator';
import type { ConversationMember, Turn } from '../core/turn';
import type { Logger } from '../logger';
import { applyMerges, countedVotes } from './answer-merges';
import type { Pledges } from './pledges/pledges';
import { canManage, maxRefreshUsers, type Workshop } from './workshop';
import type { WorkshopRepository } from './workshop-repository';
import { setupCardView } from './workshop-setup-view';
import type { WorkshopTemplates } from './workshop-templates';
import { workshopCardView, type Viewer, type WorkshopSnapshot } from './workshop-view';

/** What an action adds to the acting person's own view: a member picker, or the second step of a merge. */
export type ViewExtras = Pick<Viewer, 'pickerChoices' | 'mergeSource'>;

export interface WorkshopDependencies {
  readonly workshops: WorkshopRepository;
  readonly collections: Collections;
  readonly pledges: Pledges;
  readonly templates: WorkshopTemplates;
  readonly themes: ThemeCatalog;
  readonly translator: Translator;
  /** Updates the shared card for everyone (read when used: it is built after the cards); without it, others rely on refresh. */
  readonly messenger: Messenger;
  readonly logger: Logger;
}

/**
 * Renders the one workshop card: the shared base view (in the workshop's language, for everyone) and each person's
 * own view (returned to whoever acted). A Teams invoke response only replaces the card for the person who clicked, so
 * after every shared change the base card is updated through the messenger and carries refresh.userIds, which makes
 * each client (≤ 60 people) fetch its own view again.
 */
export class WorkshopScreens {
  private readonly rosters = new WeakMap<Turn, Promise<readonly ConversationMember[] | undefined>>();

  constructor(readonly deps: WorkshopDependencies) {}

  /** The roster once per turn; undefined when Teams does not give it (the card then has no user-specific views). */
  members(turn: Turn): Promise<readonly ConversationMember[] | undefined> {
    let roster = this.rosters.get(turn);
    if (!roster) {
      roster = turn.members().catch((error: unknown) => {
        this.deps.logger.warn({ err: error, conversationKey: turn.conversation.key }, 'could not read the roster for a workshop card');
        return undefined;
      });
      this.rosters.set(turn, roster);
    }
    return roster;
  }

  /** Everyone when the conversation is small enough for user-specific views, otherwise only the people running it. */
  async refreshUserIds(turn: Turn, workshop: Workshop): Promise<string[]> {
    const members = await this.members(turn);
    if (!members) return [];
    const chosen = members.length <= maxRefreshUsers ? members : members.filter((member) => canManage(workshop, member.userKey));
    return chosen.flatMap((member) => (member.channelUserId ? [member.channelUserId] : [])).slice(0, maxRefreshUsers);
  }

  async snapshot(workshop: Workshop, turn: Turn): Promise<WorkshopSnapshot> {
    const collection = await this.deps.collections.get(workshop.collectionId ?? '');
    const sheet = applyMerges(await this.deps.collections.sheet(collection), workshop.merges);
    const members = await this.members(turn);
    const results = await this.deps.collections.results(collection, members?.length);
    const { votes } = await this.deps.workshops.tally(workshop.id, sheet.canonical);
    return { workshop, collection, sheet, results, votes };
  }

  /** The acting person's own view, after the shared card has been brought up to date for everyone else. */
  async outcome(turn: Turn, workshop: Workshop, notice = '', extras: ViewExtras = {}): Promise<ActionOutcome> {
    return { update: await this.ownView(turn, workshop, notice, extras) };
  }

  async ownView(turn: Turn, workshop: Workshop, notice = '', extras: ViewExtras = {}): Promise<CardView> {
    const refreshUserIds = await this.refreshUserIds(turn, workshop);
    const managing = canManage(workshop, turn.actor.userKey);
    if (workshop.phase === 'draft' || workshop.phase === 'cancelled') {
      const canEdit = workshop.phase === 'draft' && workshop.facilitatorKey === turn.actor.userKey;
      return setupCardView(workshop, canEdit, { ...this.words(turn.locale), refreshUserIds, notice });
    }
    const snapshot = await this.snapshot(workshop, turn);
    const { collections, workshops, pledges } = this.deps;
    const viewer: Viewer = {
      canManage: managing,
      ownAnswers: await collections.ownAnswers(snapshot.collection, turn.actor.userKey),
      ownVotes: countedVotes(
        (await workshops.ownVotes(workshop.id, collections.respondentKey(snapshot.collection, turn.actor.userKey), snapshot.collection.settings.anonymous)).answerIds,
        snapshot.sheet.canonical,
      ),
      ownPledge: await pledges.own(workshop.id, turn.actor.userKey),
      ...extras,
    };
    return workshopCardView(snapshot, viewer, { ...this.words(turn.locale), timeZone: turn.timeZone, now: turn.now, refreshUserIds, notice });
  }

  /** The card everyone sees, in the workshop's language, with nothing personal on it. */
  async baseView(turn: Turn, workshop: Workshop): Promise<CardView> {
    const refreshUserIds = await this.refreshUserIds(turn, workshop);
    if (workshop.phase === 'draft' || workshop.phase === 'cancelled') {
      return setupCardView(workshop, workshop.phase === 'draft', { ...this.words(workshop.locale), refreshUserIds, notice: '' });
    }
    const snapshot = await this.snapshot(workshop, turn);
    return workshopCardView(snapshot, undefined, { ...this.words(workshop.locale), timeZone: turn.timeZone, now: turn.now, refreshUserIds, notice: '' });
  }

  /** Replaces the shared card for everyone; a failed update is logged and the person still gets their own view. */
  async publish(turn: Turn, workshop: Workshop): Promise<void> {
    const { logger } = this.deps;
    if (!workshop.cardActivityId) return;
    try {
      await this.deps.messenger.updateCard(workshop.conversationKey, workshop.cardActivityId, await this.baseView(turn, workshop));
    } catch (error) {
      logger.warn({ err: error, conversationKey: workshop.conversationKey, workshopId: workshop.id }, 'could not update the shared workshop card');
    }
  }

  private words(locale: Turn['locale']): { t: ReturnType<Translator['forLocale']>; locale: Turn['locale']; templates: WorkshopTemplates; themes: ThemeCatalog } {
    return { t: this.deps.translator.forLocale(locale), locale, templates: this.deps.templates, themes: this.deps.themes };
  }
}
