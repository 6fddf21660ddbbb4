import assert from 'node:assert/strict';
import { localInstant, nextOccurrence, occurrencesBetween, ruleProblems, type Recurrence, type ScheduleRule } from '../../src/schedules/recurrence';

const daily: Recurrence = { kind: 'daily' };
const rule = (overrides: Partial<ScheduleRule>): ScheduleRule => ({
  recurrence: daily,
  startDate: '2026-01-01',
  localTime: '09:00',
  timeZone: 'Europe/Stockholm',
  ...overrides,
});

interface Row {
  readonly name: string;
  readonly rule: ScheduleRule;
  readonly after: string;
  readonly zone?: string;
  readonly expected: string | undefined;
}

// Stockholm: clocks go forward 2026-03-29 02:00→03:00 and back 2026-10-25 03:00→02:00.
// New York: forward 2026-03-08 02:00→03:00, back 2026-11-01 02:00→01:00. Kolkata: +05:30 all year.
const table: readonly Row[] = [
  { name: 'Stockholm daily 09:00 across spring forward keeps 09:00 local', rule: rule({}), after: '2026-03-28T08:00:00Z', expected: '2026-03-29T07:00:00.000Z' },
  { name: 'Stockholm daily 09:00 across fall back keeps 09:00 local', rule: rule({}), after: '2026-10-24T07:00:00Z', expected: '2026-10-25T08:00:00.000Z' },
  { name: 'Stockholm 02:30 on the spring-forward night moves forward to 03:30', rule: rule({ localTime: '02:30' }), after: '2026-03-28T12:00:00Z', expected: '2026-03-29T01:30:00.000Z' },
  { name: 'Stockholm 02:30 on the fall-back night is the first 02:30', rule: rule({ localTime: '02:30' }), after: '2026-10-24T12:00:00Z', expected: '2026-10-25T00:30:00.000Z' },
  { name: 'Stockholm 02:30 after the first fall-back 02:30 is not repeated an hour later', rule: rule({ localTime: '02:30' }), after: '2026-10-25T00:30:00Z', expected: '2026-10-26T01:30:00.000Z' },
  { name: 'Stockholm weekdays from Friday skip to Monday, across spring forward', rule: rule({ recurrence: { kind: 'weekdays' } }), after: '2026-03-27T08:00:00Z', expected: '2026-03-30T07:00:00.000Z' },
  { name: 'Stockholm daily with weekends skipped from Friday goes to Monday', rule: rule({ skipWeekends: true }), after: '2026-10-23T07:00:00Z', expected: '2026-10-26T08:00:00.000Z' },
  { name: 'New York weekly Monday 09:00 across spring forward', rule: rule({ timeZone: 'America/New_York', recurrence: { kind: 'weekly', days: ['mon'], everyWeeks: 1 } }), after: '2026-03-02T14:00:00Z', expected: '2026-03-09T13:00:00.000Z' },
  { name: 'New York 02:15 on the spring-forward night moves forward to 03:15', rule: rule({ timeZone: 'America/New_York', localTime: '02:15' }), after: '2026-03-07T12:00:00Z', expected: '2026-03-08T07:15:00.000Z' },
  { name: 'New York 01:30 on the fall-back night is the first (daylight) 01:30', rule: rule({ timeZone: 'America/New_York', localTime: '01:30' }), after: '2026-10-31T12:00:00Z', expected: '2026-11-01T05:30:00.000Z' },
  { name: 'New York every 2 weeks Tue+Thu skips the off week and crosses fall back', rule: rule({ timeZone: 'America/New_York', localTime: '08:00', startDate: '2026-10-27', recurrence: { kind: 'weekly', days: ['tue', 'thu'], everyWeeks: 2 } }), after: '2026-10-29T13:00:00Z', expected: '2026-11-10T13:00:00.000Z' },
  { name: 'Kolkata daily 09:00 is 03:30 UTC whatever Europe does', rule: rule({ timeZone: 'Asia/Kolkata' }), after: '2026-03-28T12:00:00Z', expected: '2026-03-29T03:30:00.000Z' },
  { name: 'Kolkata weekly Friday 17:45 asked at exactly that instant gives the next week', rule: rule({ timeZone: 'Asia/Kolkata', localTime: '17:45', recurrence: { kind: 'weekly', days: ['fri'], everyWeeks: 1 } }), after: '2026-10-30T12:15:00Z', expected: '2026-11-06T12:15:00.000Z' },
  { name: 'a Stockholm rule for a recipient in New York is 09:00 in New York', rule: rule({}), zone: 'America/New_York', after: '2026-03-08T12:00:00Z', expected: '2026-03-08T13:00:00.000Z' },
  { name: 'a Stockholm rule for a recipient in Kolkata is 09:00 in Kolkata', rule: rule({}), zone: 'Asia/Kolkata', after: '2026-10-25T00:00:00Z', expected: '2026-10-25T03:30:00.000Z' },
  { name: 'after the end date there is nothing', rule: rule({ endDate: '2026-03-29' }), after: '2026-03-29T08:00:00Z', expected: undefined },
  { name: 'a one-off before its instant is that instant', rule: rule({ recurrence: { kind: 'once' }, startDate: '2026-11-01', timeZone: 'America/New_York', localTime: '01:30' }), after: '2026-10-01T00:00:00Z', expected: '2026-11-01T05:30:00.000Z' },
  { name: 'a one-off after its instant has no next occurrence', rule: rule({ recurrence: { kind: 'once' }, startDate: '2026-11-01' }), after: '2026-11-01T08:00:00Z', expected: undefined },
  { name: 'a rule that starts later begins on its start date', rule: rule({ startDate: '2026-06-15' }), after: '2026-01-10T00:00:00Z', expected: '2026-06-15T07:00:00.000Z' },
  { name: 'weekly on weekend days only with weekends skipped never occurs', rule: rule({ skipWeekends: true, recurrence: { kind: 'weekly', days: ['sat', 'sun'], everyWeeks: 1 } }), after: '2026-01-10T00:00:00Z', expected: undefined },
];

