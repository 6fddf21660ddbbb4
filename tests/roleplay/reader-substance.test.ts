import assert from 'node:assert/strict';
import type { Locale } from '../../src/core/locale';
import { directTurn } from '../../src/roleplay/customer/director';
import { counts, type Intent } from '../../src/roleplay/reading/intents';
import { newMeetingState, type MeetingState } from '../../src/roleplay/meeting-state';
import { judgeByRules } from '../../src/roleplay/judging/rule-judge';
import { phraseBooksIn } from '../../src/roleplay/reading/phrase-book';
import { isNoise, noiseOf } from '../../src/roleplay/reading/reader-book';
import { contentDir, meetingOf, reader, storyline } from './roleplay-fixtures';

const counted = (text: string): Intent[] => reader.read(text, 'en').filter(counts).map((move) => move.kind);
const named = (text: string): Intent[] => reader.read(text, 'en').map((move) => move.kind);

describe('role-play reader (en): moves rest on the learner’s own concrete words', () => {
  it('when a promise opens with its deadline ("within one hour we restore …") or says it in words ("within one hour"), then it is a promise with a by-when', () => {
    const promise = (text: string, locale: 'en' | 'sv') => reader.read(text, locale).find((move) => move.kind === 'promises');
    for (const [text, locale] of [
      ['Within one hour we restore the shared folder so sellers can quote in Excel.', 'en'],
      ["we'll restore the shared folder within one hour", 'en'],
      ['Inom en timme återställer vi den delade mappen så säljarna kan räkna i Excel.', 'sv'],
      ['vi ska återställa den delade mappen inom ett par timmar', 'sv'],
    ] as const) {
      const move = promise(text, locale);
      assert.ok(move?.what && move.when, `${text}: ${JSON.stringify(move)}`);
    }
    assert.equal(promise('by friday i cannot promise anything', 'en'), undefined);
    assert.equal(promise('till fredag hinner vi inte', 'sv'), undefined);
  });

  it('when a learner only claims to have kept their word, then that is no answer that it was kept', () => {
    assert.ok(!named("as promised, I'm following up as we agreed").includes('commitment-kept'));
    assert.ok(!named('like I said last time, we value our partnership').includes('commitment-kept'));
  });

  it('when a learner says what was done, then it is kept, and the yes before it answers rather than agrees', () => {
    const moves = counted('yes the template folder was back up within the hour, like i said');
    assert.ok(moves.includes('commitment-kept'), moves.join(', '));
    assert.ok(!moves.includes('agrees'), moves.join(', '));
  });

  it('when empathy names only feelings and intensifiers, then it earns nothing; naming the moment does', () => {
    assert.ok(!counted('I understand your frustration').includes('empathises'));
    assert.ok(!counted('I fully understand, this must be so frustrating for you and your team').includes('empathises'));
    assert.ok(!counted('sorry to hear that, must be a difficult situation').includes('empathises'));
    assert.ok(counted('i completely understand, a hearing day is the worst time for the laptop to play up').includes('empathises'));
  });

  it('when a question names whose people it means inside its trigger, then that word is substance; the trigger’s own words are not', () => {
    assert.ok(counted('how do your store staff feel about it?').includes('asks-impact'));
    assert.ok(counted('how do the warehouse staff feel about it?').includes('asks-impact'));
    assert.ok(!counted('how do your customers feel about it?').includes('asks-impact'));
    assert.ok(!counted('how do your own staff feel about it?').includes('asks-impact'));
  });

  it('when an English word starts like a Swedish filler word, then it is no filler: "stores" is no "stor" with an ending', () => {
    assert.ok(counted('what happens to the stores?').includes('asks-impact'));
    const phrases = phraseBooksIn(contentDir);
    assert.ok(!isNoise(noiseOf(phrases.en, phrases.sv), 'stores'));
    assert.ok(isNoise(noiseOf(phrases.en, phrases.sv), 'stor'), 'the Swedish filler word itself still is');
    assert.ok(isNoise(noiseOf(phrases.sv, phrases.en), 'stora'), 'and in Swedish, with its ending');
  });

  it('when a negation sits in a message, then it is not a word of substance', () => {
    assert.ok(!counted("there's a real risk here if we don't act proactively, we need to keep that in mind").includes('raises-risk'));
  });

  it('when a promise has only a by-when, then it is vague; what it promises may also come before its trigger', () => {
    assert.ok(!counted("I'll follow up by 10:45").includes('promises'));
    assert.ok(!counted("I'll keep you in the loop on next steps by end of week").includes('promises'));
    assert.ok(counted('ill call you back at 11 with an update whatever happens').includes('promises'));
    const desk = reader.read('the loan laptop with the three files will be ready by 10:45', 'en').find((move) => move.kind === 'promises');
    assert.equal(desk?.what, 'the loan laptop with the three files');
  });

  it('when a schedule is part of an offer or a promise, then it is not raising a pattern', () => {
    assert.ok(!named("I can't give you a free technician, but I can move the weekend update to sunday evening and check the system every monday at 7:30").includes('raises-risk'));
    assert.ok(named("I've noticed it's always on a monday, right after the weekend update").includes('raises-risk'));
  });

  it('when a cause word sits in a question, or honesty only frames a hedge, then nothing is explained', () => {
    assert.ok(!named('so are patients leaving because of this?').includes('explains'));
    assert.ok(!named("honestly i'll try to get as much as possible done over the weekend").includes('explains'));
    assert.ok(counted("it's because the weekend update restarts the pdf service").includes('explains'));
  });

  it('when a question names people and what happens to them, then it asks the impact, not the situation; scope is the situation', () => {
    assert.deepEqual(counted('what happens to your customers while the quoting system is down?'), ['asks-impact']);
    assert.ok(!counted('oh no not again. is it all twelve sellers or just a few of them').includes('asks-impact'));
    assert.ok(!counted('what matters most to your customers?').includes('asks-impact'));
  });

  it('when a pilot or a test is only named in a proposal, then it is not following the process; keeping the step is', () => {
    assert.ok(!named('my suggestion: pilot with 10 agents next week, then pause for the campaign').includes('follows-process'));
    assert.ok(!named("ok pc's back up, should be better now. i'll close the ticket").includes('follows-process'));
    assert.ok(counted('we still run every laptop through the same checklist and test call, even if its just ten').includes('follows-process'));
    assert.ok(counted("We'll keep the testing and data migration for every machine").includes('follows-process'));
  });

  it('when a contract boundary is said with other words, then it is still hiding behind the contract', () => {
    assert.ok(counted("having someone on site isnt in your contract so no, thats not possible").includes('hides-behind-contract'));
    assert.ok(counted('sorry we work tickets in the order they come in, thats the rules').includes('hides-behind-contract'));
  });
});

