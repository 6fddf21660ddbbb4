import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as ACData from 'adaptivecards-templating';
import { CardRenderer } from '../../src/cards/card-renderer';
import { UnsupportedExpression } from '../../src/cards/compiled-expression';
import { CompiledTemplate } from '../../src/cards/compiled-template';
import { cardView } from '../../src/cards/card-view';
import { allCardFixtures } from './all-card-fixtures';
import { dataVariants, seededRandom } from './data-variants';

const cardsDir = path.resolve(__dirname, '..', '..', 'cards');
const templateJson = (name: string): unknown => JSON.parse(readFileSync(path.join(cardsDir, `${name}.json`), 'utf8'));

type Outcome = { value: unknown } | { error: string };
const outcome = (expand: () => unknown): Outcome => {
  try {
    return { value: expand() };
  } catch (error) {
    return { error: (error as Error).message };
  }
};

/** The library is the reference: the compiled expansion must give the same card, or fail with the same message. */
function sameAsLibrary(payload: unknown, label: string): (data: unknown) => void {
  const library = new ACData.Template(payload);
  const compiled = new CompiledTemplate(payload);
  return (data) => {
    const expected = outcome(() => library.expand({ $root: data }) as unknown);
    assert.deepStrictEqual(outcome(() => compiled.expand(data)), expected, `${label} with ${JSON.stringify(data)}`);
  };
}

describe('compiled card templates', () => {
  const fixtures = allCardFixtures();

  it('when the cards are loaded, then every template in cards/ is compiled and none is left to the library', () => {
    assert.deepEqual(CardRenderer.load(cardsDir).templatesLeftToLibrary(), []);
  });

  it('when a card is rendered through the renderer, then it is the library\'s expansion of the fixture data', () => {
    const renderer = CardRenderer.load(cardsDir);
    for (const fixture of fixtures) {
      assert.deepStrictEqual(renderer.render(fixture), new ACData.Template(templateJson(fixture.template.name)).expand({ $root: fixture.data }), fixture.template.name);
    }
  });

  for (const name of readdirSync(cardsDir).filter((file) => file.endsWith('.json')).map((file) => path.basename(file, '.json'))) {
    it(`when ${name} is expanded with its fixtures, fields left out, arrays emptied and odd values, then it matches the library`, () => {
      const random = seededRandom(name.length * 7919 + name.charCodeAt(0));
      const assertSame = sameAsLibrary(templateJson(name), name);
      const own = fixtures.filter((fixture) => fixture.template.name === name);
      assert.ok(own.length > 0, `no fixture for ${name}`);
      for (const fixture of own) {
        assertSame(fixture.data);
        for (const variant of dataVariants(fixture.data, random, 40)) assertSame(variant);
      }
      assertSame({});
    });
  }
});