describe('recurrence: next occurrence across DST changes', () => {
  for (const row of table) {
    it(`when ${row.name}, then the next occurrence is ${row.expected ?? 'none'}`, () => {
      const next = nextOccurrence(row.rule, new Date(row.after), row.zone);
      assert.equal(next?.at.toISOString(), row.expected);
    });
  }

  it('when the same rule and instant are asked twice, then the answer is the same (a pure function)', () => {
    const r = rule({ recurrence: { kind: 'weekly', days: ['mon', 'wed'], everyWeeks: 3 } });
    assert.deepEqual(nextOccurrence(r, new Date('2026-05-05T10:00:00Z')), nextOccurrence(r, new Date('2026-05-05T10:00:00Z')));
  });

  it('when a daily Stockholm rule runs through both 2026 changes, then every occurrence is at 09:00 local and none is missing', () => {
    const occurrences = occurrencesBetween(rule({}), new Date('2026-01-01T00:00:00Z'), new Date('2026-12-31T23:59:00Z'), 1000);
    assert.equal(occurrences.length, 365);
    const localHours = new Set(occurrences.map((o) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit' }).format(o.at)));
    assert.deepEqual([...localHours], ['09:00']);
    assert.equal(new Set(occurrences.map((o) => o.date)).size, 365);
  });

  it('when the local time is 00:00 in New York at fall back, then localInstant gives midnight EDT', () => {
    assert.equal(localInstant('2026-11-01', '00:00', 'America/New_York').toISOString(), '2026-11-01T04:00:00.000Z');
  });

  it('when a rule has a bad zone, time, date range and week count, then every problem is named', () => {
    const problems = ruleProblems({
      recurrence: { kind: 'weekly', days: [], everyWeeks: 0 },
      startDate: '2026-05-01',
      endDate: '2026-04-01',
      localTime: '25:00',
      timeZone: 'Mars/Olympus',
    });
    assert.deepEqual(problems.map((problem) => problem.split(':')[0]), ['endDate', 'localTime', 'timeZone', 'recurrence.days', 'recurrence.everyWeeks']);
  });
});
