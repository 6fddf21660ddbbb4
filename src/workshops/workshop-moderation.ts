import { isThemeId } from '../content/themes';
import { UserFacingError } from '../core/errors';
import type { ActionOutcome } from '../core/reply';
import type { Turn } from '../core/turn';
import { mergeAnswers, separateAnswers } from './answer-merges';
import { canManage, type Workshop } from './workshop';
import type { WorkshopScreens } from './workshop-screens';
import type { WorkshopSnapshot } from './workshop-view';

type ActionData = Readonly<Record<string, unknown>>;

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/**
 * The facilitator's moderation of answers, by answer id only, so nobody learns who wrote what: hide, merge two that say
 * the same (undone with separate) and give an answer a theme for pledges. Rights come from turn.actor, never the card.
 */
export class WorkshopModeration {
  constructor(private readonly screens: WorkshopScreens) {}

  /** Hides the chosen answer and the answers merged into it. */
  async hide(turn: Turn, data: ActionData): Promise<ActionOutcome> {
    const { workshop, snapshot } = await this.moderated(turn, data);
    const answerId = chosenAnswer(snapshot, text(data.moderateAnswer) || text(data.answerId));
    const group = [answerId, ...(snapshot.sheet.absorbed.get(answerId) ?? []).map((answer) => answer.answerId)];
    for (const id of group) await this.screens.deps.collections.hide(snapshot.collection.id, id);
    await this.screens.publish(turn, workshop);
    return this.screens.outcome(turn, workshop, turn.t('workshops.card.hidden'));
  }

  /** "Merge into…": the facilitator's own view asks which answer keeps its wording. */
  async pickMergeTarget(turn: Turn, data: ActionData): Promise<ActionOutcome> {
    const { workshop, snapshot } = await this.moderated(turn, data);
    const answerId = chosenAnswer(snapshot, text(data.moderateAnswer));
    if (snapshot.sheet.answers.length < 2) throw new UserFacingError('workshops.errors.nothingToMerge');
    return this.screens.outcome(turn, workshop, '', { mergeSource: answerId });
  }

  async merge(turn: Turn, data: ActionData): Promise<ActionOutcome> {
    const { workshop, snapshot } = await this.moderated(turn, data);
    const from = chosenAnswer(snapshot, text(data.answerId));
    const target = text(data.mergeTarget);
    if (!target) return this.screens.outcome(turn, workshop, turn.t('workshops.errors.chooseMergeTarget'), { mergeSource: from });
    const into = chosenAnswer(snapshot, target);
    if (into === from) throw new UserFacingError('workshops.errors.nothingToMerge');
    const merged = await this.screens.deps.workshops.change(workshop.id, (current) => ({ ...current, merges: mergeAnswers(current.merges, from, into) }));
    await this.screens.publish(turn, merged);
    return this.screens.outcome(turn, merged, turn.t('workshops.card.merged'));
  }

  /** Undoes a merge: the chosen answer and those merged into it count their own votes again. */
  async separate(turn: Turn, data: ActionData): Promise<ActionOutcome> {
    const { workshop, snapshot } = await this.moderated(turn, data);
    const answerId = chosenAnswer(snapshot, text(data.moderateAnswer));
    if (!snapshot.sheet.absorbed.has(answerId)) throw new UserFacingError('workshops.errors.notMerged');
    const separated = await this.screens.deps.workshops.change(workshop.id, (current) => ({ ...current, merges: separateAnswers(current.merges, answerId) }));
    await this.screens.publish(turn, separated);
    return this.screens.outcome(turn, separated, turn.t('workshops.card.separated'));
  }

  /** The theme an answer practises when someone pledges it (otherwise the prompt's theme). */
  async setTheme(turn: Turn, data: ActionData): Promise<ActionOutcome> {
    const { workshop, snapshot } = await this.moderated(turn, data);
    const answerId = chosenAnswer(snapshot, text(data.moderateAnswer));
    const theme = text(data.answerTheme);
    if (!isThemeId(theme)) throw new UserFacingError('workshops.errors.chooseTheme');
    const themed = await this.screens.deps.workshops.change(workshop.id, (current) => ({ ...current, answerThemes: { ...current.answerThemes, [answerId]: theme } }));
    await this.screens.publish(turn, themed);
    return this.screens.outcome(turn, themed, turn.t('workshops.card.themeSet', { theme: this.screens.deps.themes.text(theme, turn.locale).name }));
  }

  /** A running workshop this person runs, with its answers visible to moderate; refused on the server whatever the card says. */
  private async moderated(turn: Turn, data: ActionData): Promise<{ workshop: Workshop; snapshot: WorkshopSnapshot }> {
    const workshop = await this.screens.deps.workshops.get(text(data.workshopId), turn.conversation.key);
    if (!canManage(workshop, turn.actor.userKey)) throw new UserFacingError('workshops.errors.notFacilitator');
    if (workshop.phase === 'closed') throw new UserFacingError('workshops.errors.closed');
    if (workshop.phase !== 'answering' && workshop.phase !== 'voting') throw new UserFacingError('workshops.errors.gone');
    const snapshot = await this.screens.snapshot(workshop, turn);
    if (!snapshot.results.visible) throw new UserFacingError('workshops.errors.notRevealed');
    return { workshop, snapshot };
  }
}

/** The kept answer behind an answer id from the card; refused when it is not on the sheet (hidden, withdrawn, or forged). */
function chosenAnswer(snapshot: WorkshopSnapshot, answerId: string): string {
  if (!answerId) throw new UserFacingError('workshops.errors.chooseAnswer');
  const kept = snapshot.sheet.canonical(answerId);
  if (!snapshot.sheet.answers.some((answer) => answer.answerId === kept)) throw new UserFacingError('workshops.errors.noSuchAnswer');
  return kept;
}
