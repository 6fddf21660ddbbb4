import type { ThemeCatalog } from '../../content/themes';
import { UserFacingError } from '../../core/errors';
import type { ActionOutcome } from '../../core/reply';
import type { Turn } from '../../core/turn';
import { pledgeFollowUpView, practiseVerb } from './pledge-follow-up-view';
import type { Pledges } from './pledges';

type ActionData = Readonly<Record<string, unknown>>;
const maxReflectionLength = 500;

export interface PledgeReflectionDependencies {
  readonly pledges: Pledges;
  readonly themes: ThemeCatalog;
  readonly availableVerbs: () => ReadonlySet<string>;
}

/** "How did it go?" on the follow-up card: the pledge's owner (the turn's actor, never card data) rates the week. */
export async function reflectOnPledge(deps: PledgeReflectionDependencies, turn: Turn, data: ActionData): Promise<ActionOutcome> {
  const pledgeId = text(data.pledgeId);
  const found = pledgeId ? await deps.pledges.byId(pledgeId) : undefined;
  if (!found) throw new UserFacingError('workshops.errors.pledgeGone');
  if (found.owner !== turn.actor.userKey) throw new UserFacingError('workshops.errors.notYourPledge');
  const typed = { rating: text(data.rating), text: text(data.reflection) };
  const reader = { t: turn.t, locale: turn.locale, canPractise: deps.availableVerbs().has(practiseVerb) };
  if (!/^[1-5]$/.test(typed.rating)) {
    return { update: pledgeFollowUpView(pledgeId, found.pledge, deps.themes, { ...reader, typed, notice: turn.t('workshops.followUp.chooseRating') }) };
  }
  if (typed.text.length > maxReflectionLength) throw new UserFacingError('errors.tooLong', { max: maxReflectionLength });
  const saved = await deps.pledges.reflect(pledgeId, turn.actor.userKey, {
    rating: Number(typed.rating),
    ...(typed.text ? { text: typed.text } : {}),
    at: turn.now.toISOString(),
  });
  return { update: pledgeFollowUpView(pledgeId, saved, deps.themes, reader) };
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
