import path from 'node:path';
import { ContentError } from '../content/content-error';
import { themeIds, type ThemeId } from '../content/themes';
import { loadYamlFolder } from '../content/yaml-files';
import { aboutNotSaid } from './judging/demand-topic';
import { reactionLines } from './customer/reactions';
import { reactionKeys, storylineSchema, type Meeting, type Storyline } from './storyline';

/** The storylines, loaded and cross-checked once at start. */
export class StorylineCatalog {
  private constructor(readonly storylines: readonly Storyline[]) {}

  /** Loads content/roleplay/*.yaml; throws ContentError naming the file and field of the first problem. */
  static load(folder: string): StorylineCatalog {
    const files = loadYamlFolder(folder, storylineSchema);
    const seen = new Set<string>();
    for (const { file, data } of files) {
      const problems = storylineProblems(data);
      if (seen.has(data.id)) problems.push(`id: "${data.id}" is used by another storyline`);
      seen.add(data.id);
      if (problems.length > 0) throw new ContentError(file, problems);
    }
    // Easiest first, so a newcomer sees a gentle start at the top of the picker.
    const catalog = new StorylineCatalog(files.map((file) => file.data).sort((a, b) => a.difficulty - b.difficulty));
    const missing = themeIds.filter((theme) => !catalog.themesCovered().has(theme));
    if (missing.length > 0) throw new ContentError(folder, [`no rubric check covers the themes ${missing.join(', ')}`]);
    return catalog;
  }

  find(id: string): Storyline | undefined {
    return this.storylines.find((storyline) => storyline.id === id);
  }

  themesCovered(): Set<ThemeId> {
    return new Set(this.storylines.flatMap((storyline) => storyline.meetings.flatMap((meeting) => meeting.rubric.map((check) => check.theme))));
  }

  checksFor(theme: ThemeId): number {
    return this.storylines.flatMap((storyline) => storyline.meetings.flatMap((meeting) => meeting.rubric)).filter((check) => check.theme === theme).length;
  }

  /** One line for the content check: counts that show the content is complete. */
  summary(): string {
    const meetings = this.storylines.map((storyline) => storyline.meetings.length);
    const checks = this.storylines.flatMap((storyline) => storyline.meetings.map((meeting) => meeting.rubric.length));
    return [
      `${this.storylines.length} storylines`,
      `${meetings.reduce((sum, count) => sum + count, 0)} meetings (each storyline ${Math.min(...meetings)}–${Math.max(...meetings)})`,
      `${checks.reduce((sum, count) => sum + count, 0)} rubric checks`,
      `themes ${this.themesCovered().size}/${themeIds.length} (${themeIds.map((theme) => `${theme} ${this.checksFor(theme)}`).join(', ')})`,
      'sv+en complete',
    ].join(', ');
  }
}

/** Loads the catalog for the content check and returns its summary line. */
export function checkStorylines(contentDir: string): string {
  return StorylineCatalog.load(path.join(contentDir, 'roleplay')).summary();
}

function storylineProblems(storyline: Storyline): string[] {
  const problems: string[] = [];
  problems.push(...untranslated(storyline, ''));
  duplicates(storyline.meetings.map((meeting) => meeting.id)).forEach((id) => problems.push(`meetings: id "${id}" is used twice`));
  storyline.meetings.forEach((meeting, index) => problems.push(...meetingProblems(meeting, index).map((problem) => `meetings.${index}.${problem}`)));
  storyline.meetings.forEach((meeting, index) => problems.push(...reactionProblems(storyline, meeting, index).map((problem) => `meetings.${index}.${problem}`)));
  storyline.firmLines.forEach((line, index) => {
    for (const locale of ['en', 'sv'] as const) if (!line[locale].answer) problems.push(`firmLines.${index}.${locale}.answer: the scripted customer needs a line to hold it in character`);
    (line.meetings ?? []).filter((id) => !storyline.meetings.some((meeting) => meeting.id === id)).forEach((id) => problems.push(`firmLines.${index}.meetings: no meeting "${id}"`));
  });
  return problems;
}

