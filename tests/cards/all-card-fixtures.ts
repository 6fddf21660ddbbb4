import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { CardView } from '../../src/cards/card-view';

/** Every tests/<capability>/card-fixtures.ts contributes fixture data for its templates. */
export function allCardFixtures(): CardView[] {
  const testsDir = path.resolve(__dirname, '..');
  const fixtures: CardView[] = [];
  for (const folder of readdirSync(testsDir, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    if (readdirSync(path.join(testsDir, folder.name)).includes('card-fixtures.ts')) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      fixtures.push(...(require(path.join(testsDir, folder.name, 'card-fixtures.ts')) as { cardFixtures: CardView[] }).cardFixtures);
    }
  }
  return fixtures;
}
