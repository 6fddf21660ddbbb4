import path from 'node:path';
import { describeQuestionSets } from '../src/checkins/question-sets';
import { ContentError } from '../src/content/content-error';
import { ThemeCatalog } from '../src/content/themes';
import { Translator } from '../src/core/translator';
import { describeExerciseContent } from '../src/exercises/exercise-content';
import { checkStorylines } from '../src/roleplay/storyline-catalog';
import { describeWorkshopTemplates } from '../src/workshops/workshop-templates';

/** One kind of content and how to load and summarise it; loading throws ContentError on a problem. */
interface ContentCheck {
  readonly name: string;
  run(contentDir: string): string;
}

const checks: ContentCheck[] = [
  {
    name: 'locales',
    run: (dir) => {
      const translator = Translator.load(path.join(dir, 'locales'));
      const english = translator.keys('en');
      const missing = [
        ...english.filter((key) => !translator.has('sv', key)).map((key) => `sv lacks ${key}`),
        ...translator.keys('sv').filter((key) => !translator.has('en', key)).map((key) => `en lacks ${key}`),
      ];
      if (missing.length > 0) throw new ContentError(path.join(dir, 'locales'), missing);
      return `${english.length} strings in en and sv`;
    },
  },
  { name: 'themes and exercises', run: (dir) => describeExerciseContent(dir, ThemeCatalog.load(dir)) },
  { name: 'workshop templates', run: (dir) => describeWorkshopTemplates(dir) },
  { name: 'role-play storylines', run: (dir) => checkStorylines(dir) },
  { name: 'check-in question sets', run: (dir) => describeQuestionSets(dir) },
];

const contentDir = path.resolve(__dirname, '..', 'content');
let failed = false;
for (const check of checks) {
  try {
    console.log(`ok   ${check.name}: ${check.run(contentDir)}`);
  } catch (error) {
    failed = true;
    console.error(`FAIL ${check.name}\n${error instanceof ContentError ? error.message : String(error)}`);
  }
}
if (checks.length === 0) {
  console.error('no content checks are registered');
  failed = true;
}
process.exit(failed ? 1 : 0);
