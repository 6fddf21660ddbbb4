import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { themeIds } from '../../src/content/themes';
import { directTurn } from '../../src/roleplay/customer/director';
import { newMeetingState } from '../../src/roleplay/meeting-state';
import { locales, type Locale } from '../../src/core/locale';
import { counts, type Intent } from '../../src/roleplay/reading/intents';
import type { Meeting, Storyline } from '../../src/roleplay/storyline';
import { StorylineCatalog } from '../../src/roleplay/storyline-catalog';
import { meetingLines } from '../../src/roleplay/customer/reactions';
import { catalog, contentDir, reader } from './roleplay-fixtures';

// Every meeting of every storyline (in every locale), so a content test says what it checks, not how to walk the catalogue.
const everyMeeting = (): { story: Storyline; meeting: Meeting }[] => catalog.storylines.flatMap((story) => story.meetings.map((meeting) => ({ story, meeting })));
const everyMeetingInEachLocale = (): { story: Storyline; meeting: Meeting; locale: Locale }[] => everyMeeting().flatMap((scene) => locales.map((locale) => ({ ...scene, locale })));

describe('role-play storylines (content)', () => {
  it('when the content is loaded, then there are at least six storylines of two or three meetings, covering all eight themes', () => {
    assert.ok(catalog.storylines.length >= 6, `${catalog.storylines.length} storylines`);
    for (const story of catalog.storylines) assert.ok(story.meetings.length >= 2 && story.meetings.length <= 3, story.id);
    assert.deepEqual([...catalog.themesCovered()].sort(), [...themeIds].sort());
  });

  it('when a meeting is read, then it has 4–7 rubric checks, hidden needs and at least one unreasonable demand in the storyline', () => {
    for (const { story, meeting } of everyMeeting()) assert.ok(meeting.rubric.length >= 4 && meeting.rubric.length <= 7, `${story.id}/${meeting.id}`);
    for (const story of catalog.storylines) assert.ok(story.meetings.some((meeting) => meeting.demands.some((demand) => demand.kind === 'unreasonable')), story.id);
  });

  // Content and rules must agree: the example wording a debrief suggests has to pass the check it is offered for.
  it('when a check’s better wording is classified, then it shows what the check’s rule looks for, in both languages', () => {
    const misses: string[] = [];
    for (const { story, meeting, locale } of everyMeetingInEachLocale()) {
      for (const check of meeting.rubric) {
        const { rule } = check;
        const wanted: Intent[] =
          'did' in rule
            ? [rule.did, ...(rule.or ? [rule.or] : [])]
            : 'demand' in rule
              ? rule.handled.flatMap((outcome): Intent[] => (outcome === 'alternative' ? ['offers-alternative'] : outcome === 'refused' ? ['refuses'] : ['agrees', 'promises']))
              : meeting.needs.filter((need) => !rule.needs || rule.needs.includes(need.id)).flatMap((need) => need.revealOn);
        const found = reader.read(check[locale].better.replace(/[“”"]/g, ''), locale).filter(counts).map((move) => move.kind);
        if (!wanted.some((intent) => found.includes(intent))) misses.push(`${story.id}/${meeting.id}/${check.id} (${locale}): ${found.join(',')}`);
      }
    }
    assert.deepEqual(misses, []);
  });

  it('when a customer line other than a greeting or an opening is read, then it does not read as a greeting, so no reply greets mid-meeting', () => {
    const greetingLines: string[] = [];
    for (const { story, meeting, locale } of everyMeetingInEachLocale()) {
      const allowed = new Set([meeting[locale].opening, ...(meeting.reactions?.[locale]?.greets ?? []), ...(story.reactions[locale].greets ?? [])]);
      const lines = [...meetingLines(story, meeting, locale), ...Object.values(story.reactions[locale]).flat()];
      for (const line of lines) if (!allowed.has(line) && reader.read(line, locale).some((move) => move.kind === 'greets')) greetingLines.push(`${story.id}/${meeting.id} ${locale}: ${line}`);
    }
    assert.deepEqual(greetingLines, []);
  });

  // The reader takes a question about her staff for one about the people the meeting affects: it is how the staff's worry comes out.
  it('when the learner asks how the store staff take the pilot, then the bakery customer comes out with the staff’s worry, in both languages', () => {
    const story = catalog.find('bakery-unasked-proposal');
    const meeting = story?.meetings[1];
    assert.ok(story && meeting);
    for (const [locale, line] of [['en', 'How do your store staff take the pilot?'], ['sv', 'Hur tar butikspersonalen emot piloten?']] as const) {
      const turn = directTurn(story, meeting, newMeetingState(story.startTrust, meeting[locale].opening), line, reader.read(line, locale), locale);
      assert.deepEqual(turn.state.revealed.map((item) => item.needId), ['staff-worry'], locale);
    }
  });

  it('when a storyline file breaks the schema, then loading fails and names the file and the field', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'roleplay-content-'));
    try {
      cpSync(path.join(contentDir, 'roleplay'), folder, { recursive: true });
      const file = path.join(folder, 'sales-blocked-service-desk.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('difficulty: 1', 'difficulty: 5'));
      assert.throws(() => StorylineCatalog.load(folder), (error: Error) => /sales-blocked-service-desk\.yaml[\s\S]*difficulty/.test(error.message));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('when a rubric check names a demand the meeting does not have, then loading fails and says which', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'roleplay-content-'));
    try {
      cpSync(path.join(contentDir, 'roleplay'), folder, { recursive: true });
      const file = path.join(folder, 'sales-blocked-service-desk.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('{ demand: all-technicians,', '{ demand: no-such-demand,'));
      assert.throws(() => StorylineCatalog.load(folder), /rule\.demand: no demand "no-such-demand"/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('when a rubric check counts a hidden need the meeting does not have, then loading fails and says which', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'roleplay-content-'));
    try {
      cpSync(path.join(contentDir, 'roleplay'), folder, { recursive: true });
      const file = path.join(folder, 'contract-boundary-by-tomorrow.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('needs: [only-eight-on-monday]', 'needs: [no-such-need]'));
      assert.throws(() => StorylineCatalog.load(folder), /rule\.needs: no hidden need "no-such-need"/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('when a Swedish line is left in English, then loading fails and names where', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'roleplay-content-'));
    try {
      cpSync(path.join(contentDir, 'roleplay'), folder, { recursive: true });
      const file = path.join(folder, 'sales-blocked-service-desk.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('"Vänta lite, du vet ju inte ens vad som har hänt än."', '"Hold on, you don\'t even know what\'s going on yet."'));
      assert.throws(() => StorylineCatalog.load(folder), /reactions\.sv\.proposes-early\.0: is the same as en\.proposes-early\.0/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('when the content check runs, then its summary counts storylines, meetings and themes', () => {
    assert.match(catalog.summary(), /^\d+ storylines, \d+ meetings \(each storyline 2–3\), \d+ rubric checks, themes 8\/8 .*sv\+en complete$/);
  });
});