describe('compiling the templating constructs', () => {
  const card = (body: unknown[]): unknown => ({ type: 'AdaptiveCard', version: '1.5', body });
  const cases: { name: string; payload: unknown; data: unknown[] }[] = [
    {
      name: 'a whole-string expression keeps the value\'s type; interpolation makes a string',
      payload: { raw: '${value}', text: 'n=${value}!', two: '${value}${value}', plain: 'no expression', num: 3, flag: false, nothing: null },
      data: [{ value: 4 }, { value: true }, { value: { a: 1 } }, { value: ['a', 'b'] }, { value: '' }, {}, { value: null }, { value: 'say "hi" $x\n' }],
    },
    {
      name: '$when keeps an element only when it is true; other values and failures drop it',
      payload: card([{ type: 'TextBlock', text: 'a', $when: '${show}' }, { type: 'TextBlock', text: 'b', $when: "${note != ''}" }, { type: 'TextBlock', $when: '${count(items) > 0}', text: '${count(items)}' }]),
      data: [{ show: true, note: 'n', items: [1] }, { show: 'yes', note: '', items: [] }, { show: 1 }, { note: null, items: 'ab' }, { items: {} }, { items: null }, { items: 3 }],
    },
    {
      name: 'count of a string, array or object is its size; of null or a number an error',
      payload: { n: '${count(items)}', text: 'n=${count(items)}' },
      data: [{ items: 'abc' }, { items: [1, 2] }, { items: { a: 1 } }, { items: null }, { items: 3 }, {}, { items: new Map([['a', 1]]) }],
    },
    {
      name: 'a $when that is not an expression drops the element when truthy',
      payload: card([{ type: 'TextBlock', text: 'x', $when: true }, { type: 'TextBlock', text: 'y', $when: 'always' }, { type: 'TextBlock', text: 'z', $when: false }]),
      data: [{}],
    },
    {
      name: 'logic: and, or, not, == and >',
      payload: card([
        { type: 'TextBlock', text: 'and', $when: '${a && !b}' }, { type: 'TextBlock', text: 'or', $when: '${a || b}' },
        { type: 'TextBlock', text: 'eq', $when: "${a == 'x'}" }, { type: 'TextBlock', text: 'gt', $when: '${a > b}' },
        { type: 'TextBlock', text: '${a > b}' }, { type: 'TextBlock', text: '${!a}' }, { type: 'TextBlock', text: '${a == b}' }, { type: 'TextBlock', text: '${a != b}' },
      ]),
      data: [
        { a: 'x' }, { a: true, b: false }, { a: 2, b: 1 }, { a: 'b', b: 'a' }, { a: null, b: 0 }, {}, { a: [], b: {} }, { a: 2, b: 'x' },
        { a: [1, 'x'], b: [1, 'x'] }, { a: { x: 1 }, b: { x: 1 } }, { a: 0.1 + 0.2, b: 0.3 }, { a: null, b: null },
      ],
    },
    {
      name: '$data repeats over an array with $index, re-scopes to an object, and reaches $root',
      payload: card([{
        type: 'Container', $data: '${groups}',
        items: [{ type: 'TextBlock', $data: '${rows}', text: '${$index}: ${name} of ${$root.title} (${$data.name})' }, { type: 'TextBlock', text: '${$index} ${label}' }],
      }, { type: 'TextBlock', $data: '${single}', text: '${name} ${$index}' }]),
      data: [
        { title: 'T', groups: [{ label: 'g1', rows: [{ name: 'a' }, { name: 'b' }] }, { label: 'g2', rows: [] }, { label: 'g3', rows: [{ name: 'c' }] }], single: { name: 's' } },
        { title: 'T', groups: [], single: 'text' }, { groups: { label: 'one', rows: { name: 'only' } } }, {}, { groups: [undefined, { label: 'after' }] },
      ],
    },
    {
      name: 'arrays: repeated objects and array values are flattened, nulls dropped',
      payload: { items: ['${list}', { $data: '${list}', v: '${$data}' }, null, [1, [2]], '${missing}'], one: { $data: '${list}', v: 'x' }, none: { $data: '${empty}', v: 'x' } },
      data: [{ list: [1, 2], empty: [] }, { list: [], empty: [] }, { list: 'x' }],
    },
    {
      name: 'a literal $data re-scopes without expressions',
      payload: { items: [{ $data: [{ n: 1 }, { n: 2 }], t: '${n}' }, { $data: { n: 3 }, t: '${n}' }, { $data: null, t: '${n}' }] },
      data: [{ n: 0 }],
    },
    {
      name: 'paths ignore case, stop at falsy values and find no array length',
      payload: { a: '${Title}', b: '${user.NAME}', c: '${zero.x}', g: '${$ROOT.title}', h: '${list.length}', i: '${$foo}', j: '${user.name.x}' },
      data: [
        { title: 't', user: { name: 'n', Name: 'N' }, zero: 0, list: ['first'], text: 'abc' }, { TITLE: 'T', title: 't' },
        { user: new Map<string, unknown>([['NAME', 'm'], ['name', { x: 1 }]]) }, { user: new Map([['name', 'lower']]), title: new Map() },
      ],
    },
    {
      name: 'a whole card whose $data is empty expands to null',
      payload: { type: 'AdaptiveCard', $data: '${cards}', version: '1.5' },
      data: [{ cards: [] }, { cards: [{}, {}] }],
    },
  ];
  for (const testCase of cases) {
    it(`when ${testCase.name}, then the compiled template matches the library`, () => {
      const assertSame = sameAsLibrary(testCase.payload, testCase.name);
      for (const data of testCase.data) assertSame(data);
    });
  }
});

describe('templates the compiler does not mirror', () => {
  const unsupported = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: "${formatNumber(score, 1)} of ${if(done, 'all', 'some')}" }] };

  it('when a template uses a function the compiler does not mirror, then compiling it fails loudly', () => {
    assert.throws(() => new CompiledTemplate(unsupported), UnsupportedExpression);
    assert.throws(() => new CompiledTemplate({ text: '${$host.theme}' }), UnsupportedExpression);
    assert.throws(() => new CompiledTemplate({ $data: [{ t: '${x}' }], text: 'y' }), UnsupportedExpression);
  });

  it('when such a template is in the cards folder, then the renderer leaves it to the library and renders it as the library does', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'compiled-cards-'));
    try {
      writeFileSync(path.join(folder, 'scored.json'), JSON.stringify(unsupported));
      const renderer = CardRenderer.load(folder);
      assert.deepEqual(renderer.templatesLeftToLibrary(), ['scored']);
      const data = { score: 3.14159, done: true };
      assert.deepStrictEqual(renderer.render(cardView({ name: 'scored' }, data)), new ACData.Template(unsupported).expand({ $root: data }));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
