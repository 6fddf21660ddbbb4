import assert from 'node:assert/strict';
import { directTurn } from '../../src/roleplay/customer/director';
import type { Intent, Move } from '../../src/roleplay/reading/intents';
import { newMeetingState, type MeetingState } from '../../src/roleplay/meeting-state';
import { judgeByRules } from '../../src/roleplay/judging/rule-judge';
import { catalog, contentDir, meetingOf, storyline, reader } from './roleplay-fixtures';
import { Grounding } from '../../src/roleplay/judging/grounding';
import { groundingBooksIn } from '../../src/roleplay/judging/grounding-book';
import { phraseBooksIn } from '../../src/roleplay/reading/phrase-book';
import type { Locale } from '../../src/core/locale';

describe('rubric judged by explicit rules', () => {
  const story = storyline('sales-blocked-service-desk');
  const meeting = meetingOf(story, 1);
  const play = (lines: readonly string[]): MeetingState =>
    lines.reduce((state, line) => directTurn(story, meeting, state, line, reader.read(line, 'en'), 'en').state, newMeetingState(story.startTrust, meeting.en.opening));
  const check = (state: MeetingState, id: string) => judgeByRules(meeting, state, 'en').checks.find((item) => item.id === id);

  it('when the learner asked about the customer’s customers before proposing, then that check is met with their words as the quote', () => {
    const state = play(['Which of your customers are waiting for quotes?', 'I suggest we restore the template.']);
    assert.deepEqual(check(state, 'impact-before-fix'), {
      id: 'impact-before-fix',
      theme: 'customers-customer',
      verdict: 'met',
      met: true,
      reasonKey: 'did',
      quote: 'Which of your customers are waiting for quotes?',
    });
  });

  it('when the only plan the learner put forward was a concrete alternative to a demand, then a check for proposing is met by it; a vague one is not', () => {
    const laptops = storyline('laptop-rollout-busy-week');
    const third = meetingOf(laptops, 3);
    const idea = (moves: readonly Move[]): string | undefined => {
      const state = directTurn(laptops, third, newMeetingState(laptops.startTrust, third.en.opening), 'What I can do: two return stations with scanners by 20 December.', moves, 'en').state;
      return judgeByRules(third, state, 'en').checks.find((item) => item.id === 'unasked-idea')?.verdict;
    };
    const offer = (slots: Partial<Move>): Move => ({ kind: 'offers-alternative', quote: 'What I can do: two return stations with scanners by 20 December.', ...slots });
    assert.equal(idea([offer({ what: 'two return stations with scanners by 20 December' })]), 'met');
    assert.equal(idea([offer({ vague: true })]), 'not');
  });

  it('when the learner proposed first and asked later, then the check is only partly met, quoting the late question', () => {
    const state = play(['I suggest we restore the template.', 'Which of your customers are waiting for quotes?']);
    assert.equal(check(state, 'impact-before-fix')?.verdict, 'partly');
    assert.equal(check(state, 'impact-before-fix')?.reasonKey, 'late');
    assert.equal(check(state, 'impact-before-fix')?.quote, 'Which of your customers are waiting for quotes?');
  });

  it('when the demand got an offer with only a hint of something, then the demand check is partly met, the demand stays open and trust does not rise for it', () => {
    const state = play(['What happened?', 'Tell me more?', "I can't do that, but what I can do instead is a workaround for the sellers."]);
    assert.equal(check(state, 'demand-with-alternative')?.verdict, 'partly');
    assert.equal(state.demands[0]?.outcome, undefined);
    assert.ok(!state.trustEvents.some((event) => event.cue.startsWith('demand:')));
  });

  it('when the demand got an offer made only of buzzwords, then the demand check is not met at all', () => {
    const state = play(['What happened?', 'Tell me more?', "I can't do that, but what I can do instead is an alternative."]);
    assert.equal(check(state, 'demand-with-alternative')?.verdict, 'not');
    assert.equal(state.demands[0]?.outcome, undefined);
  });

  it('when the learner blames the customer, then the debrief names it under what to avoid, with their words', () => {
    const debrief = judgeByRules(meeting, play(["Honestly it's your fault, your sellers broke the template."]), 'en');
    assert.deepEqual(debrief.avoid, [{ kind: 'blames', quote: "Honestly it's your fault, your sellers broke the template." }]);
  });

  it('when the demand was answered with an alternative, then the demand check quotes that answer', () => {
    const state = play(['What happened?', 'Tell me more?', 'Instead of everyone, what I can do is a named technician now.']);
    assert.equal(check(state, 'demand-with-alternative')?.met, true);
    assert.match(check(state, 'demand-with-alternative')?.quote ?? '', /named technician/);
  });

  it('when only one of two hidden needs came out, then the "found both" check is not met', () => {
    const state = play(['Which customers are affected?']);
    assert.equal(check(state, 'found-hidden-needs')?.met, false);
  });

  it('when checks are missed, then at most three improvements come back, each with better wording from content', () => {
    const debrief = judgeByRules(meeting, play(['Hello.']), 'en');
    assert.equal(debrief.improvements.length, 3);
    assert.ok(debrief.improvements.every((item) => item.better.startsWith('“')));
    assert.equal(debrief.strengths.length, 0);
    assert.equal(debrief.judgedBy, 'rules');
  });

  it('when trust moved during the meeting, then the debrief shows it before and after', () => {
    const debrief = judgeByRules(meeting, play(['Which customers are affected?']), 'en');
    assert.deepEqual([debrief.trustBefore, debrief.trustAfter], [story.startTrust, story.startTrust + 1]);
  });
});

