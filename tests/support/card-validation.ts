// The browser bundle is the one that runs inside Teams; it loads in Node without a DOM for parsing.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const adaptiveCards = require('adaptivecards/dist/adaptivecards.js') as typeof import('adaptivecards');

/** Parse and validation messages the Adaptive Cards library reports for a card; empty means valid. */
export function adaptiveCardProblems(json: Record<string, unknown>): string[] {
  const card = new adaptiveCards.AdaptiveCard();
  const context = new adaptiveCards.SerializationContext();
  card.parse(json, context);
  const problems: string[] = [];
  for (let index = 0; index < context.eventCount; index += 1) problems.push(context.getEventAt(index).message);
  for (const event of card.validateProperties().validationEvents) problems.push(event.message);
  return problems;
}
