import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { catalog } from './roleplay-fixtures';

// The labelled role-play corpus (tests/roleplay/corpus, format in the corpus notes, tests/roleplay/corpus/README.md): this test checks only its shape,
// never how any rule judges it, so the corpus stays an honest measure of the judge.
const folder = path.join(__dirname, 'corpus');
const holdoutMeetings = new Set([
  'vip-skip-the-queue/ahead-of-everyone',
  'sales-blocked-service-desk/third-time',
  'bakery-unasked-proposal/routine-visit',
  'onsite-stressed-reception/new-receptionists',
]);
const labels = ['good', 'mixed', 'poor', 'gaming'];
const verdicts = ['met', 'partly', 'not'];
const verdictsKept = ['kept', 'partly', 'not'];
const keys = new Set(['storyline', 'meeting', 'locale', 'label', 'split', 'note', 'previous', 'learner', 'expected']);

interface CorpusFile {
  name: string;
  data: Record<string, unknown>;
}

function loadCorpus(): CorpusFile[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({ name, data: parse(readFileSync(path.join(folder, name), 'utf8')) as Record<string, unknown> }));
}

/** The split a transcript must have, fixed in advance by the corpus notes. */
function expectedSplit(storyline: string, meeting: string, gamingNumber: number | undefined): string {
  if (gamingNumber !== undefined) return gamingNumber <= 2 ? 'holdout' : 'tune';
  return holdoutMeetings.has(`${storyline}/${meeting}`) ? 'holdout' : 'tune';
}

/** Everything wrong with one file's shape, as readable lines. */
function fileProblems({ name, data }: CorpusFile): string[] {
  const problems: string[] = [];
  const add = (text: string): void => void problems.push(`${name}: ${text}`);
  const { storyline: storyId, meeting: meetingId, locale, label, split, note, previous, learner, expected } = data;
  Object.keys(data).filter((key) => !keys.has(key)).forEach((key) => add(`unknown field ${key}`));
  const story = catalog.find(String(storyId));
  const meetingIndex = story ? story.meetings.findIndex((meeting) => meeting.id === meetingId) : -1;
  if (!story) add(`unknown storyline ${String(storyId)}`);
  else if (meetingIndex < 0) add(`${String(meetingId)} is no meeting of ${story.id}`);
  if (locale !== 'en' && locale !== 'sv') add(`locale ${String(locale)}`);
  if (!labels.includes(String(label))) add(`label ${String(label)}`);
  if (typeof note !== 'string' || note.trim() === '' || note.includes('\n')) add('note must be one line');
  const gaming = /^gaming--([a-z-]+?)--([a-z-]+?)--(\d+)--(en|sv)(?:--batch\d+)?\.yaml$/.exec(name);
  const plain = /^([a-z-]+?)--([a-z-]+?)--(good|mixed|poor)--(en|sv)(?:--batch\d+)?\.yaml$/.exec(name);
  const named = gaming ? [gaming[1], gaming[2], 'gaming', gaming[4]] : plain ? [plain[1], plain[2], plain[3], plain[4]] : undefined;
  if (!named) add('name is not <storyline>--<meeting>--<label>--<locale>[--batch<k>].yaml or gaming--<storyline>--<meeting>--<n>--<locale>[--batch<k>].yaml');
  else if (named.join('/') !== [storyId, meetingId, label, locale].join('/')) add(`name says ${named.join('/')}, content says ${[storyId, meetingId, label, locale].join('/')}`);
  const wantedSplit = expectedSplit(String(storyId), String(meetingId), gaming ? Number(gaming[3]) : undefined);
  if (split !== wantedSplit) add(`split ${String(split)}, the fixed split says ${wantedSplit}`);
  if (!Array.isArray(learner) || learner.length < 5 || learner.length > 9) add('learner must have 5–9 messages');
  else if (learner.some((line) => typeof line !== 'string' || line.trim() === '')) add('every learner message must be text');
  if (meetingIndex >= 1) {
    const prior = previous as { commitment?: unknown; kept?: unknown } | undefined;
    if (typeof prior?.commitment !== 'string' || !verdictsKept.includes(String(prior.kept))) add(`meeting ${meetingIndex + 1} needs previous.commitment and previous.kept (kept | partly | not)`);
  } else if (meetingIndex === 0 && previous !== undefined) add('previous belongs to a later meeting, not the first');
  const meeting = story?.meetings[meetingIndex];
  if (meeting) {
    const given = typeof expected === 'object' && expected !== null ? (expected as Record<string, unknown>) : {};
    const wanted = meeting.rubric.map((check) => check.id);
    if (JSON.stringify(Object.keys(given).sort()) !== JSON.stringify([...wanted].sort())) add(`expected has ${Object.keys(given).join(',')}, the rubric has ${wanted.join(',')}`);
    Object.entries(given).filter(([, verdict]) => !verdicts.includes(String(verdict))).forEach(([id, verdict]) => add(`expected.${id}: ${String(verdict)}`));
  }
  return problems;
}
/** Whether the verdicts fit the label's rule in the corpus notes (partly counts half). */
function labelProblem({ name, data }: CorpusFile): string | undefined {
  const given = Object.values((data.expected ?? {}) as Record<string, string>);
  const met = given.filter((verdict) => verdict === 'met').length;
  const score = met + given.filter((verdict) => verdict === 'partly').length / 2;
  const share = score / given.length;
  const fits: Record<string, boolean> = { good: share >= 0.8, mixed: share >= 0.3 && share <= 0.7, poor: met <= 1, gaming: met <= 1 };
  return fits[String(data.label)] ? undefined : `${name}: ${met} met and score ${score} of ${given.length} do not fit the label ${String(data.label)}`;
}

