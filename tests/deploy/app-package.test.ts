import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sinon from 'sinon';
import { ManifestValidationError, PlaceholderError, packageApp } from '../../scripts/package-app';
import { buildAppManifest, manifestValuesFromEnv, placeholderAppId, type JsonObject } from '../../scripts/lib/app-manifest';
import { validateAppManifest } from '../../scripts/lib/manifest-schema';
import { decodePng, pngSize } from './png-reader';
import { readZip } from './zip-reader';

const appPackageDir = path.resolve(__dirname, '..', '..', 'deploy', 'appPackage');
const appId = '0f5a3c1e-9b2d-4c7e-8a11-2b3c4d5e6f70';
const env = { MicrosoftAppId: appId, BOT_DOMAIN: 'coach.example.org' };
const productionEnv = {
  MicrosoftAppId: appId,
  BOT_DOMAIN: 'coach.contoso.se',
  APP_DEVELOPER_NAME: 'Contoso IT',
  APP_WEBSITE_URL: 'https://contoso.se/coach',
  APP_PRIVACY_URL: 'https://contoso.se/coach/privacy',
  APP_TERMS_URL: 'https://contoso.se/coach/terms',
};

function template(): JsonObject {
  return JSON.parse(readFileSync(path.join(appPackageDir, 'manifest.template.json'), 'utf8')) as JsonObject;
}

function filledManifest(overrides: Record<string, string | undefined> = {}): JsonObject {
  return buildAppManifest(template(), manifestValuesFromEnv({ ...env, ...overrides }, '1.2.3').values);
}

type Bot = { botId?: string; scopes: string[]; supportsFiles?: boolean; commandLists: { scopes: string[]; commands: { title: string }[] }[] };
const firstBot = (manifest: JsonObject): Bot => (manifest['bots'] as unknown as Bot[])[0] as Bot;

