import assert from 'node:assert/strict';
import { directTurn } from '../../src/roleplay/customer/director';
import { Grounding } from '../../src/roleplay/judging/grounding';
import { groundingBooksIn } from '../../src/roleplay/judging/grounding-book';
import { judgeByRules } from '../../src/roleplay/judging/rule-judge';
import { newMeetingState, type Commitment, type MeetingState } from '../../src/roleplay/meeting-state';
import { phraseBooksIn } from '../../src/roleplay/reading/phrase-book';
import { catalog, contentDir, meetingOf, reader, storyline } from './roleplay-fixtures';

describe('following up on last meeting’s promise: told before the customer asks, or answered when asked', () => {
  const grounding = new Grounding(groundingBooksIn(contentDir), phraseBooksIn(contentDir), catalog.storylines);
  const story = storyline('laptop-rollout-busy-week');
  const third = meetingOf(story, 3);
  const promised: Record<'en' | 'sv', Commitment> = {
    en: { meeting: 2, what: 'a test call on every temp laptop before Monday', when: 'before Monday', text: 'a test call on every temp laptop before Monday' },
    sv: { meeting: 2, what: 'testsamtal på alla vikariedatorer före måndag', when: 'före måndag', text: 'testsamtal på alla vikariedatorer före måndag' },
  };
  const play = (locale: 'en' | 'sv', lines: readonly string[]): { state: MeetingState; replies: string[] } => {
    let state = newMeetingState(story.startTrust, third[locale].opening, promised[locale]);
    const replies: string[] = [];
    for (const text of lines) {
      const moves = grounding.ground(reader.read(text, locale), { storyline: story, meeting: third, locale, state, text });
      const turn = directTurn(story, third, state, text, moves, locale);
      state = { ...turn.state, transcript: [...turn.state.transcript, { speaker: 'customer', text: turn.scripted, source: 'script' }] };
      replies.push(turn.scripted);
    }
    return { state, replies };
  };
  const followedUp = (state: MeetingState, locale: 'en' | 'sv') => judgeByRules(third, state, locale).checks.find((check) => check.id === 'followed-up-pilot');

  for (const [locale, told, question] of [
    ['en', 'hi jonas, before the 75: all 20 temp laptops got a real test call on friday', /Last time you said: “a test call on every temp laptop before Monday” Did that happen\?/],
    ['sv', 'hej jonas, innan vi tar resten: alla tjugo vikariedatorer fick testsamtal i fredags', /Förra gången sa du: ”testsamtal på alla vikariedatorer före måndag” Blev det så\?/],
  ] as const) {
    it(`when the first message tells how the promise went in words of its own, then it is kept and followed up, and the customer does not ask (${locale})`, () => {
      const { state, replies } = play(locale, [told]);
      assert.equal(state.commitmentCheck?.answer, 'kept');
      assert.equal(state.commitmentCheck?.unprompted, true);
      assert.doesNotMatch(replies[0] ?? '', question);
      assert.equal(followedUp(state, locale)?.verdict, 'met');
    });

    it(`when the first message is about something else, then the customer asks after it, and the answer is following up only half (${locale})`, () => {
      const other = locale === 'en' ? 'hi jonas, congrats on the record week' : 'hej jonas, grattis till rekordveckan';
      const { state, replies } = play(locale, [other, told]);
      assert.match(replies[0] ?? '', question);
      assert.equal(state.commitmentCheck?.answer, 'kept');
      assert.equal(state.commitmentCheck?.unprompted, undefined);
      assert.equal(followedUp(state, locale)?.verdict, 'partly');
    });
  }

  it('when the first message opens as a reply ("yes, …", "jo, …"), then it answers being asked: following up only half', () => {
    for (const [locale, line] of [
      ['en', 'yes, all 20 temp laptops got a real test call on friday'],
      ['sv', 'jo, alla tjugo vikariedatorer fick testsamtal i fredags'],
    ] as const) {
      const { state } = play(locale, [line]);
      assert.equal(state.commitmentCheck?.answer, 'kept', line);
      assert.equal(followedUp(state, locale)?.verdict, 'partly', line);
    }
  });

  it('when the answer comes several messages after the customer asked and names the promise, then it still answers; beside a new offer it does not', () => {
    for (const [locale, lines, offer] of [
      ['en', ['hi jonas, congrats on the record week', 'what is on for the warehouse now?', 'and how are the returns going?', 'all 20 temp laptops got a real test call on friday'], 'all 20 temp laptops got a real test call on friday, and i can send you the plan for the 75 by thursday'],
      ['sv', ['hej jonas, grattis till rekordveckan', 'hur ser det ut på lagret nu?', 'och hur går returerna?', 'alla tjugo vikariedatorer fick testsamtal i fredags'], 'alla tjugo vikariedatorer fick testsamtal i fredags, och jag kan skicka planen för de 75 till torsdag'],
    ] as const) {
      const { state } = play(locale, lines);
      assert.equal(state.commitmentCheck?.answer, 'kept', lines.at(-1));
      assert.equal(followedUp(state, locale)?.verdict, 'partly', lines.at(-1));
      const beside = play(locale, [...lines.slice(0, -1), offer]).state;
      assert.equal(beside.commitmentCheck?.answer, undefined, offer);
    }
  });

  it('when the message only uses the promise’s words about something new, not in the past, then nothing is told about it', () => {
    for (const [locale, line] of [
      ['en', 'for the 75 we do a test call on every laptop again'],
      ['sv', 'de 75 får testsamtal på varje dator igen'],
    ] as const) {
      const { state } = play(locale, [line]);
      assert.equal(state.commitmentCheck?.answer, undefined, line);
    }
  });

  it('when the first message tells the promise was not kept, then it is not kept, and still followed up', () => {
    for (const [locale, line] of [
      ['en', 'first the bad news: the test calls on the temp laptops did not happen before monday'],
      ['sv', 'först det tråkiga: testsamtalen på vikariedatorerna blev aldrig gjorda'],
    ] as const) {
      const { state } = play(locale, [line]);
      assert.equal(state.commitmentCheck?.answer, 'not', line);
      assert.equal(followedUp(state, locale)?.verdict, 'met', line);
    }
  });

  it('when the first message only says the customer’s opening back ("glad the hearing went well"), then it tells nothing of the promise; naming the promise does', () => {
    const vip = storyline('vip-skip-the-queue');
    const second = meetingOf(vip, 2);
    const laptop: Record<'en' | 'sv', Commitment> = {
      en: { meeting: 1, what: 'a loan laptop with the three documents within half an hour', when: 'within half an hour', text: 'a loan laptop with the three documents within half an hour' },
      sv: { meeting: 1, what: 'en lånedator med de tre handlingarna inom en halvtimme', when: 'inom en halvtimme', text: 'en lånedator med de tre handlingarna inom en halvtimme' },
    };
    const answer = (locale: 'en' | 'sv', text: string) => {
      const state = newMeetingState(vip.startTrust, second[locale].opening, laptop[locale]);
      const moves = grounding.ground(reader.read(text, locale), { storyline: vip, meeting: second, locale, state, text });
      return directTurn(vip, second, state, text, moves, locale).state.commitmentCheck?.answer;
    };
    assert.equal(answer('en', 'Good morning Eva, so glad to hear the hearing went well!'), undefined);
    assert.equal(answer('sv', 'God morgon Eva. Det gläder mig verkligen att höra att förhandlingen gick bra.'), undefined);
    assert.equal(answer('sv', 'God morgon Eva. Lånedatorn med de tre handlingarna var klar inom halvtimmen, som jag lovade.'), 'kept');
  });
});

