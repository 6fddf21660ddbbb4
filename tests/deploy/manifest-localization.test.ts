import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { packageApp } from '../../scripts/package-app';
import type { JsonObject } from '../../scripts/lib/app-manifest';
import { validateLocalizationFile } from '../../scripts/lib/manifest-schema';
import { messageActivity } from '../support/activities';
import { startTestApp } from '../support/test-app';
import { readZip } from './zip-reader';

const appPackageDir = path.resolve(__dirname, '..', '..', 'deploy', 'appPackage');
const swedish = JSON.parse(readFileSync(path.join(appPackageDir, 'sv-se.json'), 'utf8')) as JsonObject;
const template = JSON.parse(readFileSync(path.join(appPackageDir, 'manifest.template.json'), 'utf8')) as {
  bots: Array<{ commandLists: Array<{ scopes: string[]; commands: Array<{ title: string }> }> }>;
};

describe('the Teams menu in Swedish (manifest localization sv-se)', () => {
  it('when sv-se.json is checked against the bundled Localization schema, then it is valid', async () => {
    assert.deepEqual(await validateLocalizationFile(swedish, '1.30'), []);
  });

  it('when a bad key is added, then the schema check reports it', async () => {
    const errors = await validateLocalizationFile({ ...swedish, 'bots[0].commandLists[0].commands[99].title': 'x' }, '1.30');
    assert.ok(errors.length > 0);
  });

  it('when the app is packaged, then the manifest names sv-se.json and the zip carries it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pc-l10n-'));
    try {
      const outFile = path.join(dir, 'partner-coach.zip');
      const { manifest } = await packageApp({ env: {}, outFile, defaultVersion: '1.0.0' });
      assert.deepEqual(manifest['localizationInfo'], { defaultLanguageTag: 'en-us', additionalLanguages: [{ languageTag: 'sv-se', file: 'sv-se.json' }] });
      assert.deepEqual(JSON.parse(readZip(readFileSync(outFile)).get('sv-se.json')?.toString('utf8') ?? '{}'), swedish);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('when a Swedish menu command is chosen, then every one is a command the bot understands, with name and description translated', async () => {
    const harness = await startTestApp();
    try {
      for (const [list, { commands, scopes }] of (template.bots[0]?.commandLists ?? []).entries()) {
        for (const index of commands.keys()) {
          const title = swedish[`bots[0].commandLists[${list}].commands[${index}].title`];
          assert.equal(typeof swedish[`bots[0].commandLists[${list}].commands[${index}].description`], 'string');
          assert.ok(typeof title === 'string', `command ${list}/${index} has a Swedish title`);
          const conversationType = scopes.includes('personal') ? 'personal' : 'groupChat';
          const before = harness.connector.posted().length;
          const options = { serviceUrl: harness.connector.serviceUrl, locale: 'sv-SE', conversationType, conversationId: `${conversationType}-chat` } as const;
          await harness.post(messageActivity(options, title));
          const replies = JSON.stringify(harness.connector.posted().slice(before).map((call) => call.body));
          assert.doesNotMatch(replies, /förstod jag inte|kände jag inte igen|Menade du/, `"${title}" is a command in ${conversationType}`);
        }
      }
    } finally {
      await harness.stop();
    }
  });
});