describe('Teams app package', () => {
  let fetchStub: sinon.SinonStub;
  const tempDirs: string[] = [];

  beforeEach(() => {
    fetchStub = sinon.stub(globalThis, 'fetch').rejects(new Error('the network must not be used'));
  });

  afterEach(() => {
    sinon.restore();
    for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  function tempDir(): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'partner-coach-package-'));
    tempDirs.push(dir);
    return dir;
  }

  describe('manifest', () => {
    it('when the template is filled from the environment, then it validates against the bundled schema without the network', async () => {
      const manifest = filledManifest();
      assert.deepEqual(await validateAppManifest(manifest), []);
      assert.equal(fetchStub.callCount, 0);
      assert.equal(manifest['id'], appId);
      assert.equal(firstBot(manifest).botId, appId);
      assert.equal(manifest['version'], '1.2.3');
      assert.deepEqual(manifest['validDomains'], ['coach.example.org']);
    });

    it('when bots[0].botId is missing, then validation reports it', async () => {
      const manifest = filledManifest();
      delete firstBot(manifest).botId;
      const errors = await validateAppManifest(manifest);
      assert.ok(errors.some((error) => error.startsWith('/bots/0') && error.includes('botId')), errors.join('\n'));
    });

    it('when the app id is not a GUID, then validation reports /id', async () => {
      const manifest = { ...filledManifest(), id: 'partner-coach' };
      const errors = await validateAppManifest(manifest);
      assert.ok(errors.some((error) => error.startsWith('/id ')), errors.join('\n'));
    });

    it('when the manifest version has no bundled schema, then validation says so instead of downloading one', async () => {
      const errors = await validateAppManifest({ ...filledManifest(), manifestVersion: '9.99' });
      assert.deepEqual(errors, ['/manifestVersion 9.99 has no schema in the installed @microsoft/app-manifest']);
      assert.equal(fetchStub.callCount, 0);
    });

    it('when MicrosoftAppId is absent, then the nil GUID is used and a warning says so', () => {
      const { values, warnings } = manifestValuesFromEnv({}, '0.1.0');
      assert.equal(values['MICROSOFT_APP_ID'], placeholderAppId);
      assert.ok(warnings.some((warning) => warning.includes('MicrosoftAppId')));
    });

    it('when MicrosoftAppId or APP_VERSION is malformed, then building the values fails with a message naming it', () => {
      assert.throws(() => manifestValuesFromEnv({ MicrosoftAppId: 'not-a-guid' }, '0.1.0'), /MicrosoftAppId must be a GUID/);
      assert.throws(() => manifestValuesFromEnv({ APP_VERSION: '1.0' }, '0.1.0'), /MAJOR\.MINOR\.PATCH/);
      assert.throws(() => manifestValuesFromEnv({ BOT_DOMAIN: 'https://coach.example.org/' }, '0.1.0'), /BOT_DOMAIN/);
    });

    it('when BOT_DOMAIN is absent, then validDomains is empty and the manifest still validates', async () => {
      const manifest = filledManifest({ BOT_DOMAIN: undefined });
      assert.deepEqual(manifest['validDomains'], []);
      assert.deepEqual(await validateAppManifest(manifest), []);
    });

    it('when a placeholder outside a list has no value, then building the manifest names it', () => {
      assert.throws(() => buildAppManifest({ id: '${{MICROSOFT_APP_ID}}', name: '${{NOPE}}' }, { MICROSOFT_APP_ID: appId }), /needs values for: NOPE/);
    });

    it('when the bot is listed, then it offers the personal and team commands in all three scopes', () => {
      const bot = firstBot(filledManifest());
      assert.deepEqual(bot.scopes, ['personal', 'team', 'groupChat']);
      const titles = (scope: string): string[] => bot.commandLists.find((list) => list.scopes.includes(scope))?.commands.map((command) => command.title) ?? [];
      assert.deepEqual(titles('personal'), ['help', 'practice', 'progress', 'roleplay', 'check-ins', 'remind me', 'my data', 'language']);
      assert.deepEqual(titles('team'), ['help', 'workshop', 'schedule check-in', 'check-ins']);
      assert.deepEqual(titles('groupChat'), titles('team'));
    });

    it('when the bot is listed, then it supports files, so exports can come through the file consent card, and the manifest still validates', async () => {
      const manifest = filledManifest();
      assert.equal(firstBot(manifest).supportsFiles, true);
      assert.deepEqual(await validateAppManifest(manifest), []);
      const wrong = filledManifest();
      (firstBot(wrong) as { supportsFiles: unknown }).supportsFiles = 'yes';
      const errors = await validateAppManifest(wrong);
      assert.ok(errors.some((error) => error.startsWith('/bots/0/supportsFiles')), errors.join('\n'));
    });
  });

  describe('packager', () => {
    it('when it runs, then the zip holds exactly manifest.json and both icons, and the manifest carries the app id', async () => {
      const outFile = path.join(tempDir(), 'out', 'partner-coach.zip');
      const result = await packageApp({ env: productionEnv, outFile, defaultVersion: '2.0.1' });
      const entries = readZip(readFileSync(outFile));
      assert.deepEqual([...entries.keys()].sort(), ['color.png', 'manifest.json', 'outline.png', 'sv-se.json']);
      const manifest = JSON.parse(entries.get('manifest.json')?.toString('utf8') ?? '') as JsonObject;
      assert.equal(manifest['id'], appId);
      assert.equal(firstBot(manifest).botId, appId);
      assert.equal(manifest['version'], '2.0.1');
      assert.deepEqual(manifest['webApplicationInfo'], { id: appId });
      assert.deepEqual(entries.get('color.png'), readFileSync(path.join(appPackageDir, 'color.png')));
      assert.deepEqual(result.manifest, manifest);
      assert.equal(fetchStub.callCount, 0);
    });

    it('when no app id is set, then the package still builds and webApplicationInfo carries the same placeholder id as the bot', async () => {
      const outFile = path.join(tempDir(), 'partner-coach.zip');
      const result = await packageApp({ env: {}, outFile, defaultVersion: '0.1.0' });
      const manifest = JSON.parse(readZip(readFileSync(outFile)).get('manifest.json')?.toString('utf8') ?? '') as JsonObject;
      assert.equal(manifest['id'], placeholderAppId);
      assert.equal(firstBot(manifest).botId, placeholderAppId);
      assert.deepEqual(manifest['webApplicationInfo'], { id: placeholderAppId });
      assert.deepEqual(await validateAppManifest(manifest), []);
      assert.ok(result.warnings.some((warning) => warning.includes('MicrosoftAppId')));
    });

    it('when an app id is set but developer URLs are missing or example.com, then it refuses with each problem and writes no zip', async () => {
      const outFile = path.join(tempDir(), 'partner-coach.zip');
      const placeholderEnv = { ...productionEnv, APP_WEBSITE_URL: undefined, APP_PRIVACY_URL: 'https://example.com/partner-coach/privacy', BOT_DOMAIN: 'coach.example.org' };
      await assert.rejects(packageApp({ env: placeholderEnv, outFile, defaultVersion: '1.0.0' }), (error: unknown) => {
        assert.ok(error instanceof PlaceholderError);
        assert.equal(error.problems.length, 3, error.message);
        assert.match(error.message, /APP_WEBSITE_URL is not set/);
        assert.match(error.message, /APP_PRIVACY_URL is a placeholder/);
        assert.match(error.message, /BOT_DOMAIN is a placeholder/);
        return true;
      });
      assert.throws(() => readFileSync(outFile), { code: 'ENOENT' });
    });

    it('when the app id is the nil GUID placeholder, then a production package is refused', async () => {
      const outFile = path.join(tempDir(), 'partner-coach.zip');
      await assert.rejects(packageApp({ env: { ...productionEnv, MicrosoftAppId: placeholderAppId }, outFile, defaultVersion: '1.0.0' }), /MicrosoftAppId is the placeholder/);
    });

    it('when the filled manifest breaks the schema, then it rejects with the schema errors and writes no zip', async () => {
      const dir = tempDir();
      for (const icon of ['color.png', 'outline.png']) copyFileSync(path.join(appPackageDir, icon), path.join(dir, icon));
      writeFileSync(path.join(dir, 'manifest.template.json'), JSON.stringify({ ...template(), accentColor: 'teal' }));
      const outFile = path.join(dir, 'partner-coach.zip');
      await assert.rejects(packageApp({ env: productionEnv, outFile, appPackageDir: dir }), (error: unknown) => {
        assert.ok(error instanceof ManifestValidationError);
        assert.ok(error.errors.some((message) => message.startsWith('/accentColor')), error.message);
        return true;
      });
      assert.throws(() => readFileSync(outFile), { code: 'ENOENT' });
    });
  });

  describe('icons', () => {
    const colour = readFileSync(path.join(appPackageDir, 'color.png'));
    const outline = readFileSync(path.join(appPackageDir, 'outline.png'));

    it('when the icons are read, then color.png is 192x192 and outline.png is 32x32', () => {
      assert.deepEqual(pngSize(colour), { width: 192, height: 192 });
      assert.deepEqual(pngSize(outline), { width: 32, height: 32 });
    });

    it('when outline.png is decoded, then every pixel is white or fully transparent and some are opaque', () => {
      const { rgba } = decodePng(outline);
      let opaque = 0;
      for (let i = 0; i < rgba.length; i += 4) {
        const [r, g, b, a] = rgba.subarray(i, i + 4);
        if (a === 0) continue;
        assert.deepEqual([r, g, b], [255, 255, 255], `pixel ${i / 4} is not white`);
        if (a === 255) opaque++;
      }
      assert.ok(opaque > 50, `only ${opaque} opaque pixels`);
    });

    it('when the manifest is filled, then its accentColor is the background of color.png', () => {
      const accentColour = filledManifest()['accentColor'];
      assert.ok(typeof accentColour === 'string');
      assert.deepEqual([...decodePng(colour).rgba.subarray(0, 3)], [1, 3, 5].map((at) => parseInt(accentColour.slice(at, at + 2), 16)));
    });

    it('when color.png is decoded, then it is opaque everywhere and uses more than two colours', () => {
      const { rgba } = decodePng(colour);
      const colours = new Set<number>();
      for (let i = 0; i < rgba.length; i += 4) {
        assert.equal(rgba[i + 3], 255, `pixel ${i / 4} is not opaque`);
        colours.add(((rgba[i] ?? 0) << 16) | ((rgba[i + 1] ?? 0) << 8) | (rgba[i + 2] ?? 0));
      }
      assert.ok(colours.size > 2, `only ${colours.size} colours`);
    });
  });
});
