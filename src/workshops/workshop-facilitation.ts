import type { Question } from '../collect';
import { UserFacingError } from '../core/errors';
import { cardReply, type ActionOutcome, type Reply } from '../core/reply';
import type { Turn } from '../core/turn';
import type { ExportOffers } from '../exports/export-offers';
import { csvFile, fileBaseName, markdownFile } from '../exports/file-export';
import { promptWords } from './prompt-words';
import { anonymousMinResponses, canManage, defaultVotesPerPerson, maxFreeTextAnswers, type Workshop } from './workshop';
import type { WorkshopScreens } from './workshop-screens';
import { parseSetup } from './workshop-setup-view';
import { exportCsv, exportMarkdown, summarise, summaryCardView, type WorkshopSummary } from './workshop-summary';

type ActionData = Readonly<Record<string, unknown>>;

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
const running = (workshop: Workshop): boolean => workshop.phase === 'answering' || workshop.phase === 'voting';

/** What only the facilitator and co-facilitators do: set up, reveal, open voting, close, export (moderation has its own class). Rights come from turn.actor. */
export class WorkshopFacilitation {
  constructor(
    private readonly screens: WorkshopScreens,
    private readonly exports: ExportOffers,
  ) {}

  /** `workshop`: a draft and its setup card, posted by the bot itself when it can, so it can update that one card later. */
  async start(turn: Turn): Promise<readonly Reply[]> {
    const { workshops, logger, messenger } = this.screens.deps;
    const draft: Workshop = {
      id: workshops.newId(turn.conversation.key, turn.now),
      conversationKey: turn.conversation.key,
      facilitatorKey: turn.actor.userKey,
      facilitatorName: turn.actor.displayName,
      coFacilitatorKeys: [],
      locale: turn.locale,
      phase: 'draft',
      votesPerPerson: defaultVotesPerPerson,
      createdAt: turn.now.toISOString(),
    };
    await workshops.create(draft);
    const view = await this.screens.baseView(turn, draft);
    try {
      const [activityId] = await messenger.send({ conversationKey: draft.conversationKey }, [cardReply(view)]);
      if (activityId) await workshops.change(draft.id, (workshop) => ({ ...workshop, cardActivityId: activityId }));
      return [];
    } catch (error) {
      logger.warn({ err: error, conversationKey: draft.conversationKey }, 'could not post the workshop card proactively; replying instead');
      return [cardReply(view)];
    }
  }

  async post(turn: Turn, data: ActionData): Promise<ActionOutcome> {
    const { workshops, collections, templates } = this.screens.deps;
    const draft = await this.workshop(turn, data);
    if (draft.facilitatorKey !== turn.actor.userKey) throw new UserFacingError('workshops.errors.notFacilitator');
    if (draft.phase !== 'draft') throw new UserFacingError('workshops.errors.notDraft');
    const choices = parseSetup(data, templates, turn.timeZone, turn.now);
    const optionCount = choices.prompt.templateId ? (templates.find(choices.prompt.templateId)?.en.options?.length ?? 0) : 0;
    const question: Question = { id: 'q1', form: choices.prompt.form, ...(optionCount > 0 ? { optionCount } : {}) };
    const several = choices.multipleAnswers ? (question.form === 'free-text' ? maxFreeTextAnswers : question.form === 'options' ? optionCount : 1) : 1;
    const collection = await collections.create(
      {
        purpose: 'workshop',
        questions: [question],
        settings: {
          anonymous: choices.anonymous,
          minResponses: choices.anonymous ? anonymousMinResponses : 1,
          maxAnswersPerPerson: several,
          resultsShown: choices.hiddenUntilReveal ? 'when-revealed' : 'live',
          ...(choices.closesAt ? { closesAt: choices.closesAt.toISOString() } : {}),
        },
      },
      turn.now,
    );
    const posted = await workshops.change(draft.id, (workshop) =>
      workshop.phase === 'draft' ? { ...workshop, phase: 'answering', prompt: choices.prompt, collectionId: collection.id, votesPerPerson: choices.votesPerPerson } : workshop,
    );
    if (posted.collectionId !== collection.id) throw new UserFacingError('workshops.errors.notDraft');
    await this.screens.publish(turn, posted);
    return this.screens.outcome(turn, posted, turn.t('workshops.card.posted'));
  }

