import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ContentError } from '../../src/content/content-error';
import { UserFacingError } from '../../src/core/errors';
import { canManage, closingTime, rankByVotes, toggleVote, type Workshop } from '../../src/workshops/workshop';
import { parseSetup } from '../../src/workshops/workshop-setup-view';
import { exportCsv, exportMarkdown, type WorkshopSummary } from '../../src/workshops/workshop-summary';
import { describeWorkshopTemplates, WorkshopTemplates } from '../../src/workshops/workshop-templates';

const contentDir = path.resolve(__dirname, '..', '..', 'content');
const templates = WorkshopTemplates.load(path.join(contentDir, 'workshops'));
const t = (key: string): string => key.split('.').at(-1) ?? key;

describe('workshop rules', () => {
  it('when the content is checked, then at least 8 templates load, each in en and sv and mapped to a theme', () => {
    assert.ok(templates.all.length >= 8);
    for (const template of templates.all) {
      assert.ok(template.en.prompt && template.sv.prompt, template.id);
      assert.notEqual(template.en.prompt, template.sv.prompt, `${template.id} is translated`);
    }
    assert.match(describeWorkshopTemplates(contentDir), /^12 templates \(7 free-text, 3 options, 2 scale\) in en and sv, every one mapped to a theme; themes covered: 8 of 8$/);
  });

  describe('when a templates file breaks the schema', () => {
    let folder: string;
    beforeEach(() => {
      folder = mkdtempSync(path.join(tmpdir(), 'workshop-templates-'));
    });
    afterEach(() => rmSync(folder, { recursive: true, force: true }));

    const write = (yaml: string): void => writeFileSync(path.join(folder, 'templates.yaml'), yaml);
    const words = (extra = ''): string => `{ title: "T", prompt: "P"${extra} }`;

    it('then an unknown theme and a missing Swedish text are named with file and field', () => {
      write(`templates:\n  - { id: a, theme: money, answerForm: free-text, en: ${words()}, sv: ${words()} }\n  - { id: b, theme: trust, answerForm: free-text, en: ${words()} }\n`);
      assert.throws(
        () => WorkshopTemplates.load(folder),
        (error: unknown) => error instanceof ContentError && error.file.endsWith('templates.yaml') && /templates\.0\.theme/.test(error.message) && /templates\.1\.sv/.test(error.message),
      );
    });

    it('then options on a scale prompt, missing scale labels and a duplicate id are named', () => {
      const scale = words(', scaleLabels: { low: "L", high: "H" }');
      write(`templates:\n  - { id: b, theme: trust, answerForm: scale, en: ${words(', options: ["x", "y"]')}, sv: ${scale} }\n  - { id: b, theme: trust, answerForm: scale, en: ${scale}, sv: ${scale} }\n`);
      assert.throws(
        () => WorkshopTemplates.load(folder),
        (error: unknown) =>
          error instanceof ContentError &&
          /templates\.0\.en\.options: only for answerForm options/.test(error.message) &&
          /templates\.0\.en\.scaleLabels: required when answerForm is scale/.test(error.message) &&
          /templates\.1\.id: duplicate id b/.test(error.message),
      );
    });

    it('then fewer than 8 valid templates are refused', () => {
      write(`templates:\n  - { id: a, theme: trust, answerForm: free-text, en: ${words()}, sv: ${words()} }\n`);
      assert.throws(() => WorkshopTemplates.load(folder), /1 templates; at least 8 are needed/);
    });
  });

  it('when a closing time is typed, then it is read in the facilitator’s zone, and tomorrow if it has passed', () => {
    const now = new Date('2026-03-10T13:00:00Z');
    assert.equal(closingTime('15:30', 'Europe/Stockholm', now)?.toISOString(), '2026-03-10T14:30:00.000Z');
    assert.equal(closingTime('13:30', 'Europe/Stockholm', now)?.toISOString(), '2026-03-11T12:30:00.000Z');
    assert.equal(closingTime('15:30', undefined, now)?.toISOString(), '2026-03-10T15:30:00.000Z');
    assert.equal(closingTime('25:00', 'Europe/Stockholm', now), undefined);
  });

  it('when the setup is read, then a typed prompt wins over a chosen template and a missing prompt is refused', () => {
    const now = new Date('2026-03-10T13:00:00Z');
    const custom = parseSetup({ template: 'before-the-customer-asks', customPrompt: ' Our own question ', anonymous: 'false' }, templates, 'Europe/Stockholm', now);
    assert.deepEqual(custom.prompt, { custom: 'Our own question', form: 'free-text' });
    assert.equal(custom.anonymous, false);
    assert.equal(custom.hiddenUntilReveal, true, 'hidden until reveal by default');
    assert.equal(parseSetup({ template: 'what-we-know-least-about', votesPerPerson: '9' }, templates, undefined, now).votesPerPerson, 3);
    assert.throws(() => parseSetup({}, templates, undefined, now), (error: unknown) => error instanceof UserFacingError && error.messageKey === 'workshops.errors.choosePrompt');
    assert.throws(() => parseSetup({ template: 'before-the-customer-asks', closesAt: 'soon' }, templates, undefined, now), /closingTime/);
  });

  it('when votes are toggled, then a vote is added until the allowance is used and can be taken back', () => {
    assert.deepEqual(toggleVote(['a'], 'b', 2), ['a', 'b']);
    assert.equal(toggleVote(['a', 'b'], 'c', 2), undefined);
    assert.deepEqual(toggleVote(['a', 'b'], 'a', 2), ['b']);
  });

  it('when answers are ranked, then most votes come first and ties keep their order', () => {
    const ranked = rankByVotes([{ answerId: 'x' }, { answerId: 'y' }, { answerId: 'z' }], new Map([['z', 2], ['y', 1], ['x', 1]]));
    assert.deepEqual(ranked.map((answer) => answer.answerId), ['z', 'x', 'y']);
  });

  it('when rights are checked, then only the facilitator and added co-facilitators run the workshop', () => {
    const workshop = { facilitatorKey: 'u_alex', coFacilitatorKeys: ['u_maria'] } as unknown as Workshop;
    assert.deepEqual(['u_alex', 'u_maria', 'u_sam'].map((key) => canManage(workshop, key)), [true, true, false]);
  });

  it('when the CSV is written, then commas and quotes are escaped and formulas are defused', () => {
    const summary = {
      anonymous: true,
      form: 'free-text',
      rows: [{ label: 'Ask, then "sum up"', count: 2 }, { label: '=HYPERLINK("http://x")', count: 1 }],
    } as unknown as WorkshopSummary;
    assert.equal(exportCsv(summary, t), 'rank,answer,votes\r\n1,"Ask, then ""sum up""",2\r\n2,"\'=HYPERLINK(""http://x"")",1');
  });

  it('when a formula hides behind a space, a tab or a zero-width character, then the CSV cell is still defused', () => {
    const summary = {
      anonymous: true,
      form: 'free-text',
      rows: [{ label: ' =1+1', count: 1 }, { label: '\u200B=HYPERLINK("http://x")', count: 1 }, { label: '\u00A0\u2060@SUM(A1)', count: 1 }, { label: 'plain words', count: 1 }],
    } as unknown as WorkshopSummary;
    const cells = exportCsv(summary, t).split('\r\n').slice(1).map((line) => line.split(',').slice(1, -1).join(','));
    assert.deepEqual(cells, ["' =1+1", '"\'\u200B=HYPERLINK(""http://x"")"', "'\u00A0\u2060@SUM(A1)", 'plain words']);
  });

  it('when an answer holds a link, bold marks or backtick fences, then the Markdown export shows them as text', () => {
    const summary = {
      title: 'Retro', prompt: 'What helped?', anonymous: true, form: 'free-text', participants: 3, visible: true, pledgesByTheme: [],
      rows: [{ label: '[Open the report](http://phish.example) **now** ```', count: 1 }],
    } as unknown as WorkshopSummary;
    const markdown = exportMarkdown(summary, t);
    assert.match(markdown, /\\\[Open the report\\\]\\\(http:\/\/phish\.example\\\) \\\*\\\*now\\\*\\\* \\`\\`\\`/);
    assert.doesNotMatch(markdown, /[^\\]\[Open/);
  });
});
