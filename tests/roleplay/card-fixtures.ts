import type { CardView } from '../../src/cards/card-view';
import { debriefView } from '../../src/roleplay/views/debrief-view';
import { directTurn } from '../../src/roleplay/customer/director';
import { firstMemory, openingLine, rememberMeeting } from '../../src/roleplay/customer/meeting-memory';
import { newMeetingState, type MeetingState } from '../../src/roleplay/meeting-state';
import { pastDebriefEntries, pastDebriefsShown, type DebriefedSession } from '../../src/roleplay/roleplay-history';
import type { SessionRecord } from '../../src/roleplay/roleplay-records';
import { briefView, meetingView, pickerView } from '../../src/roleplay/views/roleplay-views';
import { judgeByRules } from '../../src/roleplay/judging/rule-judge';
import { understoodView, UnderstoodWords } from '../../src/roleplay/views/understood-view';
import { catalog, fakeTurn, meetingOf, reader, storyline, themes } from './roleplay-fixtures';

// Built from the real storylines, so the biggest real cards are the ones checked for size and validity.
const story = storyline('bakery-unasked-proposal');
const first = meetingOf(story, 1);
const limits = { turns: 20, chars: 800 };
const said = [
  'Hi Ahmed! How do you work with tomorrow’s orders today, and what does it cost your business?',
  'What happens to your customers when the sourdough is gone by three?',
  "I've noticed something you haven't asked about: your till already knows what sells. I suggest we let it propose tomorrow's orders. I'll send you one page by Friday.",
  "Switching it on everywhere for free isn't something I can do, but what we can do is a pilot in two stores with a clear cost.",
];
let state: MeetingState = newMeetingState(story.startTrust, openingLine(first, 1, 'en'));
for (const line of said) state = directTurn(story, first, state, line, reader.read(line, 'en'), 'en').state;
const memory = rememberMeeting(firstMemory(story), 1, state);

const session = (locale: 'en' | 'sv', selfCheck?: string[]): SessionRecord => ({
  id: 'bakery-unasked-proposal.1.m7x2k',
  storylineId: story.id,
  meetingNumber: 1,
  locale,
  status: 'ended',
  startedAt: '2025-03-10T08:40:00.000Z',
  endedAt: '2025-03-10T08:55:00.000Z',
  state,
  noticesShown: [],
  debrief: judgeByRules(first, state, locale),
  ...(selfCheck ? { selfCheck } : {}),
});
const pastSessions = Array.from({ length: pastDebriefsShown + 2 }, (_, index): DebriefedSession => {
  const ended = session('sv');
  return { ...ended, id: `${ended.id}${index}`, debrief: judgeByRules(first, state, 'sv'), endedAt: new Date(Date.parse('2025-03-10T08:55:00Z') + index * 86_400_000).toISOString() };
});
const progress = { nextMeeting: 2, completed: false, unlocksAt: '2025-03-11T08:55:00.000Z', memory };
const learner = { activeSessionId: undefined, modelCalls: [], progress: { [story.id]: progress, 'sales-blocked-service-desk': { nextMeeting: 2, completed: false, memory } } };

export const cardFixtures: CardView[] = [
  pickerView(fakeTurn(), catalog, learner),
  pickerView(fakeTurn({ locale: 'sv' }), catalog, { progress: {}, modelCalls: [] }),
  pickerView(fakeTurn({ locale: 'sv' }), catalog, learner, pastDebriefEntries(fakeTurn({ locale: 'sv' }), catalog, pastSessions), pastDebriefsShown + 2),
  briefView(fakeTurn(), themes, story, 1, { nextMeeting: 1, completed: false, memory: firstMemory(story) }, limits),
  briefView(fakeTurn({ locale: 'sv' }), themes, story, 2, progress, limits, 'Du är redan i ett möte med Maria Lind.'),
  meetingView(fakeTurn(), story, { ...session('en'), status: 'active', debrief: undefined }, limits),
  meetingView(fakeTurn({ locale: 'sv' }), story, session('sv'), limits),
  debriefView(fakeTurn(), themes, story, session('en'), progress),
  understoodView(new UnderstoodWords(fakeTurn().t), { sessionId: 'bakery-unasked-proposal.1.m7x2k', turn: 3, answer: '**Jonas Berg:** Go on.' }, reader.read(said[2] ?? '', 'en'), true),
  understoodView(new UnderstoodWords(fakeTurn({ locale: 'sv' }).t), { sessionId: 'bakery-unasked-proposal.1.m7x2k', turn: 1, answer: '' }, [], false, 'Det ögonblicket har passerat: bara ditt senaste meddelande kan rättas.'),
  debriefView(fakeTurn({ locale: 'sv', now: new Date('2025-03-12T08:00:00Z') }), themes, story, session('sv', ['asked-how-it-works', 'raised-the-idea']), progress),
];