  async cancel(turn: Turn, data: ActionData): Promise<ActionOutcome> {
    const draft = await this.workshop(turn, data);
    if (draft.facilitatorKey !== turn.actor.userKey) throw new UserFacingError('workshops.errors.notFacilitator');
    const cancelled = await this.screens.deps.workshops.change(draft.id, (workshop) => (workshop.phase === 'draft' ? { ...workshop, phase: 'cancelled' } : workshop));
    if (cancelled.phase !== 'cancelled') throw new UserFacingError('workshops.errors.notDraft');
    await this.screens.publish(turn, cancelled);
    return this.screens.outcome(turn, cancelled);
  }

  async reveal(turn: Turn, data: ActionData): Promise<ActionOutcome> {
    const workshop = await this.managed(turn, data);
    const { collections } = this.screens.deps;
    const collection = await collections.get(workshop.collectionId ?? '');
    const { respondents } = await collections.sheet(collection);
    if (respondents < collection.settings.minResponses) throw new UserFacingError('workshops.errors.tooFewToReveal', { min: collection.settings.minResponses });
    await collections.reveal(collection.id);
    await this.screens.publish(turn, workshop);
    return this.screens.outcome(turn, workshop, turn.t('workshops.card.revealed'));
  }

  async openVoting(turn: Turn, data: ActionData): Promise<ActionOutcome> {
    const workshop = await this.managed(turn, data);
    const snapshot = await this.screens.snapshot(workshop, turn);
    if (!snapshot.results.visible) throw new UserFacingError('workshops.errors.notRevealed');
    if (snapshot.collection.questions[0]?.form !== 'free-text') throw new UserFacingError('workshops.errors.votingTextOnly');
    const voting = await this.screens.deps.workshops.change(workshop.id, (current) => (current.phase === 'answering' ? { ...current, phase: 'voting' } : current));
    await this.screens.publish(turn, voting);
    return this.screens.outcome(turn, voting, turn.t('workshops.card.votingOpened'));
  }

  /** Shows a member picker on the facilitator's own view (mentions are stripped before commands, so a button does this). */
  async showPicker(turn: Turn, data: ActionData): Promise<ActionOutcome> {
    const workshop = await this.managed(turn, data);
    const members = await this.screens.members(turn);
    if (!members) throw new UserFacingError('workshops.errors.rosterUnavailable');
    const choices = members.filter((member) => !canManage(workshop, member.userKey)).map((member) => ({ title: member.displayName, value: member.userKey }));
    if (choices.length === 0) return this.screens.outcome(turn, workshop, turn.t('workshops.card.picker.nobody'));
    return this.screens.outcome(turn, workshop, '', { pickerChoices: choices });
  }

  async addCoFacilitator(turn: Turn, data: ActionData): Promise<ActionOutcome> {
    const workshop = await this.managed(turn, data);
    const chosen = (await this.screens.members(turn))?.find((member) => member.userKey === text(data.coFacilitator));
    if (!chosen) throw new UserFacingError('workshops.errors.notMember');
    const updated = await this.screens.deps.workshops.change(workshop.id, (current) =>
      canManage(current, chosen.userKey) ? current : { ...current, coFacilitatorKeys: [...current.coFacilitatorKeys, chosen.userKey] },
    );
    await this.screens.publish(turn, updated);
    return this.screens.outcome(turn, updated, turn.t('workshops.card.picker.added', { name: chosen.displayName }));
  }