describe('rubric verdicts on moves given by hand', () => {
  const move = (kind: Intent, slots: Partial<Move> = {}): Move => ({ kind, quote: '', ...slots });
  type Said = readonly [string, readonly Move[]];
  const judged = (storylineId: string, number: number, turns: readonly Said[], id: string) => {
    const story = storyline(storylineId);
    const meeting = meetingOf(story, number);
    const state = turns.reduce((current, [text, moves]) => directTurn(story, meeting, current, text, moves, 'en').state, newMeetingState(story.startTrust, meeting.en.opening));
    return judgeByRules(meeting, state, 'en').checks.find((item) => item.id === id);
  };
  const laptops = 'laptop-rollout-busy-week';
  const asked: Said = ['What is coming up for you?', [move('asks-business')]];
  const heard: Said = ['I see.', []];

  it('when the only alternative to the demand came with a hedge, then the demand check is partly met', () => {
    const check = judged(laptops, 1, [asked, heard, ['Probably not all 85, but we can do as many as we manage and the rest next week.', [move('refuses'), move('hedges'), move('offers-alternative', { what: 'as many as we manage and the rest next week' })]]], 'weekend-demand');
    assert.equal(check?.verdict, 'partly');
    assert.equal(check?.reasonKey, 'hedged');
  });

  it('when the no stood and a later message only hedged something concrete, then the demand check is partly met, quoting the hedge; a hedge with nothing in it leaves it not met', () => {
    const no: Said = ['Not all 85 this weekend, no.', [move('refuses')]];
    const hedged: Said = ['We could maybe push 40 of them to next week.', [move('hedges', { hedging: 'proposes', what: 'push 40 of them to next week' })]];
    const check = judged(laptops, 1, [asked, heard, no, hedged], 'weekend-demand');
    assert.equal(check?.verdict, 'partly');
    assert.equal(check?.reasonKey, 'hedged');
    assert.equal(check?.quote, 'We could maybe push 40 of them to next week.');
    assert.equal(judged(laptops, 1, [asked, heard, no, ["We'll try our best.", [move('hedges', { hedging: 'promises' })]]], 'weekend-demand')?.verdict, 'not');
  });

  it('when the only plan put forward was an alternative said while giving in, then proposing is not met; the same alternative alone is', () => {
    const line = 'From Monday the partners go before everyone else, I promise.';
    const offer = move('offers-alternative', { what: 'the partners go before everyone else' });
    assert.equal(judged('vip-skip-the-queue', 2, [[line, [offer, move('caves')]]], 'proposed-routine')?.verdict, 'not');
    assert.equal(judged('vip-skip-the-queue', 2, [[line, [offer]]], 'proposed-routine')?.verdict, 'met');
  });

  it('when the learner gives in in Swedish with an offer of the demand itself, then no routine was proposed', () => {
    const story = storyline('vip-skip-the-queue');
    const meeting = meetingOf(story, 2);
    const line = 'Självklart ordnar vi det. Från och med måndag går delägarnas ärenden före alla andra, det kan jag lova.';
    const state = directTurn(story, meeting, newMeetingState(story.startTrust, meeting.sv.opening), line, reader.read(line, 'sv'), 'sv').state;
    assert.equal(judgeByRules(meeting, state, 'sv').checks.find((item) => item.id === 'proposed-routine')?.verdict, 'not');
  });

  it('when a check’s move was only made with a hedge that has something concrete in it, then the check is partly met', () => {
    const check = judged('vip-skip-the-queue', 2, [['Maybe we could flag partner tickets on court days, 4 a month.', [move('hedges', { hedging: 'proposes', what: 'flag partner tickets on court days, 4 a month' })]]], 'proposed-routine');
    assert.equal(check?.verdict, 'partly');
    assert.equal(check?.reasonKey, 'hedged');
    assert.equal(judged('vip-skip-the-queue', 2, [['Maybe we could do something.', [move('hedges', { hedging: 'proposes', empty: true })]]], 'proposed-routine')?.verdict, 'not');
  });

  it('when a no stood and a later message promised something without a by-when, then the demand check is partly met; after a blame in between it is not', () => {
    const no: Said = ['Not all 85 this weekend, no.', [move('refuses')]];
    const later: Said = ["I'll send you a new plan for the pilot machines.", [move('promises', { vague: true })]];
    const blame: Said = ['Your team should have told us about the campaign.', [move('blames')]];
    assert.equal(judged(laptops, 1, [asked, heard, no, later], 'weekend-demand')?.verdict, 'partly');
    assert.equal(judged(laptops, 1, [asked, heard, no, blame, later], 'weekend-demand')?.verdict, 'not');
  });

  it('when the alternative to the demand came without a hedge, then the demand check is met', () => {
    const check = judged(laptops, 1, [asked, heard, ['Not all 85. Ten now as a pilot and the rest after the campaign.', [move('refuses'), move('offers-alternative', { what: 'ten now as a pilot and the rest after the campaign' })]]], 'weekend-demand');
    assert.equal(check?.verdict, 'met');
  });

  it('when keeping the quality steps was only said with a hedge, then that check is partly met; said plainly later, it is met', () => {
    const offer: Said = ['Ten now, the rest after the campaign.', [move('offers-alternative', { what: 'ten now, the rest after the campaign' })]];
    const hedgedProcess: Said = ['We should probably still test them, I think.', [move('follows-process'), move('hedges')]];
    // The offer answers the weekend demand, raised after the second message.
    assert.equal(judged(laptops, 1, [asked, heard, offer, hedgedProcess], 'quality-kept')?.verdict, 'partly');
    assert.equal(judged(laptops, 1, [asked, heard, offer, hedgedProcess, ['Every machine gets its data moved and a test call.', [move('follows-process')]]], 'quality-kept')?.verdict, 'met');
  });

  it('when a question came with a hedge beside it, then the question still counts in full', () => {
    assert.equal(judged(laptops, 1, [['Maybe I should ask: what is coming up for your business?', [move('asks-business'), move('hedges')]]], 'business-before-plan')?.verdict, 'met');
  });

  it('when a no came with a promise that names something but nothing concrete, then the demand check is partly met; a bare no is not', () => {
    const sales = 'sales-blocked-service-desk';
    const before: readonly Said[] = [['When did it stop?', [move('asks-situation')]], heard];
    const vaguePromise = move('promises', { vague: true });
    const withPromise = judged(sales, 1, [...before, ['Not everyone, no. But we will sort something out for your sellers.', [move('refuses'), vaguePromise]]], 'demand-with-alternative');
    assert.deepEqual([withPromise?.verdict, withPromise?.reasonKey], ['partly', 'vague']);
    assert.equal(judged(sales, 1, [...before, ['Not everyone, no.', [move('refuses')]]], 'demand-with-alternative')?.verdict, 'not');
    assert.equal(judged(sales, 1, [...before, ['Not everyone, no, we will be proactive.', [move('refuses'), move('promises', { vague: true, empty: true })]]], 'demand-with-alternative')?.verdict, 'not');
    assert.equal(judged(sales, 1, [...before, ['Not in your contract, but we will sort something out.', [move('refuses'), move('hides-behind-contract'), vaguePromise]]], 'demand-with-alternative')?.verdict, 'not');
  });

  it('when the change request was kept and a blame came in another message, then keeping the process still counts; said in the blaming message it does not', () => {
    const contract = 'contract-boundary-by-tomorrow';
    const route: Said = ['The network goes through a change request, as always.', [move('follows-process')]];
    const blame: Said = ['You should have told us earlier.', [move('blames')]];
    assert.equal(judged(contract, 1, [route, blame], 'kept-change-request')?.verdict, 'partly');
    assert.equal(judged(contract, 1, [['Change request as always, not my fault it takes time.', [move('follows-process'), move('blames')]]], 'kept-change-request')?.verdict, 'not');
    assert.equal(judged(contract, 1, [route, ['We skip the network tests.', [move('drops-quality')]]], 'kept-change-request')?.verdict, 'not');
  });

  it('when a check counts one named hidden need, then only uncovering that need meets it, whichever question brought it out', () => {
    const contract = 'contract-boundary-by-tomorrow';
    const shipments: Said = ['What happens to your customers if it is not ready?', [move('asks-impact')]];
    const starters: Said = ['How many actually start on Monday?', [move('asks-situation')]];
    assert.equal(judged(contract, 1, [shipments], 'what-must-work')?.verdict, 'not');
    const check = judged(contract, 1, [shipments, starters], 'what-must-work');
    assert.deepEqual([check?.verdict, check?.quote], ['met', 'How many actually start on Monday?']);
  });

  it('when the learner offered an alternative and gave in to the demand later, then the demand check is only partly met, quoting the giving in', () => {
    const offer: Said = ['Not all 85. Ten now as a pilot, the rest after the campaign.', [move('refuses'), move('offers-alternative', { what: 'ten now as a pilot, the rest after the campaign' })]];
    const giveIn: Said = ['Fine, we will do all of them this weekend then.', [move('caves')]];
    assert.equal(judged(laptops, 1, [asked, heard, offer], 'weekend-demand')?.verdict, 'met');
    const check = judged(laptops, 1, [asked, heard, offer, giveIn], 'weekend-demand');
    assert.deepEqual([check?.verdict, check?.reasonKey, check?.quote], ['partly', 'cavedLater', 'Fine, we will do all of them this weekend then.']);
  });
});

