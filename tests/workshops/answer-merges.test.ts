import assert from 'node:assert/strict';
import type { AnswerSheet } from '../../src/collect';
import { applyMerges, countedVotes, mergeAnswers, separateAnswers } from '../../src/workshops/answer-merges';
import { toggleVote } from '../../src/workshops/workshop';

const answer = (answerId: string): AnswerSheet['answers'][number] => ({ answerId, questionId: 'q1', value: { kind: 'text', text: `text of ${answerId}` } });
const sheet: AnswerSheet = { respondents: 4, answers: ['a', 'b', 'c', 'd'].map(answer) };

describe('merging workshop answers', () => {
  it('when answers are merged, then the sheet shows the kept ones, each with the answers merged into it', () => {
    const merged = applyMerges(sheet, mergeAnswers(mergeAnswers({}, 'a', 'b'), 'c', 'b'));
    assert.deepEqual(merged.answers.map((entry) => entry.answerId), ['b', 'd']);
    assert.deepEqual(merged.absorbed.get('b')?.map((entry) => entry.answerId), ['a', 'c']);
    assert.equal(merged.respondents, 4, 'merging changes no head count');
    assert.deepEqual(['a', 'b', 'c', 'd'].map(merged.canonical), ['b', 'b', 'b', 'd']);
  });

  it('when a kept answer is itself merged on, then everything merged into it moves along and merges stay one level deep', () => {
    const merges = mergeAnswers(mergeAnswers({}, 'a', 'b'), 'b', 'c');
    assert.deepEqual(merges, { a: 'c', b: 'c' });
    assert.deepEqual(mergeAnswers(merges, 'd', 'a'), { a: 'c', b: 'c', d: 'c' }, 'merging into a merged answer goes to the kept one');
  });

  it('when a merge is separated, then each answer stands alone again and other merges stay', () => {
    assert.deepEqual(separateAnswers({ a: 'b', c: 'b', d: 'e' }, 'b'), { d: 'e' });
  });

  it('when one of two merged answers is withdrawn or hidden, then the merge no longer applies', () => {
    const withoutB: AnswerSheet = { respondents: 3, answers: ['a', 'c', 'd'].map(answer) };
    const merged = applyMerges(withoutB, { a: 'b' });
    assert.deepEqual(merged.answers.map((entry) => entry.answerId), ['a', 'c', 'd']);
    assert.equal(merged.canonical('a'), 'a');
  });

  it('when a person voted for two answers that were merged, then their votes count once and a new vote keeps within the allowance', () => {
    const canonical = applyMerges(sheet, { a: 'b' }).canonical;
    assert.deepEqual(countedVotes(['a', 'b', 'd'], canonical), ['b', 'd']);
    assert.deepEqual(toggleVote(['a', 'b'], 'c', 2, canonical), ['b', 'c'], 'the merged pair used one vote of two');
    assert.equal(toggleVote(['a', 'd'], 'c', 2, canonical), undefined);
    assert.deepEqual(toggleVote(['a', 'b', 'd'], 'a', 3, canonical), ['d'], 'taking back a vote for the merged answer takes back both');
  });
});