  async close(turn: Turn, data: ActionData): Promise<ActionOutcome> {
    const { closed, summary } = await this.closeWorkshop(turn, await this.managed(turn, data));
    const outcome = await this.screens.outcome(turn, closed, turn.t('workshops.card.closedNotice'));
    return { ...outcome, replies: [summary] };
  }

  /** `workshop close`: the latest running workshop here that the person runs. */
  async closeLatest(turn: Turn): Promise<readonly Reply[]> {
    const workshop = await this.screens.deps.workshops.latest(turn.conversation.key, (candidate) => running(candidate) && canManage(candidate, turn.actor.userKey));
    if (!workshop) throw new UserFacingError('workshops.errors.noneHere');
    return [(await this.closeWorkshop(turn, workshop)).summary];
  }

  async export(turn: Turn, data: ActionData): Promise<ActionOutcome> {
    return { replies: await this.exportWorkshop(turn, await this.managed(turn, data, true)) };
  }

  /** `workshop export`: the latest posted workshop here that the person runs. */
  async exportLatest(turn: Turn): Promise<readonly Reply[]> {
    const workshop = await this.screens.deps.workshops.latest(
      turn.conversation.key,
      (candidate) => (running(candidate) || candidate.phase === 'closed') && canManage(candidate, turn.actor.userKey),
    );
    if (!workshop) throw new UserFacingError('workshops.errors.noneHere');
    return this.exportWorkshop(turn, workshop);
  }

  private async closeWorkshop(turn: Turn, workshop: Workshop): Promise<{ closed: Workshop; summary: Reply }> {
    await this.screens.deps.collections.close(workshop.collectionId ?? '', turn.now);
    const closed = await this.screens.deps.workshops.change(workshop.id, (current) =>
      running(current) ? { ...current, phase: 'closed', closedAt: turn.now.toISOString() } : current,
    );
    await this.screens.publish(turn, closed);
    return { closed, summary: cardReply(summaryCardView(await this.summary(turn, closed), turn.t)) };
  }

  /** Markdown and CSV files from the same anonymised summary, offered to the person who asked in their 1:1 chat. */
  private async exportWorkshop(turn: Turn, workshop: Workshop): Promise<readonly Reply[]> {
    const summary = await this.summary(turn, workshop);
    if (!summary.visible) throw new UserFacingError('workshops.errors.notRevealed');
    const name = fileBaseName(turn.t('workshops.export.filePrefix'), summary.title, turn.now);
    return this.exports.offer(turn, [
      markdownFile(name, exportMarkdown(summary, turn.t), turn.t('workshops.export.markdownDescription', { title: summary.title })),
      csvFile(name, exportCsv(summary, turn.t), turn.t('workshops.export.csvDescription', { title: summary.title })),
    ]);
  }

  private async summary(turn: Turn, workshop: Workshop): Promise<WorkshopSummary> {
    const { templates, themes, workshops, pledges } = this.screens.deps;
    const snapshot = await this.screens.snapshot(workshop, turn);
    const words = promptWords(workshop.prompt ?? { form: 'free-text' }, templates, themes, turn.locale, turn.t);
    const { voters } = await workshops.tally(workshop.id);
    return summarise(snapshot, words, voters, await pledges.ofWorkshop(workshop.id), themes, turn.locale);
  }

  private async workshop(turn: Turn, data: ActionData): Promise<Workshop> {
    return this.screens.deps.workshops.get(text(data.workshopId), turn.conversation.key);
  }

  /** A posted workshop this person runs; refused on the server whatever the card says. */
  private async managed(turn: Turn, data: ActionData, closedToo = false): Promise<Workshop> {
    const workshop = await this.workshop(turn, data);
    if (!canManage(workshop, turn.actor.userKey)) throw new UserFacingError('workshops.errors.notFacilitator');
    if (!running(workshop) && !(closedToo && workshop.phase === 'closed')) throw new UserFacingError(workshop.phase === 'closed' ? 'workshops.errors.closed' : 'workshops.errors.gone');
    return workshop;
  }
}
