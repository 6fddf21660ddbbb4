import assert from 'node:assert/strict';
import { directTurn } from '../../src/roleplay/director';
import { firstMemory, openingLine, rememberMeeting } from '../../src/roleplay/meeting-memory';
import { newMeetingState } from '../../src/roleplay/meeting-state';
import { meetingOf, storyline } from './roleplay-fixtures';

describe('what the customer remembers between meetings', () => {
  const story = storyline('sales-blocked-service-desk');
  const first = meetingOf(story, 1);
  const second = meetingOf(story, 2);
  const played = ['What happened?', 'Which customers are affected?', "Instead, what I can do is restore the template. I'll call you at ten."].reduce(
    (state, line) => directTurn(story, first, state, line, 'en').state,
    newMeetingState(story.startTrust, first.en.opening),
  );

  it('when a meeting ends, then its promises, settled demands and trust are remembered', () => {
    const memory = rememberMeeting(firstMemory(story), 1, played);
    assert.deepEqual(memory.promises, [{ meeting: 1, text: "Instead, what I can do is restore the template. I'll call you at ten." }]);
    assert.deepEqual(memory.agreements, [{ meeting: 1, demandId: 'all-technicians', outcome: 'alternative' }]);
    assert.equal(memory.trust, played.trust);
  });

  it('when the next meeting opens, then the customer starts from the last promise, in the meeting’s language', () => {
    const memory = rememberMeeting(firstMemory(story), 1, played);
    assert.match(openingLine(second, 2, memory, 'en'), /^Last time you told me: “Instead, what I can do is restore the template\. I'll call you at ten\.” Let's start there\. It stopped again yesterday\./);
    assert.match(openingLine(second, 2, memory, 'sv'), /^Förra gången sa du: ”Instead, what I can do/);
  });

  it('when nothing was promised, then the customer opens with a plain recall', () => {
    assert.match(openingLine(second, 2, firstMemory(story), 'en'), /^Before we start: I haven't forgotten our last conversation\./);
  });

  it('when many promises pile up, then only the five newest are kept, each clipped to a readable length', () => {
    let memory = firstMemory(story);
    for (let meeting = 1; meeting <= 7; meeting += 1) {
      memory = rememberMeeting(memory, meeting, directTurn(story, first, newMeetingState(5, 'Hi.'), `I promise item ${meeting}. ${'x'.repeat(400)}`, 'en').state);
    }
    assert.deepEqual(memory.promises.map((item) => item.meeting), [3, 4, 5, 6, 7]);
    assert.ok(memory.promises.every((item) => item.text.length <= 300));
  });
});
