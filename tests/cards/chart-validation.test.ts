import assert from 'node:assert/strict';
import { adaptiveCardProblems } from '../support/card-validation';

const card = (chart: Record<string, unknown>): Record<string, unknown> => ({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Trend' }, chart] });
const line = { type: 'Chart.Line', title: 'Average', data: [{ legend: 'Average', values: [{ x: '9 Mar', y: 3.5 }, { x: '16 Mar', y: 4 }] }] };

describe('validating cards with Teams charts', () => {
  it('when a chart has a fallback that is valid Adaptive Cards 1.5, then the card passes', () => {
    assert.deepEqual(adaptiveCardProblems(card({ ...line, fallback: { type: 'Container', items: [{ type: 'TextBlock', text: '█████░░░░░ 3.5' }] } })), []);
  });

  it('when a chart has no fallback element, then the card fails and the chart is named', () => {
    assert.match(adaptiveCardProblems(card(line)).join('\n'), /Chart\.Line has no fallback element/);
    assert.match(adaptiveCardProblems(card({ ...line, fallback: 'drop' })).join('\n'), /Chart\.Line has no fallback element/);
  });

  it('when a chart\'s fallback is itself invalid, then the card fails on the fallback', () => {
    const problems = adaptiveCardProblems(card({ ...line, fallback: { type: 'Container', items: [{ type: 'Chart.Pie', data: [] }] } }));
    assert.match(problems.join('\n'), /Chart\.Pie has no fallback element/);
    assert.match(adaptiveCardProblems(card({ ...line, fallback: { type: 'Container', items: [{ type: 'Table.Pivot' }] } })).join('\n'), /Unknown element type "Table\.Pivot"/);
  });
});
