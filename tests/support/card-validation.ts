// The browser bundle is the one that runs inside Teams; it loads in Node without a DOM for parsing.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const adaptiveCards = require('adaptivecards/dist/adaptivecards.js') as typeof import('adaptivecards');

/**
 * Parse and validation messages for a card; empty means valid. Teams draws Chart.* elements, which the Adaptive Cards
 * 1.5 library does not know: a chart must follow `chartProblems`, and the card is validated as a client without charts
 * shows it, every chart replaced by its fallback.
 */
export function adaptiveCardProblems(json: Record<string, unknown>): string[] {
  return [...chartProblems(json), ...libraryProblems(withChartFallbacks(json) as Record<string, unknown>)];
}

function libraryProblems(json: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const card = new adaptiveCards.AdaptiveCard();
  const context = new adaptiveCards.SerializationContext();
  card.parse(json, context);
  for (let index = 0; index < context.eventCount; index += 1) problems.push(context.getEventAt(index).message);
  for (const event of card.validateProperties().validationEvents) problems.push(event.message);
  return problems;
}

/** The chart elements Teams draws in Adaptive Cards; they are outside the 1.5 schema the library knows. */
export const teamsChartTypes = [
  'Chart.Donut',
  'Chart.Pie',
  'Chart.Gauge',
  'Chart.Line',
  'Chart.VerticalBar',
  'Chart.VerticalBar.Grouped',
  'Chart.HorizontalBar',
  'Chart.HorizontalBar.Stacked',
] as const;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isChart = (node: Json): boolean => typeof node.type === 'string' && node.type.startsWith('Chart.');

/** Every element of a card that is a chart, depth first (fallbacks included). */
function charts(node: unknown, found: Json[] = []): Json[] {
  if (Array.isArray(node)) for (const child of node) charts(child, found);
  else if (isObject(node)) {
    if (isChart(node)) found.push(node);
    for (const value of Object.values(node)) charts(value, found);
  }
  return found;
}

/**
 * The rule for charts in our cards: a `Chart.*` element is accepted only when it is a chart Teams documents, has its
 * data as an array, and carries a `fallback` element (not "drop") that is itself valid Adaptive Cards 1.5 with no chart
 * in it, so a client that cannot draw charts shows the same figures as text.
 */
export function chartProblems(card: Json): string[] {
  return charts(card).flatMap((chart) => {
    const type = String(chart.type);
    const problems: string[] = [];
    if (!(teamsChartTypes as readonly string[]).includes(type)) problems.push(`${type} is not a chart Teams draws`);
    if (type !== 'Chart.Gauge' && !Array.isArray(chart.data)) problems.push(`${type} has no data array`);
    const fallback = chart.fallback;
    if (!isObject(fallback)) return [...problems, `${type} has no fallback element for clients without charts`];
    if (charts(fallback).length > 0) problems.push(`the fallback of ${type} has a chart in it`);
    const alone = { type: 'AdaptiveCard', version: '1.5', body: [fallback] };
    problems.push(...libraryProblems(alone).map((problem) => `fallback of ${type}: ${problem}`));
    return problems;
  });
}

/** The card as a client without charts renders it: every chart replaced by its fallback element. */
export function withChartFallbacks(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withChartFallbacks);
  if (!isObject(node)) return node;
  if (isChart(node) && isObject(node.fallback)) return withChartFallbacks(node.fallback);
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, withChartFallbacks(value)]));
}
