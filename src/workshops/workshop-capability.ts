import { Collections, collectResultsCard } from '../collect';
import type { ThemeCatalog } from '../content/themes';
import type { ActionRoute, Capability, PersonalDataSource } from '../core/capability';
import type { Messenger } from '../core/messenger';
import type { ActionOutcome } from '../core/reply';
import type { Translator } from '../core/translator';
import type { Turn } from '../core/turn';
import type { ExportOffers } from '../exports/export-offers';
import type { Logger } from '../logger';
import type { Store } from '../storage/store';
import { pledgeFollowUpCard } from './pledges/pledge-follow-up-view';
import { reflectOnPledge } from './pledges/pledge-reflections';
import { Pledges, type Pledge } from './pledges/pledges';
import { workshopCard, workshopSetupCard } from './workshop-cards';
import { WorkshopFacilitation } from './workshop-facilitation';
import { WorkshopModeration } from './workshop-moderation';
import { WorkshopParticipation } from './workshop-participation';
import { WorkshopRepository } from './workshop-repository';
import { WorkshopScreens } from './workshop-screens';
import type { WorkshopTemplates } from './workshop-templates';

export interface WorkshopCapabilityDependencies {
  readonly store: Store;
  readonly templates: WorkshopTemplates;
  readonly themes: ThemeCatalog;
  readonly translator: Translator;
  /** The pseudonym secret for anonymous answers (kept outside the database). */
  readonly answerSecret: Buffer;
  /** Posts the shared card and updates it in place for everyone. */
  readonly messenger: Messenger;
  /** Card verbs the bot has: a pledge follow-up links into exercises only when they are there. */
  readonly availableVerbs: () => ReadonlySet<string>;
  /** Hands the Markdown and CSV exports to the person who asked, in their 1:1 chat. */
  readonly exports: ExportOffers;
  readonly logger: Logger;
}

type ActionData = Readonly<Record<string, unknown>>;

/** Workshop prompts for facilitators in channels and group chats: post, answer, reveal, vote, pledge, close, export. */
export function workshopCapability(deps: WorkshopCapabilityDependencies): Capability {
  const pledges = new Pledges(deps.store);
  const screens = new WorkshopScreens({
    workshops: new WorkshopRepository(deps.store),
    collections: new Collections(deps.store, deps.answerSecret),
    pledges,
    templates: deps.templates,
    themes: deps.themes,
    translator: deps.translator,
    messenger: deps.messenger,
    logger: deps.logger,
  });
  const facilitation = new WorkshopFacilitation(screens, deps.exports);
  const participation = new WorkshopParticipation(screens);
  const moderation = new WorkshopModeration(screens);
  const shared = ['channel', 'groupChat'] as const;
  const action = (verb: string, run: (turn: Turn, data: ActionData) => Promise<ActionOutcome>): ActionRoute => ({ verb, run });
  return {
    id: 'workshops',
    commands: [
      {
        id: 'workshop',
        words: ['workshop', 'workshops'],
        scopes: shared,
        help: { usageKey: 'workshops.commands.workshop.usage', descriptionKey: 'workshops.commands.workshop.description' },
        run: (turn) => facilitation.start(turn),
      },
      {
        id: 'workshop-close',
        words: ['workshop close', 'workshop stäng', 'workshop avsluta'],
        scopes: shared,
        help: { usageKey: 'workshops.commands.close.usage', descriptionKey: 'workshops.commands.close.description' },
        run: (turn) => facilitation.closeLatest(turn),
      },
      {
        id: 'workshop-export',
        words: ['workshop export', 'workshop exportera'],
        scopes: shared,
        help: { usageKey: 'workshops.commands.export.usage', descriptionKey: 'workshops.commands.export.description' },
        run: (turn) => facilitation.exportLatest(turn),
      },
    ],
    actions: [
      action('workshop.start', async (turn) => ({ replies: await facilitation.start(turn) })),
      action('workshop.post', (turn, data) => facilitation.post(turn, data)),
      action('workshop.cancel', (turn, data) => facilitation.cancel(turn, data)),
      action('workshop.view', (turn, data) => participation.view(turn, data)),
      action('workshop.answer', (turn, data) => participation.answer(turn, data)),
      action('workshop.reveal', (turn, data) => facilitation.reveal(turn, data)),
      action('workshop.voting', (turn, data) => facilitation.openVoting(turn, data)),
      action('workshop.vote', (turn, data) => participation.vote(turn, data, true)),
      action('workshop.unvote', (turn, data) => participation.vote(turn, data, false)),
      action('workshop.hide', (turn, data) => moderation.hide(turn, data)),
      action('workshop.merge.pick', (turn, data) => moderation.pickMergeTarget(turn, data)),
      action('workshop.merge', (turn, data) => moderation.merge(turn, data)),
      action('workshop.separate', (turn, data) => moderation.separate(turn, data)),
      action('workshop.theme', (turn, data) => moderation.setTheme(turn, data)),
      action('workshop.pledge', (turn, data) => participation.pledge(turn, data)),
      action('workshop.pledge.reflect', (turn, data) => reflectOnPledge({ pledges, themes: deps.themes, availableVerbs: deps.availableVerbs }, turn, data)),
      action('workshop.cofacilitators', (turn, data) => facilitation.showPicker(turn, data)),
      action('workshop.cofacilitator.add', (turn, data) => facilitation.addCoFacilitator(turn, data)),
      action('workshop.close', (turn, data) => facilitation.close(turn, data)),
      action('workshop.export', (turn, data) => facilitation.export(turn, data)),
    ],
    quietVerbs: ['workshop.answer', 'workshop.vote', 'workshop.unvote'],
    menu: [{ titleKey: 'workshops.menu.title', descriptionKey: 'workshops.menu.description', verb: 'workshop.start', scopes: shared }],
    cardTemplates: [workshopSetupCard, workshopCard, collectResultsCard, pledgeFollowUpCard],
    personalData: pledgeData(pledges, deps.themes),
  };
}

/** Pledges are the workshop data kept about a person by name; anonymous answers are not linked to anyone, so never listed. */
function pledgeData(pledges: Pledges, themes: ThemeCatalog): PersonalDataSource {
  return {
    describe: async (userKey, turn) => {
      const own = await pledges.ofPerson(userKey);
      if (own.length === 0) return undefined;
      return {
        heading: turn.t('workshops.myData.heading'),
        lines: own.flatMap((pledge) => [
          turn.t('workshops.myData.pledge', {
            theme: themes.text(pledge.theme, turn.locale).name,
            text: [pledge.behaviour?.text, pledge.text].filter(Boolean).join(' — ') || '—',
            date: pledge.createdAt.slice(0, 10),
          }),
          ...reflectionLine(pledge, turn),
        ]),
      };
    },
  };
}

function reflectionLine(pledge: Pledge, turn: Turn): string[] {
  const reflection = pledge.reflection;
  if (!reflection) return [];
  return [turn.t('workshops.myData.reflection', { rating: reflection.rating, text: reflection.text ?? '—', date: reflection.at.slice(0, 10) })];
}