describe('a check of keeping the routine while helping, judged in halves', () => {
  const story = storyline('onsite-stressed-reception');
  const meeting = meetingOf(story, 1);
  const loggedIt = (locale: 'en' | 'sv', lines: readonly string[]) => {
    const state = lines.reduce((current, line) => directTurn(story, meeting, current, line, reader.read(line, locale), locale).state, newMeetingState(story.startTrust, meeting[locale].opening));
    const check = judgeByRules(meeting, state, locale).checks.find((item) => item.id === 'logged-it');
    return [check?.verdict, check?.reasonKey];
  };
  const lines = {
    en: { asks: 'since when does it freeze, only at check-in?', laptop: "sorry, I can't take your home laptop, but I'll text you a repair shop before I leave", helps: "I'm putting the card terminal on its own cable now, ten minutes, so payments work", waits: "you'll need to ask the patients to wait a bit", givesIn: 'sure, give me the laptop and I will look at it' },
    sv: { asks: 'sen när fryser den, bara vid incheckningen?', laptop: "din egen laptop kan jag tyvärr inte ta, men jag sms:ar dig en verkstad innan jag går", helps: 'jag kopplar kortterminalen på en egen kabel nu, tio minuter, så funkar betalningen', waits: 'ni får be patienterna vänta lite', givesIn: 'visst, ge hit laptopen så kollar jag den' },
  } as const;

  for (const locale of ['en', 'sv'] as const) {
    const said = lines[locale];
    it(`when the learner helped on the spot with something concrete but never kept the ticket, then the check is half met (${locale})`, () => {
      assert.deepEqual(loggedIt(locale, [said.asks, said.laptop, said.helps]), ['partly', 'helpedOnly']);
    });

    it(`when the help came with telling the patients to wait, or with taking the private laptop, then the routine was dropped: not met (${locale})`, () => {
      assert.deepEqual(loggedIt(locale, [said.asks, said.laptop, said.helps, said.waits]), ['not', 'missing']);
      assert.deepEqual(loggedIt(locale, [said.asks, said.helps, said.givesIn]), ['not', 'missing']);
    });
  }
});