/** The batch a file was written in: 1 for the first corpus, k for a later one named `…--batch<k>.yaml`. */
const batchOf = (name: string): number => Number(/--batch(\d+)\.yaml$/.exec(name)?.[1] ?? 1);

/** A later batch covers some meetings; each (storyline, meeting, locale) it covers has exactly one good, mixed and poor. */
function laterBatchTwins(files: CorpusFile[]): string[] {
  const groups = new Map<string, string[]>();
  for (const { name, data } of files.filter((file) => file.data.label !== 'gaming')) {
    const key = `batch ${batchOf(name)} ${String(data.storyline)}/${String(data.meeting)}/${String(data.locale)}`;
    groups.set(key, [...(groups.get(key) ?? []), String(data.label)]);
  }
  return [...groups].filter(([, found]) => found.sort().join(',') !== 'good,mixed,poor').map(([key, found]) => `${key}: ${found.join(', ')}, twins need one each of good, mixed, poor`);
}

/** Problems of the corpus as a whole: twins, counts, the balance of languages and the size of the set-aside part. */
function corpusProblems(all: CorpusFile[]): string[] {
  const problems = all.flatMap(fileProblems);
  all.forEach((file) => {
    const problem = labelProblem(file);
    if (problem) problems.push(problem);
  });
  const later = all.filter((file) => batchOf(file.name) > 1);
  problems.push(...laterBatchTwins(later));
  for (const group of [later.filter((file) => file.data.label !== 'gaming'), later.filter((file) => file.data.label === 'gaming')]) {
    const swedish = group.filter((file) => file.data.locale === 'sv').length;
    if (swedish * 2 !== group.length) problems.push(`${swedish} of ${group.length} transcripts of a later batch are Swedish, half are needed`);
  }
  const holdout = all.filter((file) => file.data.split === 'holdout').length;
  if (holdout * 3 < all.length) problems.push(`${holdout} of ${all.length} transcripts are set aside, at least a third are needed`);
  const files = all.filter((file) => batchOf(file.name) === 1);
  const plain = files.filter((file) => file.data.label !== 'gaming');
  const gaming = files.filter((file) => file.data.label === 'gaming');
  for (const story of catalog.storylines) {
    for (const meeting of story.meetings.slice(0, 2)) {
      for (const locale of ['en', 'sv']) {
        for (const label of ['good', 'mixed', 'poor']) {
          const count = plain.filter(({ data }) => data.storyline === story.id && data.meeting === meeting.id && data.locale === locale && data.label === label).length;
          if (count !== 1) problems.push(`${story.id}/${meeting.id}/${locale}: ${count} ${label} transcripts, twins need exactly 1`);
        }
      }
    }
  }
  if (plain.length < 72) problems.push(`${plain.length} labelled transcripts, at least 72 are needed`);
  if (gaming.length < 6) problems.push(`${gaming.length} gaming transcripts, at least 6 are needed`);
  for (const group of [plain, gaming]) {
    const swedish = group.filter((file) => file.data.locale === 'sv').length;
    if (swedish * 2 !== group.length) problems.push(`${swedish} of ${group.length} ${group === gaming ? 'gaming' : 'labelled'} transcripts are Swedish, half are needed`);
  }
  return problems;
}

