import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { CardRenderer } from '../../src/cards/card-renderer';
import type { CardView } from '../../src/cards/card-view';
import { adaptiveCardProblems } from '../support/card-validation';

const root = path.resolve(__dirname, '..', '..');
const cardsDir = path.join(root, 'cards');

/** Every tests/<capability>/card-fixtures.ts contributes fixture data for its templates. */
function allFixtures(): CardView[] {
  const testsDir = path.join(root, 'tests');
  const fixtures: CardView[] = [];
  for (const folder of readdirSync(testsDir, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    const file = path.join(testsDir, folder.name, 'card-fixtures.ts');
    if (readdirSync(path.join(testsDir, folder.name)).includes('card-fixtures.ts')) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      fixtures.push(...(require(file) as { cardFixtures: CardView[] }).cardFixtures);
    }
  }
  return fixtures;
}

describe('card templates', () => {
  const renderer = CardRenderer.load(cardsDir, []);
  const fixtures = allFixtures();

  it('when the templates are listed, then every one has fixture data', () => {
    const covered = new Set(fixtures.map((fixture) => fixture.template.name));
    const uncovered = renderer.templateNames().filter((name) => !covered.has(name));
    assert.deepEqual(uncovered, []);
  });

  for (const fixture of fixtures) {
    describe(`${fixture.template.name} with fixture data`, () => {
      const card = renderer.render(fixture);
      const json = JSON.stringify(card);

      it('then no template expression is left unexpanded', () => assert.doesNotMatch(json, /\$\{/));
      it('then the card is version 1.5 or lower', () => assert.ok(Number(card.version) <= 1.5, card.version));
      it('then it is at most 40 KB', () => assert.ok(Buffer.byteLength(json) <= 40 * 1024, `${Buffer.byteLength(json)} bytes`));
      it('then the Adaptive Cards library parses and validates it without a problem', () => {
        assert.deepEqual(adaptiveCardProblems(card), []);
      });
      it('then every Action.Execute and Action.Submit carries a verb in its data', () => {
        const actions = json.match(/"type":"Action\.(Execute|Submit)"[^}]*/g) ?? [];
        for (const action of actions) assert.match(action, /"verb":"[a-z]/, action);
      });
    });
  }

  it('when a required template is missing, then loading fails and names it', () => {
    assert.throws(
      () => CardRenderer.load(cardsDir, [{ name: 'no-such-card' }]),
      /missing card templates.*no-such-card/,
    );
  });

  it('when the cards folder has files, then each one is a template', () => {
    const files = readdirSync(cardsDir).filter((name) => name.endsWith('.json')).map((name) => path.basename(name, '.json'));
    assert.deepEqual(renderer.templateNames(), files.sort());
  });
});
