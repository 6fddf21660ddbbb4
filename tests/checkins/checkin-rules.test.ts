import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exportCsv } from '../../src/checkins/checkin-results';
import { QuestionSetCatalog } from '../../src/checkins/question-sets';
import { defaultValues, parseSetup, type SetupValues } from '../../src/checkins/setup-form';
import { ContentError } from '../../src/content/content-error';
import { Translator } from '../../src/core/translator';
import { fixtureSchedule } from './card-fixtures';

const root = path.resolve(__dirname, '..', '..');
const catalog = QuestionSetCatalog.load(path.join(root, 'content', 'checkins'));
const translator = Translator.load(path.join(root, 'content', 'locales'));
const reader = { t: translator.forLocale('en'), locale: 'en' as const, timeZone: 'Europe/Stockholm', now: new Date('2026-03-09T08:00:00Z') };
const defaults = defaultValues(catalog, 'Europe/Stockholm', new Date('2026-03-11T08:00:00Z'));

describe('check-in rules', () => {
  describe('the setup form', () => {
    it('when nothing is changed, then a new check-in is weekly on today\'s weekday at 09:00, anonymous, from 3 answers', () => {
      const result = parseSetup({}, catalog, defaults);
      assert.ok('settings' in result);
      assert.deepEqual(result.settings.rule.recurrence, { kind: 'weekly', days: ['wed'], everyWeeks: 1 });
      assert.deepEqual([result.settings.rule.localTime, result.settings.anonymous, result.settings.minResponses, result.settings.openHours], ['09:00', true, 3, 24]);
    });

    it('when every other week on two days with an end date is chosen, then the rule says so', () => {
      const result = parseSetup({ recurrence: 'biweekly', days: 'tue,thu', endDate: '2026-06-30', skipWeekends: 'true' }, catalog, defaults);
      assert.ok('settings' in result);
      assert.deepEqual(result.settings.rule.recurrence, { kind: 'weekly', days: ['tue', 'thu'], everyWeeks: 2 });
      assert.equal(result.settings.rule.endDate, '2026-06-30');
    });

    const problems: ReadonlyArray<readonly [string, Record<string, string>, string]> = [
      ['an unknown question set', { questionSet: 'nope' }, 'questionSet'],
      ['own questions without any question', { questionSet: 'custom' }, 'custom'],
      ['a time of 24:00', { time: '24:00' }, 'time'],
      ['a zone that does not exist', { timeZone: 'Europe/Atlantis' }, 'timeZone'],
      ['an end before the start', { endDate: '2026-03-01' }, 'date'],
      ['a minimum of 0', { minResponses: '0' }, 'minResponses'],
      ['open for 1000 hours', { openHours: '1000' }, 'openHours'],
      ['a made-up recurrence', { recurrence: 'hourly' }, 'days'],
    ];
    for (const [what, data, key] of problems) {
      it(`when the form has ${what}, then the problem is ${key} and the values are kept`, () => {
        const result = parseSetup(data, catalog, defaults);
        assert.ok('problemKey' in result);
        assert.equal(result.problemKey, `checkins.setup.problems.${key}`);
        assert.ok(translator.has('sv', result.problemKey));
        for (const [field, value] of Object.entries(data)) assert.equal(String(result.values[field as keyof SetupValues]), value);
      });
    }

    it('when one-to-one is not chosen, then "each at their own local time" is ignored', () => {
      const result = parseSetup({ audience: 'channel', perRecipient: 'true' }, catalog, defaults);
      assert.ok('settings' in result && !result.settings.perRecipientTime);
    });
  });

  describe('question set content', () => {
    it('when a set has a scale question without labels and a theme outside the set, then loading names the file and both fields', () => {
      const folder = mkdtempSync(path.join(tmpdir(), 'partner-coach-sets-'));
      try {
        writeFileSync(path.join(folder, 'broken.yaml'), [
          'id: broken', 'themes: [listen]', 'en: { title: T, description: D }', 'sv: { title: T, description: D }', 'questions:',
          '  - { id: q, theme: trust, form: scale, en: { text: Q }, sv: { text: F } }',
        ].join('\n'));
        assert.throws(() => QuestionSetCatalog.load(folder), (error: unknown) => {
          assert.ok(error instanceof ContentError);
          assert.match(error.message, /broken\.yaml/);
          assert.match(error.message, /questions\.0\.en: a scale question needs low and high labels/);
          assert.match(error.message, /questions\.0\.theme: theme trust is not in the set's themes/);
          return true;
        });
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });
  });

  describe('the CSV export', () => {
    const set = catalog.find('customer-side');
    if (!set) throw new Error('customer-side is missing');
    const sheet = {
      respondents: 3,
      answers: [
        { answerId: 'a_1', questionId: 'started-from-customer', value: { kind: 'scale' as const, value: 4 }, author: 'Kim Ek' },
        { answerId: 'a_2', questionId: 'seen-from-customer', value: { kind: 'text' as const, text: '=HYPERLINK("x"), "quoted"' }, author: 'Noor Said' },
      ],
    };

    it('when the check-in is anonymous, then there is no respondent column, no free text and no occurrence below the minimum', () => {
      const csv = exportCsv(fixtureSchedule, set, [{ date: '2026-03-09', sheet, visible: true }, { date: '2026-03-16', sheet, visible: false }], reader);
      assert.equal(csv, `date,question,answer\r\n2026-03-09,"This week, how often did you start from the customer's situation rather than from our task list?",4`);
      assert.doesNotMatch(csv, /Kim|Noor|HYPERLINK/);
    });

    it('when the check-in is named, then names are there and a formula in an answer is defused', () => {
      const csv = exportCsv({ ...fixtureSchedule, anonymous: false }, set, [{ date: '2026-03-09', sheet, visible: true }], reader);
      assert.match(csv, /date,question,answer,respondent/);
      assert.match(csv, /,Kim Ek\r\n/);
      assert.match(csv, /"'=HYPERLINK\(""x""\), ""quoted""",Noor Said$/);
    });
  });
});