/** Every reaction a meeting can need has a line, from the meeting or the storyline; only later meetings ask about commitments. */
function reactionProblems(storyline: Storyline, meeting: Meeting, index: number): string[] {
  const needed = reactionKeys.filter((key) => index > 0 || !key.startsWith('commitment-'));
  return (['en', 'sv'] as const).flatMap((locale) => [
    ...needed.filter((key) => reactionLines(storyline, meeting, locale, key).length === 0).map((key) => `reactions.${locale}.${key}: no line in the meeting or the storyline`),
    ...meeting.demands.filter((demand) => !demand[locale].onAlternative.includes('{offer}')).map((demand) => `demands.${demand.id}.${locale}.onAlternative: must repeat the learner's offer with {offer}`),
  ]);
}

function meetingProblems(meeting: Meeting, index: number): string[] {
  const problems: string[] = [];
  for (const locale of ['en', 'sv'] as const) {
    const text = meeting[locale];
    if (index > 0 && (!text.recall || !text.recallPromise)) problems.push(`${locale}: recall and recallPromise are needed from the second meeting on`);
    if (text.recallPromise && !text.recallPromise.includes('{promise}')) problems.push(`${locale}.recallPromise: must contain {promise}`);
  }
  for (const demand of meeting.demands) {
    for (const locale of ['en', 'sv'] as const) {
      if (demand.kind === 'reasonable' && !demand[locale].about) problems.push(`demands.${demand.id}.${locale}.about: a reasonable demand names what it asks for, so a promise can be known to answer it`);
      for (const word of aboutNotSaid(demand, locale)) problems.push(`demands.${demand.id}.${locale}.about: "${word}" is not a word of what the customer says`);
    }
  }
  const demandIds = new Set(meeting.demands.map((demand) => demand.id));
  meeting.rubric.forEach((check, position) => {
    if ('demand' in check.rule && !demandIds.has(check.rule.demand)) problems.push(`rubric.${position}.rule.demand: no demand "${check.rule.demand}" in this meeting`);
    if ('uncovered' in check.rule && check.rule.uncovered > (check.rule.needs ?? meeting.needs).length) problems.push(`rubric.${position}.rule.uncovered: the check counts only ${(check.rule.needs ?? meeting.needs).length} hidden needs`);
    for (const id of 'uncovered' in check.rule ? (check.rule.needs ?? []) : []) {
      if (!meeting.needs.some((need) => need.id === id)) problems.push(`rubric.${position}.rule.needs: no hidden need "${id}" in this meeting`);
    }
  });
  const ids = [...meeting.needs, ...meeting.demands, ...meeting.rubric].map((item) => item.id);
  duplicates(ids).forEach((id) => problems.push(`id "${id}" is used twice in this meeting`));
  return problems;
}

// Names of companies stay as they are; every other sentence must read differently in Swedish.
const sameInBothLanguages = new Set(['company', 'patterns']);

/** Paths where the Swedish text is the English text, i.e. left untranslated. */
function untranslated(node: unknown, at: string): string[] {
  if (!node || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const problems: string[] = [];
  const { en, sv } = record;
  if (en && sv && typeof en === 'object' && typeof sv === 'object') {
    for (const [key, english] of Object.entries(en)) {
      const swedish = (sv as Record<string, unknown>)[key];
      if (sameInBothLanguages.has(key)) continue;
      const pairs: Array<[unknown, unknown, string]> = Array.isArray(english)
        ? english.map((item, index): [unknown, unknown, string] => [item, (swedish as unknown[] | undefined)?.[index], `${key}.${index}`])
        : [[english, swedish, key]];
      for (const [one, other, where] of pairs) {
        if (typeof one === 'string' && one.length > 12 && one === other) problems.push(`${at}sv.${where}: is the same as en.${where} (translate it)`);
      }
    }
  }
  for (const [key, child] of Object.entries(record)) {
    if (key !== 'en' && key !== 'sv') problems.push(...untranslated(child, `${at}${key}.`));
  }
  return problems;
}

function duplicates(ids: readonly string[]): string[] {
  return ids.filter((id, index) => ids.indexOf(id) !== index);
}
