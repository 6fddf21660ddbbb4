import path from 'node:path';
import { ContentError } from '../src/content/content-error';
import { Translator } from '../src/core/translator';

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
