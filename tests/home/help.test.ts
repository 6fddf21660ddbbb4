import assert from 'node:assert/strict';
import path from 'node:path';
import { ThemeCatalog } from '../../src/content/themes';
import { Translator } from '../../src/core/translator';
import { messageActivity, type ActivityOptions } from '../support/activities';
import { attachedCard, cardText, startTestApp, type TestApp } from '../support/test-app';

const contentDir = path.resolve(__dirname, '..', '..', 'content');

describe('help that helps (real HTTP)', () => {
  let harness: TestApp;
  const options = (overrides: Partial<ActivityOptions> = {}): ActivityOptions => ({ serviceUrl: harness.connector.serviceUrl, ...overrides });
  const say = async (text: string, overrides: Partial<ActivityOptions> = {}): Promise<Record<string, unknown>> => {
    const before = harness.connector.posted().length;
    await harness.post(messageActivity(options(overrides), text));
    const replies = harness.connector.posted().slice(before).filter((call) => call.body.type === 'message');
    assert.equal(replies.length, 1, `one reply to "${text}"`);
    return replies[0]?.body ?? {};
  };

  beforeEach(async () => {
    harness = await startTestApp();
  });
  afterEach(async () => harness.stop());

  for (const text of ['hello', 'What can you do?', 'hej']) {
    it(`when someone says "${text}", then a short friendly line points at practice and role-play instead of the command card`, async () => {
      const reply = await say(text);
      assert.equal(attachedCard(reply), undefined, 'no card');
      assert.match(String(reply.text), /practice|öva/);
      assert.match(String(reply.text), /roleplay|rollspel/);
      assert.ok(String(reply.text).length < 250);
    });
  }

  it('when someone asks for help, then practice and role-play come first and the theme words are listed', async () => {
    const text = cardText(attachedCard(await say('help')));
    const commands = text.slice(text.indexOf('Commands'));
    assert.match(commands, /^Commands\npractice \[theme\]\n[^\n]*\nroleplay/);
    assert.match(commands, /perspective, customer's customer, business, initiative, listening, demands, order, trust/);
    assert.doesNotMatch(commands, /\nhello\n/, 'the greeting is not a row of its own');
  });

  it('when the theme words of the help card are typed after practice, then each one is a theme', () => {
    const themes = ThemeCatalog.load(contentDir);
    const translator = Translator.load(path.join(contentDir, 'locales'));
    for (const locale of ['en', 'sv'] as const) {
      const description = translator.translate(locale, 'exercises.commands.practice.description');
      const words = (description.split(': ').at(-1) ?? '').replace(/\.$/, '').split(', ');
      assert.equal(words.length, themes.all.length, description);
      assert.deepEqual(new Set(words.map((word) => themes.find(word)?.id)).size, themes.all.length, `${locale}: ${words.join(' | ')}`);
    }
  });

  for (const [typed, meant] of [['rollplay', 'roleplay'], ['practse', 'practise'], ['framstg', 'framsteg']] as const) {
    it(`when someone types "${typed}", then the nearest command "${meant}" is suggested`, async () => {
      const reply = await say(typed);
      assert.match(String(reply.text), new RegExp(`Did you mean ${meant}\\?`));
    });
  }

  it('when the text is nowhere near a command, then the help card says it did not recognise it', async () => {
    const text = cardText(attachedCard(await say('banana bread recipe')));
    assert.match(text, /I didn't recognise that/);
  });
});
