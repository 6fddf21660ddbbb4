import path from 'node:path';
import * as ACData from 'adaptivecards-templating';
import { readFileSync } from 'node:fs';
import { CardRenderer } from '../src/cards/card-renderer';
import type { CardView } from '../src/cards/card-view';
import { allCardFixtures } from '../tests/cards/all-card-fixtures';

/**
 * npm run bench:cards [-- --ms 300]
 * Per template, the mean time of one render with its heaviest fixture: the library's Template.expand (the reference)
 * and CardRenderer.render (what a turn pays). Steadier than bench:turns on a shared machine.
 */
const root = path.resolve(__dirname, '..');
const cardsDir = path.join(root, 'cards');
const msIndex = process.argv.indexOf('--ms');
const budgetMs = msIndex >= 0 ? Number(process.argv[msIndex + 1]) : 300;

function microsPerCall(call: () => unknown): number {
  for (let i = 0; i < 50; i++) call();
  let calls = 0;
  const started = process.hrtime.bigint();
  let elapsedNs = 0n;
  while (elapsedNs < BigInt(budgetMs) * 1_000_000n) {
    for (let i = 0; i < 20; i++) call();
    calls += 20;
    elapsedNs = process.hrtime.bigint() - started;
  }
  return Number(elapsedNs) / 1000 / calls;
}

function heaviestPerTemplate(fixtures: readonly CardView[]): CardView[] {
  const byName = new Map<string, CardView>();
  for (const fixture of fixtures) {
    const current = byName.get(fixture.template.name);
    if (!current || JSON.stringify(fixture.data).length > JSON.stringify(current.data).length) byName.set(fixture.template.name, fixture);
  }
  return [...byName.values()].sort((a, b) => a.template.name.localeCompare(b.template.name));
}

const renderer = CardRenderer.load(cardsDir);
let libraryTotal = 0;
let rendererTotal = 0;
console.log(`${'template'.padEnd(28)} ${'library µs'.padStart(11)} ${'renderer µs'.padStart(12)} ${'ratio'.padStart(6)}`);
for (const fixture of heaviestPerTemplate(allCardFixtures())) {
  const library = new ACData.Template(JSON.parse(readFileSync(path.join(cardsDir, `${fixture.template.name}.json`), 'utf8')));
  const libraryUs = microsPerCall(() => library.expand({ $root: fixture.data }));
  const rendererUs = microsPerCall(() => renderer.render(fixture));
  libraryTotal += libraryUs;
  rendererTotal += rendererUs;
  console.log(`${fixture.template.name.padEnd(28)} ${libraryUs.toFixed(1).padStart(11)} ${rendererUs.toFixed(1).padStart(12)} ${(libraryUs / rendererUs).toFixed(1).padStart(6)}`);
}
console.log(`${'sum'.padEnd(28)} ${libraryTotal.toFixed(1).padStart(11)} ${rendererTotal.toFixed(1).padStart(12)} ${(libraryTotal / rendererTotal).toFixed(1).padStart(6)}`);
