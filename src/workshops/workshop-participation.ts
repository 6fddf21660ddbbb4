import type { AnswerSubmission, Collection } from '../collect';
import { isThemeId } from '../content/themes';
import { UserFacingError } from '../core/errors';
import type { ActionOutcome } from '../core/reply';
import type { Turn } from '../core/turn';
import { countedVotes } from './answer-merges';
import { toggleVote, type Workshop } from './workshop';
import { ownPledgeChoice, pledgeOffers, pledgesOpen } from './workshop-card-sections';
import type { WorkshopScreens } from './workshop-screens';

type ActionData = Readonly<Record<string, unknown>>;

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** What everyone in the conversation does on the card: look, answer, vote and pledge. The actor is always the turn's. */
export class WorkshopParticipation {
  constructor(private readonly screens: WorkshopScreens) {}

  /** Refresh (automatic or by hand): the person's own view, or the setup form for the facilitator of a draft. */
  async view(turn: Turn, data: ActionData): Promise<ActionOutcome> {
    return this.screens.outcome(turn, await this.workshop(turn, data));
  }

  async answer(turn: Turn, data: ActionData): Promise<ActionOutcome> {
    const workshop = await this.posted(turn, data);
    const collection = await this.screens.deps.collections.get(workshop.collectionId ?? '');
    const answers = await this.screens.deps.collections.answer(
      collection.id,
      { userKey: turn.actor.userKey, displayName: turn.actor.displayName },
      [submissionFrom(collection, data)],
      turn.now,
    );
    await this.screens.publish(turn, workshop);
    return this.screens.outcome(turn, workshop, turn.t(answers.length > 0 ? 'workshops.card.saved' : 'workshops.card.withdrawn'));
  }

  /** Adds (or with `add` false, takes back) one of the person's dot-votes; a vote for a merged answer goes to the kept one. */
  async vote(turn: Turn, data: ActionData, add: boolean): Promise<ActionOutcome> {
    const workshop = await this.posted(turn, data);
    if (workshop.phase !== 'voting') throw new UserFacingError('workshops.errors.votingClosed');
    const { collections, workshops } = this.screens.deps;
    const { collection, sheet } = await this.screens.snapshot(workshop, turn);
    const answerId = sheet.canonical(text(data.answerId));
    if (!sheet.answers.some((answer) => answer.answerId === answerId)) throw new UserFacingError('workshops.errors.noSuchAnswer');
    const respondent = collections.respondentKey(collection, turn.actor.userKey);
    const current = await workshops.ownVotes(workshop.id, respondent, collection.settings.anonymous);
    if (countedVotes(current.answerIds, sheet.canonical).includes(answerId) === add) {
      return this.screens.outcome(turn, workshop, turn.t(add ? 'workshops.card.alreadyVoted' : 'workshops.card.notVoted'));
    }
    const next = toggleVote(current.answerIds, answerId, workshop.votesPerPerson, sheet.canonical);
    if (!next) throw new UserFacingError('workshops.errors.noVotesLeft', { votes: workshop.votesPerPerson });
    const owner = collection.settings.anonymous ? undefined : turn.actor.userKey;
    await workshops.saveVotes(workshop.id, respondent, owner, next, current.version);
    await this.screens.publish(turn, workshop);
    return this.screens.outcome(turn, workshop, turn.t(add ? 'workshops.card.voted' : 'workshops.card.unvoted'));
  }

  /** A pledge: one of the team's top-voted answers (its theme comes with it) or a behaviour of the person's own. */
  async pledge(turn: Turn, data: ActionData): Promise<ActionOutcome> {
    const workshop = await this.posted(turn, data);
    const snapshot = await this.screens.snapshot(workshop, turn);
    if (!pledgesOpen(snapshot)) throw new UserFacingError(workshop.phase === 'closed' ? 'workshops.errors.closed' : 'workshops.errors.pledgeNotYet');
    const chosen = text(data.pledgeAnswer);
    const offer = chosen && chosen !== ownPledgeChoice ? pledgeOffers(snapshot).find((candidate) => candidate.answerId === snapshot.sheet.canonical(chosen)) : undefined;
    if (chosen && chosen !== ownPledgeChoice && !offer) throw new UserFacingError('workshops.errors.notOffered');
    const theme = offer?.theme ?? text(data.pledgeTheme);
    if (!isThemeId(theme)) throw new UserFacingError('workshops.errors.pledgeTheme');
    const words = text(data.pledgeText);
    if (words.length > 300) throw new UserFacingError('errors.tooLong', { max: 300 });
    const behaviour = offer && { answerId: offer.answerId, text: offer.text };
    await this.screens.deps.pledges.save(turn.actor, workshop.id, theme, words, turn.now, behaviour);
    return this.screens.outcome(turn, workshop, turn.t('workshops.card.pledge.saved'));
  }

  private async workshop(turn: Turn, data: ActionData): Promise<Workshop> {
    return this.screens.deps.workshops.get(text(data.workshopId), turn.conversation.key);
  }

  private async posted(turn: Turn, data: ActionData): Promise<Workshop> {
    const workshop = await this.workshop(turn, data);
    if (workshop.phase === 'draft' || workshop.phase === 'cancelled' || !workshop.collectionId) throw new UserFacingError('workshops.errors.gone');
    return workshop;
  }
}

/** Reads the answer inputs of the card: `answer_<id>` / `answer_new` texts, `answerOptions` ("0,2") or `answerScale`. */
export function submissionFrom(collection: Collection, data: ActionData): AnswerSubmission {
  const question = collection.questions[0];
  if (!question) throw new UserFacingError('collect.errors.invalid');
  switch (question.form) {
    case 'free-text': {
      const texts = Object.entries(data)
        .filter(([key, value]) => key.startsWith('answer_') && typeof value === 'string')
        .map(([key, value]) => (key === 'answer_new' ? { text: value as string } : { answerId: key.slice('answer_'.length), text: value as string }));
      return { questionId: question.id, form: 'free-text', texts };
    }
    case 'options': {
      const indices = text(data.answerOptions).split(',').filter(Boolean).map(Number);
      return { questionId: question.id, form: 'options', indices };
    }
    case 'scale': {
      const value = text(data.answerScale);
      if (!value) throw new UserFacingError('collect.errors.empty');
      return { questionId: question.id, form: 'scale', value: Number(value) };
    }
  }
}