describe('a proposal said with a hedge', () => {
  const story = storyline('vip-skip-the-queue');
  const meeting = meetingOf(story, 2);
  const proposed = (locale: 'en' | 'sv', line: string) => {
    const state = directTurn(story, meeting, newMeetingState(story.startTrust, meeting[locale].opening), line, reader.read(line, locale), locale).state;
    return judgeByRules(meeting, state, locale).checks.find((item) => item.id === 'proposed-routine')?.verdict;
  };

  it('when a hedged proposal names something in general words, then proposing is half met; one of buzzwords only is not (en)', () => {
    assert.equal(proposed('en', 'maybe we could look at some kind of setup for the busy days'), 'partly');
    assert.equal(proposed('en', 'maybe we could explore some synergies going forward'), 'not');
  });

  it('when a hedged proposal names something in general words, then proposing is half met; one of buzzwords only is not (sv)', () => {
    assert.equal(proposed('sv', 'vi skulle kanske kunna ta fram ett upplägg för de tunga dagarna'), 'partly');
    assert.equal(proposed('sv', 'vi kanske kunde titta på synergier framåt'), 'not');
  });
});

describe('a demand given in to, then turned round', () => {
  const grounding = new Grounding(groundingBooksIn(contentDir), phraseBooksIn(contentDir), catalog.storylines);
  const story = storyline('vip-skip-the-queue');
  const second = meetingOf(story, 2);
  const verdictOf = (locale: Locale, lines: readonly string[]) => {
    let state = newMeetingState(story.startTrust, second[locale].opening);
    for (const text of lines) {
      const moves = grounding.ground(reader.read(text, locale), { storyline: story, meeting: second, locale, state, text });
      const turn = directTurn(story, second, state, text, moves, locale);
      state = { ...turn.state, transcript: [...turn.state.transcript, { speaker: 'customer', text: turn.scripted, source: 'script' }] };
    }
    return judgeByRules(second, state, locale).checks.find((check) => check.id === 'vip-demand');
  };

  for (const [locale, asked, asked2, heard, yes, turned, more] of [
    ['en', 'What does a hearing day look like for you, and who is involved?', 'And who prepares the documents on those days?', 'I see, thanks.', 'Yes, we can set that up from Monday.', "On second thought: if the partners always go first, everyone else at the firm will wait longer. What I'd propose instead is a routine for hearing days: you tell us the days five working days ahead and we prepare a loan laptop.", 'We can also prepare a loan laptop and a named contact for hearing days.'],
    ['sv', 'Hur ser en förhandlingsdag ut hos er, och vilka är inblandade?', 'Och vem förbereder handlingarna de dagarna?', 'Jag förstår, tack.', 'Ja, det bör vi kunna ordna från måndag.', 'Vid närmare eftertanke: om delägarna alltid går först får övriga på byrån vänta längre. Mitt förslag är i stället en rutin för förhandlingsdagar: ni anmäler dagarna fem arbetsdagar före och vi förbereder en lånedator.', 'Vi kan också förbereda en lånedator och en namngiven kontaktperson för förhandlingsdagar.'],
  ] as const) {
    it(`when the learner says yes to an unreasonable demand and later says why not with a concrete routine, then the demand is partly handled; an offer on top of the yes is not (${locale})`, () => {
      assert.deepEqual([verdictOf(locale, [asked, asked2, heard, yes])?.verdict, verdictOf(locale, [asked, asked2, heard, yes])?.reasonKey], ['not', 'demand.accepted']);
      const check = verdictOf(locale, [asked, asked2, heard, yes, turned]);
      assert.deepEqual([check?.verdict, check?.reasonKey, check?.quote], ['partly', 'turnedRound', turned]);
      assert.equal(verdictOf(locale, [asked, asked2, heard, yes, more])?.verdict, 'not');
    });
  }
});
