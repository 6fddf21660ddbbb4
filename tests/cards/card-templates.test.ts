import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { CardRenderer } from '../../src/cards/card-renderer';
import { adaptiveCardProblems, chartProblems, withChartFallbacks } from '../support/card-validation';
import { allCardFixtures } from './all-card-fixtures';

const root = path.resolve(__dirname, '..', '..');
/** Teams refuses a card whose payload is larger than this. */
const teamsCardLimitBytes = 28 * 1024;
const cardsDir = path.join(root, 'cards');

describe('card templates', () => {
  const renderer = CardRenderer.load(cardsDir, []);
  const fixtures = allCardFixtures();

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
      it('then it is at most 28 KB, charts and their fallbacks included', () => assert.ok(Buffer.byteLength(json) <= teamsCardLimitBytes, `${Buffer.byteLength(json)} bytes`));
      // Charts (Chart.*) are Teams' own elements outside Adaptive Cards 1.5: each must carry a fallback that is valid
      // 1.5 on its own, and the card is validated as a client without charts shows it. Check-in trend charts follow the same rule.
      it('then every chart carries a fallback that validates as Adaptive Cards 1.5', () => assert.deepEqual(chartProblems(card), []));
      it('then the Adaptive Cards library parses and validates it without a problem, with charts shown as their fallbacks', () => {
        assert.deepEqual(adaptiveCardProblems(withChartFallbacks(card) as typeof card), []);
      });
      it('then every Action.Execute and Action.Submit carries a verb in its data', () => {
        const actions = json.match(/"type":"Action\.(Execute|Submit)"[^}]*/g) ?? [];
        for (const action of actions) assert.match(action, /"verb":"[a-z]/, action);
      });
    });
  }

  describe('the chart rule', () => {
    const textFallback = { type: 'TextBlock', text: 'Trust ██░░', wrap: true };
    const cardWith = (chart: Record<string, unknown>): Record<string, unknown> => ({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Container', items: [chart] }] });

    it('when a chart carries a valid text fallback, then it is accepted and clients without charts see the fallback', () => {
      const card = cardWith({ type: 'Chart.VerticalBar', title: 'Practice', data: [{ x: 'Trust', y: 2 }], fallback: textFallback });
      assert.deepEqual(chartProblems(card), []);
      assert.deepEqual(adaptiveCardProblems(withChartFallbacks(card) as Record<string, unknown>), []);
      assert.doesNotMatch(JSON.stringify(withChartFallbacks(card)), /Chart\./);
    });

    it('when a chart has no fallback, or only "drop", then it is refused', () => {
      assert.match(chartProblems(cardWith({ type: 'Chart.Line', data: [] })).join(), /no fallback/);
      assert.match(chartProblems(cardWith({ type: 'Chart.Line', data: [], fallback: 'drop' })).join(), /no fallback/);
    });

    it('when a chart\'s fallback is not valid Adaptive Cards 1.5, then it is refused', () => {
      const problems = chartProblems(cardWith({ type: 'Chart.HorizontalBar', data: [], fallback: { type: 'Container', items: [{ type: 'TextBlock' }], spacing: 'Sideways' } }));
      assert.ok(problems.some((problem) => problem.startsWith('fallback of Chart.HorizontalBar')), problems.join('; '));
    });

    it('when a chart is not one Teams draws or has no data, then it is refused', () => {
      assert.match(chartProblems(cardWith({ type: 'Chart.Radar', data: [], fallback: textFallback })).join(), /not a chart Teams draws/);
      assert.match(chartProblems(cardWith({ type: 'Chart.Pie', fallback: textFallback })).join(), /no data array/);
    });
  });

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
