import assert from 'node:assert/strict';
import path from 'node:path';
import sinon from 'sinon';
import type { Capability } from '../../src/core/capability';
import type { Locale } from '../../src/core/locale';
import { Translator } from '../../src/core/translator';
import type { ConversationKind, Turn } from '../../src/core/turn';
import { homeCapability } from '../../src/home/home-capability';
import { HomeService } from '../../src/home/home-service';
import type { UserSettingsRepository } from '../../src/home/user-settings';

const translator = Translator.load(path.resolve(__dirname, '..', '..', 'content', 'locales'));

const turnIn = (kind: ConversationKind, locale: Locale): Turn => ({
  actor: { userKey: 'user-1', tenantId: 'tenant-1', displayName: 'Alex' },
  conversation: { key: 'conversation-1', kind, teamKey: undefined },
  locale,
  t: translator.forLocale(locale),
  timeZone: undefined,
  now: new Date('2026-12-02T10:00:00Z'),
  members: async () => [],
});

describe('HomeService help card', () => {
  it('when help is asked again in the same kind of chat and language, then the card is the same and its commands are not gathered again', () => {
    const capabilities: Capability[] = [];
    const listed = sinon.spy((): readonly Capability[] => capabilities);
    const home = new HomeService(listed, {} as UserSettingsRepository, translator);
    capabilities.push(homeCapability(home));
    const first = home.help(turnIn('personal', 'en'));
    const gathered = listed.callCount;
    assert.ok(gathered > 0);
    assert.deepEqual(home.help(turnIn('personal', 'en')), first);
    assert.equal(listed.callCount, gathered);
    const swedish = home.help(turnIn('personal', 'sv'));
    assert.ok(listed.callCount > gathered, 'another language is gathered for itself');
    assert.notDeepEqual(swedish, first);
    assert.notDeepEqual(home.help(turnIn('channel', 'en')), first, 'a channel gets its own');
  });

  it('when help comes with a notice (an unknown command), then the notice is on that card and not on the next plain one', () => {
    const capabilities: Capability[] = [];
    const home = new HomeService(() => capabilities, {} as UserSettingsRepository, translator);
    capabilities.push(homeCapability(home));
    const turn = turnIn('personal', 'en');
    const plain = JSON.stringify(home.help(turn));
    const [unknown] = home.unknown(turn);
    assert.ok(JSON.stringify(unknown).includes(JSON.stringify(translator.translate('en', 'home.unknown')).slice(1, -1)));
    assert.equal(JSON.stringify(home.help(turn)), plain);
  });
});
