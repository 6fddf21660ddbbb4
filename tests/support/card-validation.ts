// The browser bundle is the one that runs inside Teams; it loads in Node without a DOM for parsing.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const adaptiveCards = require('adaptivecards/dist/adaptivecards.js') as typeof import('adaptivecards');

/**
 * Teams draws Chart.* elements, which the Adaptive Cards 1.5 library does not know. A chart passes only with an element
 * as its fallback, and that fallback is what gets validated (it is what every other client shows).
 */
function withChartFallbacks(node: unknown, problems: string[]): unknown {
  if (Array.isArray(node)) return node.map((child) => withChartFallbacks(child, problems));
  if (!node || typeof node !== 'object') return node;
  const element = node as Record<string, unknown>;
  if (typeof element.type === 'string' && element.type.startsWith('Chart.')) {
    const { fallback } = element;
    if (fallback && typeof fallback === 'object' && !Array.isArray(fallback)) return withChartFallbacks(fallback, problems);
    problems.push(`${element.type} has no fallback element for clients that cannot draw charts`);
    return node;
  }
  return Object.fromEntries(Object.entries(element).map(([key, value]) => [key, withChartFallbacks(value, problems)]));
}

/** Parse and validation messages the Adaptive Cards library reports for a card; empty means valid. */
export function adaptiveCardProblems(json: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const card = new adaptiveCards.AdaptiveCard();
  const context = new adaptiveCards.SerializationContext();
  card.parse(withChartFallbacks(json, problems), context);
  for (let index = 0; index < context.eventCount; index += 1) problems.push(context.getEventAt(index).message);
  for (const event of card.validateProperties().validationEvents) problems.push(event.message);
  return problems;
}
