import assert from 'node:assert/strict';
import { directTurn } from '../../src/roleplay/customer/director';
import { commitmentsOf } from '../../src/roleplay/customer/meeting-memory';
import type { Intent, Move } from '../../src/roleplay/reading/intents';
import { newMeetingState, type MeetingState } from '../../src/roleplay/meeting-state';
import { meetingOf, storyline, reader } from './roleplay-fixtures';

describe('the scripted customer (director rules)', () => {
  const story = storyline('sales-blocked-service-desk');
  const meeting = meetingOf(story, 1);
  const start = (): MeetingState => newMeetingState(story.startTrust, meeting.en.opening);
  const play = (lines: readonly string[], locale: 'en' | 'sv' = 'en'): { state: MeetingState; replies: string[] } => {
    let state = start();
    const replies: string[] = [];
    for (const line of lines) {
      const turn = directTurn(story, meeting, state, line, reader.read(line, locale), locale);
      state = turn.state;
      replies.push(turn.scripted);
    }
    return { state, replies };
  };
  const move = (kind: Intent, slots: Partial<Move> = {}): Move => ({ kind, quote: '', ...slots });
  // Moves given by hand, so these rules are tested apart from how the reader reads a message.
  const playMoves = (turns: ReadonlyArray<readonly [string, readonly Move[]]>): MeetingState =>
    turns.reduce((state, [text, moves]) => directTurn(story, meeting, state, text, moves, 'en').state, start());

  it('when the learner asks about the impact on the customer’s customers, then the hidden Friday deadline comes out', () => {
    const { state, replies } = play(['Which of your customers are waiting, and by when?']);
    assert.match(replies[0] ?? '', /Friday noon/);
    assert.deepEqual(state.revealed.map((item) => item.needId), ['friday-deadline']);
  });

  it('when the learner proposes a fix before asking anything, then the customer pushes back and trust drops', () => {
    const { state, replies } = play(['I suggest you restart the server.']);
    assert.match(replies[0] ?? '', /don't even know|jumping to a fix/);
    assert.equal(state.trust, story.startTrust - 1);
    assert.deepEqual(state.trustEvents.map((event) => event.cue), ['proposes-early']);
  });

  it('when enough turns have passed, then the customer raises the demand, and an alternative settles it and is trusted', () => {
    const { state, replies } = play([
      'Hi Maria. What happened?',
      'I see. Anything else I should know?',
      "I can't move every technician, but what I can do instead is get the template back within the hour.",
    ]);
    assert.match(replies[1] ?? '', /every technician you have/);
    assert.match(replies[2] ?? '', /saves the week/);
    assert.deepEqual(state.demands, [{ id: 'all-technicians', raisedAtTurn: 2, outcome: 'alternative', handledAtTurn: 3, offer: 'get the template back within the hour' }]);
    assert.match(replies[2] ?? '', /“get the template back within the hour”/, 'the customer repeats the learner’s own offer');
    assert.ok(state.trustEvents.some((event) => event.cue === 'demand:alternative' && event.change === 2));
  });

  it('when a flat no is followed in the next message by a concrete alternative, then the demand counts as met with an alternative', () => {
    const { state } = play(['What happened?', 'Tell me more?', "No, I can't put the whole team on it.", 'Here is what I can do: a named technician calls you every hour and your sellers get the Excel template back by ten.']);
    assert.equal(state.demands[0]?.outcome, 'alternative');
    assert.equal(state.demands[0]?.handledAtTurn, 4);
    const demandTrust = state.trustEvents.filter((event) => event.cue.startsWith('demand:')).reduce((sum, event) => sum + event.change, 0);
    assert.equal(demandTrust, 2, 'the no and the alternative together move trust as one answer with an alternative');
  });

  it('when a flat no is followed two messages later by a concrete alternative, with nothing harmful between, then it is one no with an alternative', () => {
    const state = playMoves([
      ['What happened?', [move('asks-situation')]],
      ['Tell me more?', []],
      ['No, not the whole team.', [move('refuses')]],
      ['Which sellers are worst hit?', [move('asks-impact')]],
      ['What I can do: the template back by ten.', [move('offers-alternative', { what: 'the template back by ten' })]],
    ]);
    assert.equal(state.demands[0]?.outcome, 'alternative');
    assert.equal(state.demands[0]?.handledAtTurn, 5);
    assert.equal(state.demands[0]?.offer, 'the template back by ten');
  });

  it('when the learner hid behind the contract between the no and a later offer, then the demand stays refused', () => {
    const state = playMoves([
      ['What happened?', [move('asks-situation')]],
      ['Tell me more?', []],
      ['No, not the whole team.', [move('refuses')]],
      ['That is not in your contract anyway.', [move('hides-behind-contract')]],
      ['Your sellers can have a coffee meanwhile.', [move('offers-alternative', { what: 'your sellers can have a coffee' })]],
    ]);
    assert.equal(state.demands[0]?.outcome, 'refused');
  });

  it('when the answer to "did you keep your word?" reads as kept and as only partly kept, then the customer takes partly, and trust does not rise for it', () => {
    const vip = storyline('vip-skip-the-queue');
    const second = meetingOf(vip, 2);
    const commitment = { meeting: 1, what: 'the loan laptop at your desk by 10:30', when: '10:30', text: 'the loan laptop at your desk by 10:30' };
    const answered = directTurn(vip, second, newMeetingState(5, second.en.opening, commitment), 'It was there, but later than I said.', [move('commitment-kept'), move('commitment-partly')], 'en').state;
    assert.equal(answered.commitmentCheck?.answer, 'partly');
    assert.ok(!answered.trustEvents.some((event) => event.cue === 'commitment-kept'));
    const denied = directTurn(vip, second, newMeetingState(5, second.en.opening, commitment), 'It worked out, though we did not get it ready.', [move('commitment-kept'), move('commitment-not')], 'en').state;
    assert.equal(denied.commitmentCheck?.answer, 'not');
  });

  it('when a firm line holds only before the pilot, then after the pilot the same words get no refusal (en, sv)', () => {
    const bakery = storyline('bakery-unasked-proposal');
    for (const [locale, line] of [['en', 'Not all fourteen on Monday: the holiday fix first.'], ['sv', 'Inte alla fjorton på måndag: helgfixen först.']] as const) {
      const refusal = bakery.firmLines[0]?.[locale].answer ?? '';
      assert.ok(refusal, 'the bakery has a firm line');
      const before = directTurn(bakery, meetingOf(bakery, 2), newMeetingState(5, ''), line, [], locale);
      assert.ok(before.scripted.includes(refusal), `${locale}: before the pilot, all fourteen at once is refused`);
      const after = directTurn(bakery, meetingOf(bakery, 3), newMeetingState(5, ''), line, [], locale);
      assert.ok(!after.scripted.includes(refusal), `${locale}: after the pilot it is the customer's own demand`);
      assert.ok(!after.parts.includes('firm'));
    }
  });

  it('when, after the pilot, the learner asks about January and then about the budget, then each question brings out its own need (en, sv)', () => {
    const laptops = storyline('laptop-rollout-busy-week');
    const third = meetingOf(laptops, 3);
    for (const [locale, january, budget] of [
      ['en', 'What does January look like for the business?', 'How does your budget look for the rest of the year?'],
      ['sv', 'Hur ser januari ut för verksamheten?', 'Hur ligger ni till med budgeten resten av året?'],
    ] as const) {
      const state = [january, budget].reduce(
        (current, line) => directTurn(laptops, third, current, line, [{ kind: 'asks-business', quote: line }], locale).state,
        newMeetingState(laptops.startTrust, third[locale].opening),
      );
      assert.deepEqual(state.revealed.map((item) => item.needId), ['january-returns', 'budget-to-use'], locale);
    }
  });

  it('when one message answers the demand and asks a right question, then the customer takes the answer and also reveals what the question asks for', () => {
    const state = playMoves([
      ['When did it stop?', [move('asks-situation')]],
      ['I see.', []],
      ['Not everyone, but a named technician now. Which customers are waiting?', [move('refuses'), move('offers-alternative', { what: 'a named technician now' }), move('asks-impact')]],
    ]);
    assert.equal(state.demands[0]?.outcome, 'alternative');
    assert.deepEqual(state.revealed.map((item) => item.needId), ['lost-template', 'friday-deadline']);
  });

  it('when the answer about last time comes with a right question, then the customer also reveals what the question asks for', () => {
    const vip = storyline('vip-skip-the-queue');
    const second = meetingOf(vip, 2);
    const commitment = { meeting: 1, what: 'the loan laptop by 10:30', when: '10:30', text: 'the loan laptop by 10:30' };
    const turn = directTurn(vip, second, newMeetingState(5, second.en.opening, commitment), 'It was there on time. What do the partners need on their busiest days?', [move('commitment-kept'), move('asks-need')], 'en');
    assert.equal(turn.state.commitmentCheck?.answer, 'kept');
    assert.deepEqual(turn.state.revealed.map((item) => item.needId), ['court-days']);
    assert.deepEqual(turn.parts, ['commitment', 'need']);
  });

  it('when the learner first says no to a reasonable demand and later a clear yes with what and by when, then it counts as accepted', () => {
    const laptops = storyline('laptop-rollout-busy-week');
    const pilot = meetingOf(laptops, 2);
    const play2 = (turns: ReadonlyArray<readonly [string, readonly Move[]]>): MeetingState =>
      turns.reduce((current, [text, moves]) => directTurn(laptops, pilot, current, text, moves, 'en').state, newMeetingState(laptops.startTrust, pilot.en.opening));
    const opening: ReadonlyArray<readonly [string, readonly Move[]]> = [['What went wrong?', [move('asks-situation')]], ['And Monday?', []], ['We cannot test them all.', [move('refuses')]]];
    const yes = play2([...opening, ['Yes: all 20 tested with a call by Friday 3pm.', [move('agrees'), move('promises', { what: 'all 20 tested with a call', when: 'Friday 3pm' })]]]);
    assert.equal(yes.demands[0]?.outcome, 'accepted');
    assert.equal(yes.demands[0]?.handledAtTurn, 4);
    const vagueYes = play2([...opening, ['Ok, we will sort it.', [move('agrees'), move('promises', { vague: true })]]]);
    assert.equal(vagueYes.demands[0]?.outcome, 'refused');
  });

  it('when a promise with what and by when came with a hedge, then the next meeting does not remember it as a commitment; said plainly, it does', () => {
    const promise = move('promises', { what: 'the template back', when: 'by ten', quote: 'the template back by ten' });
    const plain = playMoves([['You get the template back by ten.', [promise]]]);
    assert.deepEqual(commitmentsOf(plain, 1).map((item) => item.what), ['the template back']);
    const hedged = playMoves([['You should probably get the template back by ten, I will try.', [promise, move('hedges')]]]);
    assert.deepEqual(commitmentsOf(hedged, 1), []);
  });

  it('when the learner says yes to a reasonable demand with how and when, then it is accepted, not taken as something else instead', () => {
    const pilot = meetingOf(storyline('laptop-rollout-busy-week'), 2);
    const laptops = storyline('laptop-rollout-busy-week');
    const state = (
      [
        ['What went wrong?', [move('asks-situation')]],
        ['And Monday?', []],
        ['Yes, all 20 tested with a call by Friday 4pm.', [move('agrees'), move('offers-alternative', { what: 'all 20 tested with a call' }), move('promises', { what: 'all 20 tested', when: 'Friday 4pm' })]],
      ] as const
    ).reduce<MeetingState>((current, [text, moves]) => directTurn(laptops, pilot, current, text, moves, 'en').state, newMeetingState(laptops.startTrust, pilot.en.opening));
    assert.equal(pilot.demands[0]?.kind, 'reasonable');
    assert.equal(state.demands[0]?.outcome, 'accepted');
  });

  it('when the learner just says yes to the unreasonable demand, then it counts as accepted', () => {
    const { state } = play(['What happened?', 'Tell me more?', 'Yes, of course, everyone will drop everything.']);
    assert.equal(state.demands[0]?.outcome, 'accepted');
  });

  it('when the learner only promises something else after the unreasonable demand, then it is not taken as a yes', () => {
    const { state } = play(['What happened?', 'Tell me more?', "We'll restore the quote template for your sellers by 11:00."]);
    assert.equal(state.demands[0]?.outcome, undefined);
  });

  it('when one message asks about the situation and about the customers, then the customer answers the more specific question', () => {
    const laptops = storyline('laptop-rollout-busy-week');
    const stumble = meetingOf(laptops, 2);
    const line = 'What happened to the customers in the chat queue during that hour?';
    const turn = directTurn(laptops, stumble, newMeetingState(laptops.startTrust, stumble.en.opening), line, reader.read(line, 'en'), 'en');
    assert.deepEqual(turn.state.revealed.map((item) => item.needId), ['queue-lost']);
  });

  it('when one message asks two questions, then the customer answers both, and one question read two ways still reveals one need', () => {
    const laptops = storyline('laptop-rollout-busy-week');
    const stumble = meetingOf(laptops, 2);
    const reveal = (line: string, locale: 'en' | 'sv'): string[] =>
      directTurn(laptops, stumble, newMeetingState(laptops.startTrust, stumble[locale].opening), line, reader.read(line, locale), locale).state.revealed.map((item) => item.needId).sort();
    assert.deepEqual(reveal('what happened to the customers in the chat during that hour? and whats worrying you most about monday?', 'en'), ['queue-lost', 'temps-on-monday']);
    assert.deepEqual(reveal('vad hände med kunderna i chatten under den timmen? och vad är det som oroar dig mest inför måndag?', 'sv'), ['queue-lost', 'temps-on-monday']);
    const twoWays = [move('asks-impact', { quote: 'what does this mean for your customers?' }), move('asks-need', { quote: 'what does this mean for your customers?' })];
    assert.equal(directTurn(laptops, stumble, newMeetingState(laptops.startTrust, stumble.en.opening), 'what does this mean for your customers?', twoWays, 'en').state.revealed.length, 1);
  });

  it('when the learner only asks a question after the demand, then the demand stays open', () => {
    const { state } = play(['What happened?', 'Tell me more?', 'What would help your sellers in the meantime?']);
    assert.equal(state.demands[0]?.outcome, undefined);
  });

  it('when the same trust cue comes twice, then trust moves only once for it', () => {
    const { state } = play(['Which customers are affected?', 'And which other customers are affected?']);
    assert.equal(state.trustEvents.filter((event) => event.cue === 'asks-impact').length, 1);
  });

  it('when the meeting is in Swedish, then the customer answers in Swedish from the content', () => {
    const { replies } = play(['Vilka av era kunder väntar på offerter?'], 'sv');
    assert.match(replies[0] ?? '', /fredag lunch/);
  });

  it('when a reaction is used again, then the next line is a different one', () => {
    const { replies } = play(['Hmm.', 'Right.']);
    assert.notEqual(replies[0], replies[1]);
  });
});
