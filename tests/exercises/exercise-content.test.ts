import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { ContentError } from '../../src/content/content-error';
import { ThemeCatalog, themeIds } from '../../src/content/themes';
import { exerciseCapability } from '../../src/exercises/exercise-capability';
import { isChoiceKind, loadExerciseLibrary } from '../../src/exercises/exercise-content';
import type { Store } from '../../src/storage/store';

const contentDir = path.resolve(__dirname, '..', '..', 'content');

/** A copy of content/ that a test may break. */
function copyOfContent(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'exercise-content-'));
  cpSync(path.join(contentDir, 'themes.yaml'), path.join(folder, 'themes.yaml'));
  cpSync(path.join(contentDir, 'exercises'), path.join(folder, 'exercises'), { recursive: true });
  return folder;
}

function loadError(folder: string): ContentError {
  try {
    loadExerciseLibrary(folder, ThemeCatalog.load(folder));
  } catch (error) {
    assert.ok(error instanceof ContentError, String(error));
    return error;
  }
  assert.fail('expected the content to be refused');
}

describe('exercise content', () => {
  const themes = ThemeCatalog.load(contentDir);
  const library = loadExerciseLibrary(contentDir, themes);

  it('when the content is counted, then there are at least 24 exercises and every theme has at least 3', () => {
    assert.ok(library.all.length >= 24, `${library.all.length} exercises`);
    for (const id of themeIds) assert.ok(library.inTheme(id).length >= 3, `${id}: ${library.inTheme(id).length}`);
  });

  it('when each exercise is read, then it is complete in Swedish and English', () => {
    for (const exercise of library.all) {
      for (const locale of ['en', 'sv'] as const) {
        const text = exercise[locale];
        for (const field of [text.title, text.scenario, text.question, text.reflection]) assert.ok(field.trim().length > 0, `${exercise.id} ${locale}`);
        assert.ok(text.perspectives.length >= 2 && text.perspectives.length <= 4, `${exercise.id} ${locale} perspectives`);
        if (isChoiceKind(exercise.kind)) assert.ok(text.options?.some((option) => option.id === exercise.correctOption), `${exercise.id} ${locale}`);
        if (exercise.kind === 'demand-judgement') assert.ok(text.followUp, `${exercise.id} ${locale} followUp`);
      }
      assert.notEqual(exercise.sv.scenario, exercise.en.scenario, `${exercise.id} is not translated`);
      assert.match(`${exercise.sv.title} ${exercise.sv.scenario}`, /[åäöÅÄÖ]/, `${exercise.id} sv has no å/ä/ö`);
    }
  });

  it('when the themes are loaded, then all eight have a name and what good looks like in both languages', () => {
    assert.deepEqual(themes.all.map((theme) => theme.id), [...themeIds]);
    for (const theme of themes.all) {
      assert.ok(theme.sv.whatGoodLooksLike.length > 20 && theme.en.whatGoodLooksLike.length > 20, theme.id);
      assert.notEqual(theme.sv.name, theme.en.name, theme.id);
    }
  });

  it('when a person names a theme by id, English or Swedish name, then the theme is found', () => {
    assert.equal(themes.find('trust')?.id, 'trust');
    assert.equal(themes.find('Förtroende')?.id, 'trust');
    assert.equal(themes.find('kundens kund')?.id, 'customers-customer');
    assert.equal(themes.find('order-and-flexibility')?.id, 'order-and-flexibility');
    assert.equal(themes.find('Stora öron och öppet sinne')?.id, 'listen');
    assert.equal(themes.find('ice cream'), undefined);
  });

  describe('when the content is broken', () => {
    let folder: string;
    beforeEach(() => {
      folder = copyOfContent();
    });
    afterEach(() => rmSync(folder, { recursive: true, force: true }));

    const edit = (file: string, change: (text: string) => string): void => {
      const full = path.join(folder, file);
      writeFileSync(full, change(readFileSync(full, 'utf8')));
    };

    it('then a missing Swedish field is refused with the file and the field', () => {
      edit('exercises/trust.yaml', (text) => text.replace(/(\n {4}sv:\n {6}title: [^\n]*\n) {6}scenario: [^\n]*\n/, '$1'));
      const error = loadError(folder);
      assert.match(error.file, /trust\.yaml$/);
      assert.match(error.message, /exercises\.0\.sv\.scenario/);
    });

    it('then a correct option that is not an option is refused', () => {
      edit('exercises/demands.yaml', (text) => text.replace('correctOption: reasonable', 'correctOption: maybe'));
      assert.match(loadError(folder).message, /exercises\.0\.correctOption: "maybe" is not an option id/);
    });

    it('then an unknown kind and a theme with too few exercises are refused', () => {
      edit('exercises/listen.yaml', (text) => text.replace('kind: listening', 'kind: lecture'));
      assert.match(loadError(folder).message, /listen\.yaml[\s\S]*exercises\.0\.kind/);
      edit('exercises/listen.yaml', (text) => text.replace('theme: listen', 'theme: trust'));
      edit('exercises/listen.yaml', (text) => text.replace('kind: lecture', 'kind: listening'));
      assert.match(loadError(folder).message, /theme listen: has 0 exercises, needs at least 3/);
    });

    it('then an unknown theme in themes.yaml is refused, and the app does not start', () => {
      edit('themes.yaml', (text) => text.replace('- id: trust', '- id: trusty'));
      const logger = pino({ level: 'silent' });
      assert.throws(
        () => exerciseCapability({ contentDir: folder, themes: ThemeCatalog.load(folder), store: {} as Store, languageModel: undefined, logger }),
        (error: unknown) => error instanceof ContentError && /themes\.yaml/.test(error.file) && /themes\.7\.id/.test(error.message),
      );
    });
  });
});
