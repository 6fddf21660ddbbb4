import assert from 'node:assert/strict';
import path from 'node:path';
import { CardRenderer } from '../../src/cards/card-renderer';
import { summaryView } from '../../src/checkins/checkin-results';
import { QuestionSetCatalog } from '../../src/checkins/question-sets';
import type { CollectionResults } from '../../src/collect/aggregation';
import { Translator } from '../../src/core/translator';
import { cardText } from '../support/test-app';
import { fixtureOccurrence, fixtureResults, fixtureSchedule } from './card-fixtures';

const root = path.resolve(__dirname, '..', '..');
const renderer = CardRenderer.load(path.join(root, 'cards'));
const set = QuestionSetCatalog.load(path.join(root, 'content', 'checkins')).find('customer-side');
const reader = { t: Translator.load(path.join(root, 'content', 'locales')).forLocale('en'), locale: 'en' as const, timeZone: 'Europe/Stockholm', now: new Date('2026-03-12T08:00:00Z') };

describe('the owner\'s check-in summary card', () => {
  it('when fifty people wrote the longest answers allowed, then the card stays under Teams\' 28 KB and says how many did not fit', () => {
    assert.ok(set);
    const [scale, written] = fixtureResults.questions as [CollectionResults['questions'][number], CollectionResults['questions'][number]];
    const texts = Array.from({ length: 50 }, (_, index) => ({ answerId: `a_${index}`, questionId: written.questionId, value: { kind: 'text' as const, text: `${index} ${'x'.repeat(496)}` } }));
    const results: CollectionResults = { ...fixtureResults, respondents: 50, invited: 60, questions: [scale, { ...written, answers: 50, texts }] };
    const card = renderer.render(summaryView(fixtureSchedule, { ...fixtureOccurrence, closed: true }, set, results, [], reader));
    const bytes = Buffer.byteLength(JSON.stringify(card));
    assert.ok(bytes < 28 * 1024, `${bytes} bytes`);
    const shown = texts.filter(({ value }) => cardText(card).includes(value.text)).length;
    assert.ok(shown >= 20 && shown < 50, `${shown} shown`);
    assert.match(cardText(card), new RegExp(`Written answers: 50, in random order and without names\\. .* ${50 - shown} more did not fit on this card\\.`));
  });
});