describe('role-play corpus (shape)', () => {
  const files = loadCorpus();

  it('when the corpus is loaded, then every file has the agreed format, split, twins and balance', () => {
    assert.deepEqual(corpusProblems(files), []);
  });

  it('when the corpus is counted, then it holds good, mixed and poor twins for every first and second meeting, plus gaming transcripts', () => {
    const count = (label: string): number => files.filter((file) => file.data.label === label).length;
    assert.equal(count('good'), count('poor'));
    assert.equal(count('good'), count('mixed'));
    assert.ok(count('good') >= 24 && count('gaming') >= 6, `${count('good')} good, ${count('gaming')} gaming`);
  });

  it('when a file breaks the format, then the shape check names the file and what is wrong', () => {
    const sample = files.find((file) => file.name === 'vip-skip-the-queue--ahead-of-everyone--good--en.yaml');
    assert.ok(sample, 'the sample transcript exists');
    const broken: CorpusFile = {
      name: sample.name,
      data: { ...sample.data, split: 'tune', learner: ['hi'], expected: { 'asked-what-for': 'yes' }, previous: { commitment: 'x', kept: 'kept' } },
    };
    const problems = fileProblems(broken).join('\n');
    assert.match(problems, /split tune, the fixed split says holdout/);
    assert.match(problems, /learner must have 5–9 messages/);
    assert.match(problems, /expected has asked-what-for, the rubric has/);
    assert.match(problems, /expected\.asked-what-for: yes/);
    assert.match(problems, /previous belongs to a later meeting, not the first/);
  });

  it('when a transcript is of a third meeting, then it is checked like a second one: it needs what was promised before', () => {
    const sample = files.find((file) => file.name === 'vip-skip-the-queue--ahead-of-everyone--good--en.yaml');
    assert.ok(sample, 'the sample transcript exists');
    const story = catalog.find('laptop-rollout-busy-week');
    const third = story?.meetings[2];
    assert.ok(third, 'the laptop storyline has a third meeting');
    const expected = Object.fromEntries(third.rubric.map((check) => [check.id, 'met']));
    const name = `laptop-rollout-busy-week--${third.id}--good--en--batch99.yaml`;
    const data = { ...sample.data, storyline: 'laptop-rollout-busy-week', meeting: third.id, split: 'tune', expected };
    assert.deepEqual(fileProblems({ name, data: { ...data, previous: { commitment: 'test every temp laptop', kept: 'kept' } } }), []);
    assert.match(fileProblems({ name, data: { ...data, previous: undefined } }).join('\n'), /meeting 3 needs previous\.commitment/);
  });

  it('when a poor transcript is labelled with mostly met checks, then the corpus check says it does not fit the label', () => {
    const sample = files.find((file) => file.name === 'vip-skip-the-queue--ahead-of-everyone--poor--en.yaml');
    assert.ok(sample, 'the sample transcript exists');
    const expected = Object.fromEntries(Object.keys(sample.data.expected as object).map((id) => [id, 'met']));
    assert.match(labelProblem({ name: sample.name, data: { ...sample.data, expected } }) ?? '', /5 met and score 5 of 5 do not fit the label poor/);
  });

  it('when a twin is missing, then the corpus check says which meeting and label', () => {
    const without = files.filter((file) => file.name !== 'vip-skip-the-queue--vip-service--mixed--sv.yaml');
    assert.ok(corpusProblems(without).includes('vip-skip-the-queue/vip-service/sv: 0 mixed transcripts, twins need exactly 1'));
  });

  it('when a later batch lacks a twin or the set-aside part shrinks below a third, then the corpus check says so', () => {
    const without = files.filter((file) => file.name !== 'vip-skip-the-queue--vip-service--poor--en--batch2.yaml');
    assert.ok(without.length < files.length, 'the batch-2 sample transcript exists');
    assert.ok(corpusProblems(without).includes('batch 2 vip-skip-the-queue/vip-service/en: good, mixed, twins need one each of good, mixed, poor'));
    const tuned = files.map((file) => ({ ...file, data: { ...file.data, split: 'tune' } }));
    assert.ok(corpusProblems(tuned).some((problem) => /^0 of \d+ transcripts are set aside, at least a third are needed$/.test(problem)));
  });
});
