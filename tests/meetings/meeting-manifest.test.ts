import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildAppManifest, manifestValuesFromEnv, type JsonObject } from '../../scripts/lib/app-manifest';
import { validateAppManifest } from '../../scripts/lib/manifest-schema';

const templateFile = path.resolve(__dirname, '..', '..', 'deploy', 'appPackage', 'manifest.template.json');
const appId = '0f5a3c1e-9b2d-4c7e-8a11-2b3c4d5e6f70';

function manifest(): JsonObject {
  const template = JSON.parse(readFileSync(templateFile, 'utf8')) as JsonObject;
  return buildAppManifest(template, manifestValuesFromEnv({ MicrosoftAppId: appId, BOT_DOMAIN: 'coach.example.org' }, '1.0.0').values);
}

type Permission = { name: string; type: string };
const permissionsOf = (filled: JsonObject): Permission[] =>
  ((filled['authorization'] as { permissions: { resourceSpecific: Permission[] } }).permissions.resourceSpecific);

describe('the app manifest for meetings', () => {
  it('when the template is filled, then the bot works in personal, group chat and team scopes and asks for the meeting RSC permissions, and it validates', async () => {
    const filled = manifest();
    const bot = (filled['bots'] as Array<{ scopes: string[] }>)[0];
    assert.deepEqual([...(bot?.scopes ?? [])].sort(), ['groupChat', 'personal', 'team']);
    assert.deepEqual(filled['webApplicationInfo'], { id: appId });
    assert.deepEqual(
      permissionsOf(filled).map((permission) => `${permission.name}:${permission.type}`).sort(),
      ['ChannelMeeting.ReadBasic.Group:Application', 'OnlineMeeting.ReadBasic.Chat:Application', 'OnlineMeetingParticipant.Read.Chat:Application'],
    );
    assert.deepEqual(await validateAppManifest(filled), []);
  });

  it('when a permission has a type the schema does not know, then validation reports it', async () => {
    const filled = manifest();
    const first = permissionsOf(filled)[0];
    if (first) first.type = 'App';
    const errors = await validateAppManifest(filled);
    assert.ok(errors.some((error) => error.startsWith('/authorization/permissions/resourceSpecific/0')), errors.join('\n'));
  });
});
