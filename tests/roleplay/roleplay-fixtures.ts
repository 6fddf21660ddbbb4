import path from 'node:path';
import { ThemeCatalog } from '../../src/content/themes';
import type { Locale } from '../../src/core/locale';
import { Translator } from '../../src/core/translator';
import type { Turn } from '../../src/core/turn';
import { StorylineCatalog } from '../../src/roleplay/storyline-catalog';
import type { Meeting, Storyline } from '../../src/roleplay/storyline';
import { phraseBooksIn } from '../../src/roleplay/reading/phrase-book';
import { LearnedReader } from '../../src/roleplay/reading/learned-reader';
import { MoveFeatures } from '../../src/roleplay/reading/move-features';
import { learnedMovesIn } from '../../src/roleplay/reading/move-model-file';
import { MoveReader } from '../../src/roleplay/reading/reader';

const root = path.resolve(__dirname, '..', '..');
export const contentDir = path.join(root, 'content');
export const catalog = StorylineCatalog.load(path.join(contentDir, 'roleplay'));
export const themes = ThemeCatalog.load(contentDir);
const translator = Translator.load(path.join(contentDir, 'locales'));

/** A storyline from the real content, by id. */
export function storyline(id: string): Storyline {
  const found = catalog.find(id);
  if (!found) throw new Error(`no storyline ${id}`);
  return found;
}

export function meetingOf(story: Storyline, number: number): Meeting {
  const meeting = story.meetings[number - 1];
  if (!meeting) throw new Error(`${story.id} has no meeting ${number}`);
  return meeting;
}

/** A personal-chat turn with real translations; override what a test cares about. */
export function fakeTurn(overrides: Partial<Turn> & { locale?: Locale } = {}): Turn {
  const locale = overrides.locale ?? 'en';
  return {
    actor: { userKey: 'u_learner', tenantId: 'tenant', displayName: 'Alex Berg' },
    conversation: { key: 'c_personal', kind: 'personal', teamKey: undefined },
    locale,
    t: translator.forLocale(locale),
    timeZone: 'Europe/Stockholm',
    now: new Date('2025-03-10T08:40:00Z'),
    members: async () => [],
    ...overrides,
  };
}

/** The reader with the real phrase books. */
export const reader = new MoveReader(phraseBooksIn(contentDir));

/** The rules with the shipped learned model: what the product would run with the second opinion wired in. */
export const learnedReader = new LearnedReader(reader, new MoveFeatures(phraseBooksIn(contentDir)), learnedMovesIn(contentDir));
