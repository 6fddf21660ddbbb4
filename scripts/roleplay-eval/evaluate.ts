import type { Locale } from '../../src/core/locale';
import { directTurn, type ReplyPart } from '../../src/roleplay/customer/director';
import { openingLine } from '../../src/roleplay/customer/meeting-memory';
import { newMeetingState, type Commitment, type MeetingState } from '../../src/roleplay/meeting-state';
import { meetingLines } from '../../src/roleplay/customer/reactions';
import type { Grounding } from '../../src/roleplay/judging/grounding';
import type { MoveReading } from '../../src/roleplay/reading/learned-reader';
import { judgeByRules, type Verdict } from '../../src/roleplay/judging/rule-judge';
import type { StorylineCatalog } from '../../src/roleplay/storyline-catalog';
import { firmLinesIn } from '../../src/roleplay/storyline';
import type { Transcript } from './corpus';

/** One transcript replayed through the scripted path, the learner accepting every reading. */
export interface Replayed {
  readonly transcript: Transcript;
  readonly verdicts: ReadonlyArray<{ readonly id: string; readonly expected: Verdict; readonly got: Verdict }>;
  readonly met: number;
  readonly checks: number;
  readonly trustChange: number;
  readonly replies: ReadonlyArray<{ readonly turn: number; readonly text: string; readonly parts: readonly ReplyPart[]; readonly greets: boolean; readonly foreign: boolean; readonly firmAsked: boolean }>;
  readonly turns: ReadonlyArray<{ readonly text: string; readonly moves: string; readonly reply: string }>;
}

export function replay(catalog: StorylineCatalog, reader: MoveReading, grounding: Grounding, transcript: Transcript): Replayed {
  const storyline = catalog.find(transcript.storyline);
  const index = storyline?.meetings.findIndex((meeting) => meeting.id === transcript.meeting) ?? -1;
  const meeting = storyline?.meetings[index];
  if (!storyline || !meeting) throw new Error(`${transcript.file}: unknown storyline or meeting`);
  const locale: Locale = transcript.locale;
  const number = index + 1;
  const commitment: Commitment | undefined = transcript.previous ? { meeting: number - 1, what: transcript.previous.commitment, when: '', text: transcript.previous.commitment } : undefined;
  let state: MeetingState = newMeetingState(storyline.startTrust, openingLine(meeting, number, locale), commitment);
  const own = new Set([...meetingLines(storyline, meeting, locale), ...Object.values(storyline.reactions[locale]).flat()]);
  const foreignLines = storyline.meetings.filter((other) => other !== meeting).flatMap((other) => meetingLines(storyline, other, locale)).filter((line) => !own.has(line));
  const replies: Array<Replayed['replies'][number]> = [];
  const turns: Array<Replayed['turns'][number]> = [];
  transcript.learner.forEach((text, position) => {
    const moves = grounding.ground(reader.read(text, locale), { storyline, meeting, locale, state, text });
    const directed = directTurn(storyline, meeting, state, text, moves, locale);
    state = { ...directed.state, transcript: [...directed.state.transcript, { speaker: 'customer', text: directed.scripted, source: 'script' }] };
    const firmAsked = firmLinesIn(storyline, meeting).some((line) => line[locale].patterns.some((pattern) => text.toLowerCase().includes(pattern.toLowerCase())));
    const greets = directed.parts.includes('greeting') || reader.read(directed.scripted, locale).some((move) => move.kind === 'greets');
    replies.push({ turn: position + 1, text: directed.scripted, parts: directed.parts, greets, foreign: foreignLines.some((line) => directed.scripted.includes(line)), firmAsked });
    turns.push({ text, moves: moves.map((move) => `${move.kind}${move.generic ? '(generic)' : move.vague ? '(vague)' : ''}`).join(' '), reply: directed.scripted });
  });
  const debrief = judgeByRules(meeting, state, locale);
  const got = new Map(debrief.checks.map((check) => [check.id, check.verdict]));
  const verdicts = Object.entries(transcript.expected).map(([id, expected]) => ({ id, expected, got: got.get(id) ?? 'not' }));
  return { transcript, verdicts, met: debrief.checks.filter((check) => check.met).length, checks: debrief.checks.length, trustChange: state.trust - state.trustStart, replies, turns };
}

/** The figures of one part of the corpus. */
export interface PartFigures {
  readonly transcripts: number;
  readonly agreement: number;
  readonly verdicts: number;
  readonly perCheck: ReadonlyMap<string, { agree: number; total: number }>;
  /** Mean checks met per label, scaled to five checks. */
  readonly meanMet: ReadonlyMap<string, number>;
  readonly twinsPoorAtOrAboveGood: number;
  readonly twins: number;
  readonly gaming: ReadonlyArray<{ readonly file: string; readonly met: number; readonly trustChange: number }>;
}

export function figures(replayed: readonly Replayed[]): PartFigures {
  const all = replayed.flatMap((item) => item.verdicts);
  const perCheck = new Map<string, { agree: number; total: number }>();
  for (const item of replayed) {
    for (const verdict of item.verdicts) {
      const key = `${item.transcript.storyline}/${verdict.id}`;
      const entry = perCheck.get(key) ?? { agree: 0, total: 0 };
      perCheck.set(key, { agree: entry.agree + (verdict.expected === verdict.got ? 1 : 0), total: entry.total + 1 });
    }
  }
  const meanMet = new Map<string, number>();
  for (const label of ['good', 'mixed', 'poor', 'gaming']) {
    const items = replayed.filter((item) => item.transcript.label === label);
    if (items.length > 0) meanMet.set(label, items.reduce((sum, item) => sum + (item.met / item.checks) * 5, 0) / items.length);
  }
  const twinKey = (item: Replayed): string => `${item.transcript.storyline}/${item.transcript.meeting}/${item.transcript.locale}`;
  const good = new Map(replayed.filter((item) => item.transcript.label === 'good').map((item) => [twinKey(item), item.met]));
  const poor = replayed.filter((item) => item.transcript.label === 'poor' && good.has(twinKey(item)));
  return {
    transcripts: replayed.length,
    agreement: all.filter((verdict) => verdict.expected === verdict.got).length,
    verdicts: all.length,
    perCheck,
    meanMet,
    twins: poor.length,
    twinsPoorAtOrAboveGood: poor.filter((item) => item.met >= (good.get(twinKey(item)) ?? 0)).length,
    gaming: replayed.filter((item) => item.transcript.label === 'gaming').map((item) => ({ file: item.transcript.file, met: item.met, trustChange: item.trustChange })),
  };
}

/** Over every customer reply: greetings after turn 1, lines from another meeting, firm lines answered, fillers. */
export function replyFigures(replayed: readonly Replayed[]): { replies: number; lateGreetings: number; foreign: number; firmAnswered: number; firmTotal: number; fillers: number } {
  const replies = replayed.flatMap((item) => item.replies);
  const firm = replies.filter((reply) => reply.firmAsked);
  return {
    replies: replies.length,
    lateGreetings: replies.filter((reply) => reply.turn > 1 && reply.greets).length,
    foreign: replies.filter((reply) => reply.foreign).length,
    firmAnswered: firm.filter((reply) => reply.parts.includes('firm')).length,
    firmTotal: firm.length,
    fillers: replies.filter((reply) => reply.parts.length > 0 && reply.parts.every((part) => part === 'filler')).length,
  };
}
