import assert from 'node:assert/strict';
import { aggregate } from '../../src/collect/aggregation';
import { acceptsAnswers, applySubmissions, resultsVisible, type Collection } from '../../src/collect/collection';
import { resultsView, toBars } from '../../src/collect/results-view';
import { UserFacingError } from '../../src/core/errors';

const collection = (overrides: Partial<Collection> = {}, settings: Partial<Collection['settings']> = {}): Collection => ({
  id: 'col_1',
  purpose: 'check-in',
  questions: [
    { id: 'text', form: 'free-text' },
    { id: 'pick', form: 'options', optionCount: 3 },
    { id: 'scale', form: 'scale' },
  ],
  settings: { anonymous: true, minResponses: 3, maxAnswersPerPerson: 2, resultsShown: 'when-revealed', ...settings },
  status: 'open',
  revealed: false,
  hiddenAnswerIds: [],
  createdAt: '2026-03-10T08:00:00.000Z',
  ...overrides,
});

let ids = 0;
const newId = (): string => `a_${(ids += 1)}`;
const rejectsWith = (key: string) => (error: unknown) => error instanceof UserFacingError && error.messageKey === key;
const t = (key: string, params: Record<string, string | number> = {}): string => `${key}${JSON.stringify(params)}`;

describe('collection rules', () => {
  it('when a closing time has passed, then answers are no longer taken even though the collection is open', () => {
    const closing = collection({}, { closesAt: '2026-03-10T14:30:00.000Z' });
    assert.equal(acceptsAnswers(closing, new Date('2026-03-10T14:29:59Z')), true);
    assert.equal(acceptsAnswers(closing, new Date('2026-03-10T14:30:00Z')), false);
    assert.equal(acceptsAnswers(collection({ status: 'closed' }), new Date('2026-03-10T09:00:00Z')), false);
  });

  it('when fewer people than the minimum answered, then results stay hidden even after reveal or close', () => {
    assert.equal(resultsVisible(collection({ revealed: true }), 2), false);
    assert.equal(resultsVisible(collection({ status: 'closed' }), 3), true);
    assert.equal(resultsVisible(collection(), 5), false, 'when-revealed waits for reveal');
    assert.equal(resultsVisible(collection({}, { resultsShown: 'live' }), 3), true);
  });

  it('when a person edits one free-text answer and adds another, then the edited one keeps its id', () => {
    const first = applySubmissions(collection(), [], [{ questionId: 'text', form: 'free-text', texts: [{ text: 'Ask first' }] }], newId);
    const id = first[0]?.answerId ?? '';
    const next = applySubmissions(collection(), first, [{ questionId: 'text', form: 'free-text', texts: [{ answerId: id, text: 'Ask, then sum up' }, { text: 'Follow up' }] }], newId);
    assert.deepEqual(next.map((answer) => [answer.answerId === id, answer.value]), [
      [true, { kind: 'text', text: 'Ask, then sum up' }],
      [false, { kind: 'text', text: 'Follow up' }],
    ]);
  });

  it('when an entry names an answer id that is not the person’s own, then it is taken as a new answer, never as an edit', () => {
    const next = applySubmissions(collection(), [], [{ questionId: 'text', form: 'free-text', texts: [{ answerId: 'a_someone-elses', text: 'Mine' }] }], newId);
    assert.notEqual(next[0]?.answerId, 'a_someone-elses');
  });

  it('when an edit empties a text, then that answer is removed', () => {
    const first = applySubmissions(collection(), [], [{ questionId: 'text', form: 'free-text', texts: [{ text: 'Gone soon' }] }], newId);
    assert.deepEqual(applySubmissions(collection(), first, [{ questionId: 'text', form: 'free-text', texts: [{ answerId: first[0]?.answerId ?? '', text: ' ' }] }], newId), []);
  });

  it('when answers break the rules, then a kind error names what is wrong', () => {
    const texts = (count: number) => Array.from({ length: count }, (_, index) => ({ text: `Idea ${index}` }));
    assert.throws(() => applySubmissions(collection(), [], [{ questionId: 'text', form: 'free-text', texts: texts(3) }], newId), rejectsWith('collect.errors.tooMany'));
    assert.throws(() => applySubmissions(collection(), [], [{ questionId: 'text', form: 'free-text', texts: [{ text: 'x'.repeat(501) }] }], newId), rejectsWith('errors.tooLong'));
    assert.throws(() => applySubmissions(collection(), [], [{ questionId: 'pick', form: 'options', indices: [3] }], newId), rejectsWith('collect.errors.invalid'));
    assert.throws(() => applySubmissions(collection(), [], [{ questionId: 'scale', form: 'scale', value: 6 }], newId), rejectsWith('collect.errors.invalid'));
    assert.throws(() => applySubmissions(collection(), [], [{ questionId: 'scale', form: 'options', indices: [0] }], newId), rejectsWith('collect.errors.invalid'));
  });

  it('when answers are aggregated, then options, the scale and texts are counted and hidden answers left out', () => {
    const sheet = {
      respondents: 3,
      answers: [
        { answerId: 'a1', questionId: 'pick', value: { kind: 'options' as const, indices: [0, 2] } },
        { answerId: 'a2', questionId: 'pick', value: { kind: 'options' as const, indices: [2] } },
        { answerId: 'a3', questionId: 'scale', value: { kind: 'scale' as const, value: 4 } },
        { answerId: 'a4', questionId: 'scale', value: { kind: 'scale' as const, value: 5 } },
        { answerId: 'a5', questionId: 'text', value: { kind: 'text' as const, text: 'Call back' } },
      ],
    };
    const results = aggregate(collection({ revealed: true }), sheet, 4);
    assert.equal(results.responseRate, 0.75);
    assert.deepEqual(results.questions.find((question) => question.questionId === 'pick')?.optionCounts, [1, 0, 2]);
    assert.deepEqual(results.questions.find((question) => question.questionId === 'scale')?.scaleCounts, [0, 0, 0, 1, 1]);
    assert.equal(results.questions.find((question) => question.questionId === 'scale')?.scaleMean, 4.5);
    assert.deepEqual(aggregate(collection(), sheet).questions, [], 'nothing per question before reveal');
  });

  it('when results are drawn, then bars, figures and the response rate come out in the reader’s words', () => {
    const sheet = { respondents: 3, answers: [1, 2, 3].map((value) => ({ answerId: `s${value}`, questionId: 'scale', value: { kind: 'scale' as const, value: value === 3 ? 4 : 5 } })) };
    const view = resultsView(aggregate(collection({ revealed: true }), sheet, 6), 3, () => ({ heading: 'Trust', scale: { low: 'Supplier', high: 'Partner' } }), t, 'sv');
    assert.equal(view.summary, 'collect.results.responseRate{"count":3,"invited":6,"percent":50}');
    const scale = view.sections.find((section) => section.heading === 'Trust' && section.bars.length === 5);
    assert.equal(scale?.bars[4]?.label, '5 – Partner');
    assert.equal(scale?.bars[4]?.bar, '███████░░░');
    assert.match(scale?.note ?? '', /"mean":"4,7"/, 'Swedish decimal comma');
    assert.deepEqual(toBars([{ label: 'none', count: 0 }], 0, t)[0]?.bar, '░░░░░░░░░░');
  });
});
