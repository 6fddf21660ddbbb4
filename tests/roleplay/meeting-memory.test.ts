import assert from 'node:assert/strict';
import { directTurn } from '../../src/roleplay/customer/director';
import { commitmentQuestion, commitmentToAsk, firstMemory, openingLine, rememberMeeting } from '../../src/roleplay/customer/meeting-memory';
import { newMeetingState } from '../../src/roleplay/meeting-state';
import { meetingOf, storyline, reader } from './roleplay-fixtures';

describe('what the customer remembers between meetings', () => {
  const story = storyline('sales-blocked-service-desk');
  const first = meetingOf(story, 1);
  const second = meetingOf(story, 2);
  const played = ['What happened?', 'Which customers are affected?', "Instead, what I can do is restore the template. I'll call you at ten."].reduce(
    (state, line) => directTurn(story, first, state, line, reader.read(line, 'en'), 'en').state,
    newMeetingState(story.startTrust, first.en.opening),
  );

  it('when a meeting ends, then its promises, settled demands and trust are remembered', () => {
    const memory = rememberMeeting(firstMemory(story), 1, played);
    assert.deepEqual(memory.promises, [{ meeting: 1, what: 'call you at ten', when: 'at ten', text: "I'll call you at ten." }]);
    assert.deepEqual(memory.agreements, [{ meeting: 1, demandId: 'all-technicians', outcome: 'alternative', offer: 'restore the template' }]);
    assert.equal(memory.trust, played.trust);
  });

  it('when the next meeting opens, then the customer recalls last time and keeps the question about the last promise for later, in the meeting’s language', () => {
    const memory = rememberMeeting(firstMemory(story), 1, played);
    assert.match(openingLine(second, 2, 'en'), /^Before we start: I haven't forgotten our last conversation\. It stopped again yesterday\./);
    const promise = commitmentToAsk(memory, 2);
    assert.ok(promise, 'the promise of meeting 1 is the one to ask about');
    assert.equal(commitmentQuestion(second, promise, 'en'), 'Last time you said: “call you at ten” Did that happen?');
    assert.equal(commitmentQuestion(second, promise, 'sv'), 'Förra gången sa du: ”call you at ten” Blev det så?');
  });

  it('when a promise is vague or hedged, then nothing is remembered as a commitment', () => {
    const vague = ["I'll definitely follow up.", "Probably I'll try to fix it by Friday."].reduce(
      (state, line) => directTurn(story, first, state, line, reader.read(line, 'en'), 'en').state,
      newMeetingState(story.startTrust, first.en.opening),
    );
    assert.deepEqual(rememberMeeting(firstMemory(story), 1, vague).promises, []);
  });

  it('when it is the first meeting, then the customer opens with its opening alone', () => {
    assert.equal(openingLine(first, 1, 'sv'), first.sv.opening);
  });

  it('when many promises pile up, then only the five newest are kept, each clipped to a readable length', () => {
    let memory = firstMemory(story);
    for (let meeting = 1; meeting <= 7; meeting += 1) {
      const line = `I promise item ${meeting} by Friday. ${'x'.repeat(400)}`;
      memory = rememberMeeting(memory, meeting, directTurn(story, first, newMeetingState(5, 'Hi.'), line, reader.read(line, 'en'), 'en').state);
    }
    assert.deepEqual(memory.promises.map((item) => item.meeting), [3, 4, 5, 6, 7]);
    assert.ok(memory.promises.every((item) => item.text.length <= 300));
  });
});
