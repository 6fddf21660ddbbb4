import path from 'node:path';
import type { ThemeCatalog } from '../content/themes';
import type { Capability } from '../core/capability';
import type { LanguageModel } from '../core/language-model';
import type { Turn } from '../core/turn';
import type { Logger } from '../logger';
import type { Store } from '../storage/store';
import { ScriptedCustomer } from './customer/customer-engine';
import { MeetingService } from './meeting-service';
import { ModelCustomer } from './customer/model-customer';
import { CorrectionService } from './correction-service';
import { RetryService } from './retry-service';
import { Grounding } from './judging/grounding';
import { groundingBooksIn } from './judging/grounding-book';
import { phraseBooksIn } from './reading/phrase-book';
import { MoveReader } from './reading/reader';
import { roleplayCardTemplates } from './views/roleplay-cards';
import { roleplayPersonalData } from './roleplay-personal-data';
import { RoleplayRecords } from './roleplay-records';
import { defaultRoleplayLimits, RoleplayService, type RoleplayDependencies, type RoleplayLimits } from './roleplay-service';
import { StorylineCatalog } from './storyline-catalog';

/** What the composition root hands to role-play. */
export interface RoleplayOptions {
  readonly contentDir: string;
  readonly themes: ThemeCatalog;
  readonly store: Store;
  /** Absent without Azure OpenAI: then the scripted customer plays every meeting. */
  readonly languageModel: LanguageModel | undefined;
  readonly logger: Logger;
  readonly limits?: RoleplayLimits;
}

/** Loads the storylines (failing start-up on bad content) and picks the customer: the model with a scripted fallback, or the script. */
export function roleplayDependencies(options: RoleplayOptions): RoleplayDependencies {
  const scripted = new ScriptedCustomer();
  const phrases = phraseBooksIn(options.contentDir);
  const catalog = StorylineCatalog.load(path.join(options.contentDir, 'roleplay'));
  return {
    catalog,
    themes: options.themes,
    records: new RoleplayRecords(options.store),
    customer: options.languageModel ? new ModelCustomer(options.languageModel, scripted, options.logger) : scripted,
    // The learned second opinion (LearnedReader) is not wired in: under eval:roleplay --cv it gained no verdict (#9 notes).
    reader: new MoveReader(phrases),
    grounding: new Grounding(groundingBooksIn(options.contentDir), phrases, catalog.storylines),
    limits: options.limits ?? defaultRoleplayLimits,
    logger: options.logger,
  };
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const meetingOf = (value: unknown): number => (typeof value === 'number' ? value : Number.parseInt(text(value), 10) || 1);

/** Role-play with a customer over several meetings, in the personal chat. */
export function roleplayCapability(deps: RoleplayDependencies): Capability {
  const service = new RoleplayService(deps);
  const meeting = new MeetingService(deps, service);
  const corrections = new CorrectionService(deps, service);
  const retries = new RetryService(deps, service);
  const personal = ['personal'] as const;
  return {
    id: 'roleplay',
    commands: [
      {
        id: 'roleplay',
        words: ['roleplay', 'role-play', 'role play', 'rollspel'],
        scopes: personal,
        help: { usageKey: 'roleplay.commands.roleplay.usage', descriptionKey: 'roleplay.commands.roleplay.description' },
        run: (turn) => service.open(turn),
      },
      {
        id: 'roleplay-end',
        words: ['end', 'avsluta'],
        scopes: personal,
        help: { usageKey: 'roleplay.commands.end.usage', descriptionKey: 'roleplay.commands.end.description' },
        run: (turn) => meeting.end(turn),
      },
    ],
    actions: [
      { verb: 'roleplay.picker', run: (turn: Turn) => service.picker(turn) },
      { verb: 'roleplay.brief', run: (turn, data) => service.brief(turn, text(data.storylineId)) },
      { verb: 'roleplay.debrief', run: (turn, data) => service.reopenDebrief(turn, text(data.sessionId)) },
      { verb: 'roleplay.start', run: (turn, data) => service.start(turn, text(data.storylineId), meetingOf(data.meeting)) },
      { verb: 'roleplay.end', run: (turn) => meeting.endFromCard(turn) },
      { verb: 'roleplay.correct', run: (turn, data) => corrections.correct(turn, text(data.sessionId), meetingOf(data.turn), text(data.remove), text(data.meant)) },
      { verb: 'roleplay.retry', run: (turn, data) => retries.retry(turn, text(data.sessionId), meetingOf(data.turn)) },
      { verb: 'roleplay.selfcheck', run: (turn, data) => meeting.selfCheck(turn, text(data.sessionId), text(data.selfCheck)) },
    ],
    menu: [{ titleKey: 'roleplay.menu.title', descriptionKey: 'roleplay.menu.description', verb: 'roleplay.picker', scopes: personal }],
    cardTemplates: roleplayCardTemplates,
    personalData: roleplayPersonalData(deps.records, deps.catalog),
    freeText: { handle: (turn, message) => meeting.say(turn, message) },
  };
}