describe('role-play gaming (en): a meeting of buzzwords earns no check and no trust', () => {
  const story = storyline('sales-blocked-service-desk');
  const meeting = meetingOf(story, 1);
  const play = (lines: readonly string[]): MeetingState =>
    lines.reduce((state, line) => directTurn(story, meeting, state, line, reader.read(line, 'en'), 'en').state, newMeetingState(story.startTrust, meeting.en.opening));

  it('when every message is made of buzzwords, then no rubric check is met and trust does not rise', () => {
    const state = play([
      'Hello! Great to see you again, following up as agreed',
      'I fully understand, this must be so frustrating for you and your team',
      'what is most important for you and your customers?',
      'so, to recap: you need this to work and it matters to your business',
      'to be honest, the reason is our commitment to quality',
      "there's a real risk here if we don't act proactively, we need to keep that in mind",
      "I can't do that, but I can offer you a great alternative solution tailored to your needs",
      "I'll personally make sure it's handled by tomorrow",
      "I'll keep you in the loop on next steps by end of week",
    ]);
    const debrief = judgeByRules(meeting, state, 'en');
    assert.deepEqual(debrief.checks.filter((check) => check.met).map((check) => check.id), []);
    assert.ok(state.trust <= state.trustStart, `trust ${state.trustStart} → ${state.trust}`);
  });
});

/** Neither an offer nor a proposal the reader would count: nothing concrete is offered. */
function offersNothing(line: string, locale: Locale): void {
  const offers = reader.read(line, locale).filter((move) => (move.kind === 'offers-alternative' || move.kind === 'proposes') && counts(move));
  assert.deepEqual(offers, [], `${locale}: ${line}`);
}

describe('role-play reader: consultant words are no offer', () => {
  it('when an offer is made of a mindset, proven practices, doing it properly (ordentligt, grundligt) or a sustainable approach to explore opportunities, in either language, then nothing concrete is offered', () => {
    for (const [locale, line] of [
      ['sv', 'vi kör ett kundcentrerat mindset och tar med oss best practice hela vägen'],
      ['en', 'what I can do is bring a customer-centric mindset and best practice all the way'],
      ['en', 'what i can do is bring in proven practices'],
      ['sv', 'I stället för att stressa gör vi det ordentligt med våra best practices.'],
      ['sv', 'det jag kan göra är att göra det grundligt och ordentligt'],
      ['en', "let's schedule a follow-up to explore opportunities together"],
      ['en', "Rather than a quick fix, let's find a sustainable long-term approach for your sellers."],
      ['sv', 'I stället för en snabbfix hittar vi ett hållbart och långsiktigt upplägg för dina säljare.'],
    ] as const) {
      offersNothing(line, locale);
    }
  });
});

describe('role-play reader: filler words are no substance', () => {
  it('when an offer is padded with fillers (basically, anyway, asså, iaf), in either language, then nothing concrete is offered', () => {
    for (const [locale, line] of [
      ['en', 'what i can do is basically sort something anyway'],
      ['en', 'what we can do is literally sort something out anyway'],
      ['sv', 'det jag kan göra är asså fixa nåt iaf'],
    ] as const) {
      offersNothing(line, locale);
    }
  });

  it('when an offer is made "100%" in either language, then the share is emphasis and offers nothing; "by 5%" is a figure', () => {
    for (const [locale, line] of [['en', 'what i can do is sort it 100%'], ['sv', 'det jag kan göra är att fixa det till 100 %']] as const) {
      offersNothing(line, locale);
    }
    assert.ok(reader.read('what i can do is cut waste by 5%', 'en').some((move) => move.kind === 'offers-alternative' && counts(move)));
  });
});
