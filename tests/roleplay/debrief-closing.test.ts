import assert from 'node:assert/strict';
import { debriefView } from '../../src/roleplay/views/debrief-view';
import { firstMemory, openingLine } from '../../src/roleplay/customer/meeting-memory';
import { newMeetingState } from '../../src/roleplay/meeting-state';
import type { DebriefCardData } from '../../src/roleplay/views/roleplay-cards';
import type { SessionRecord } from '../../src/roleplay/roleplay-records';
import { judgeByRules } from '../../src/roleplay/judging/rule-judge';
import { fakeTurn, meetingOf, storyline, themes } from './roleplay-fixtures';

const story = storyline('onsite-stressed-reception');
const last = meetingOf(story, story.meetings.length);

/** The closing line of the debrief of a storyline's last meeting, ended at `trust` of 10. */
function closing(trust: number, locale: 'en' | 'sv' = 'en'): string {
  const state = newMeetingState(trust, openingLine(last, story.meetings.length, locale));
  const debrief = { ...judgeByRules(last, state, locale), trustAfter: trust };
  const session: SessionRecord = { id: 's1', storylineId: story.id, meetingNumber: story.meetings.length, locale, status: 'ended', startedAt: '2025-03-10T08:00:00Z', endedAt: '2025-03-10T08:20:00Z', state, noticesShown: [], debrief };
  const progress = { nextMeeting: story.meetings.length, completed: true, memory: firstMemory(story) };
  return (debriefView(fakeTurn({ locale }), themes, story, session, progress).data as DebriefCardData).next;
}

describe('the closing line of a storyline', () => {
  it('when the last meeting ends with high trust, then it praises seeing it through', () => {
    assert.match(closing(8), /trust in you ends at 8 of 10\. Well done for seeing it through\./);
    assert.match(closing(7, 'sv'), /Snyggt att du tog dig hela vägen/);
  });

  it('when the last meeting ends at 2 of 10, then there is no praise, and it points to the debrief and a new start', () => {
    assert.doesNotMatch(closing(2), /Well done/);
    assert.match(closing(2), /ended low, at 2 of 10\. Read the debrief above, then play the storyline again/);
    assert.doesNotMatch(closing(2, 'sv'), /Snyggt/);
  });

  it('when it ends in the middle, then it neither praises nor scolds', () => {
    assert.match(closing(5), /trust ended at 5 of 10: the debrief above shows what to try/);
    assert.doesNotMatch(closing(5), /Well done|ended low/);
  });
});
