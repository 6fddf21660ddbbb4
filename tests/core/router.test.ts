import assert from 'node:assert/strict';
import type { Capability, CommandRoute } from '../../src/core/capability';
import { normaliseCommandText, Router } from '../../src/core/router';

const command = (id: string, words: string[], scopes: CommandRoute['scopes'] = ['personal']): CommandRoute => ({
  id,
  words,
  scopes,
  help: { usageKey: `${id}.usage`, descriptionKey: `${id}.description` },
  run: async () => [],
});

const capability = (overrides: Partial<Capability>): Capability => ({
  id: 'test',
  commands: [],
  actions: [],
  menu: [],
  cardTemplates: [],
  ...overrides,
});

describe('router', () => {
  const router = new Router([
    capability({
      commands: [command('practice', ['practice', 'öva']), command('delete-data', ['delete my data', 'radera mina data']), command('workshop', ['workshop'], ['channel'])],
      actions: [{ verb: 'exercise.submit', run: async () => ({}) }],
    }),
  ]);

  it('when a command has an argument, then the route and the argument are returned', () => {
    const match = router.matchCommand('  Practice   Trust ', 'personal');
    assert.equal(match.kind, 'command');
    assert.equal(match.kind === 'command' && match.route.id, 'practice');
    assert.equal(match.kind === 'command' && match.argument, 'trust');
  });

  it('when the Swedish word is typed, then the same route is found', () => {
    const match = router.matchCommand('Öva', 'personal');
    assert.equal(match.kind === 'command' && match.route.id, 'practice');
  });

  it('when a longer phrase matches, then it wins over a shorter one', () => {
    const match = router.matchCommand('delete my data', 'personal');
    assert.equal(match.kind === 'command' && match.route.id, 'delete-data');
  });

  it('when a word only starts like a command, then it is not that command, only a suggestion of it', () => {
    const match = router.matchCommand('practiced', 'personal');
    assert.equal(match.kind === 'command' ? match.route.id : match.kind, 'did-you-mean');
  });

  it('when a word is far from every command, then it is unknown', () => {
    assert.equal(router.matchCommand('banana', 'personal').kind, 'unknown');
  });

  it('when a command is used outside its scopes, then it is reported as wrong scope', () => {
    assert.equal(router.matchCommand('workshop', 'personal').kind, 'wrong-scope');
    assert.equal(router.matchCommand('workshop', 'channel').kind, 'command');
  });

  it('when a verb is registered, then it is found, and an unknown verb is not', () => {
    assert.ok(router.action('exercise.submit'));
    assert.equal(router.action('exercise.nope'), undefined);
  });

  it('when two capabilities claim the same word or verb, then building the router fails', () => {
    assert.throws(() => new Router([capability({ commands: [command('a', ['help'])] }), capability({ commands: [command('b', ['HELP'])] })]), /claimed by a and b/);
    const action = { verb: 'x', run: async () => ({}) };
    assert.throws(() => new Router([capability({ actions: [action] }), capability({ actions: [action] })]), /registered twice/);
  });

  it('when text has punctuation around it, then it is normalised away', () => {
    assert.equal(normaliseCommandText('/Help!'), 'help');
    assert.equal(normaliseCommandText('  språk   SV. '), 'språk sv');
  });
});
