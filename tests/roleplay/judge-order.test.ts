import assert from 'node:assert/strict';
import type { Locale } from '../../src/core/locale';
import { directTurn } from '../../src/roleplay/customer/director';
import { newMeetingState, type MeetingState } from '../../src/roleplay/meeting-state';
import { judgeByRules } from '../../src/roleplay/judging/rule-judge';
import { meetingOf, reader, storyline } from './roleplay-fixtures';

// "Asked before proposing" is about the order of what the learner did, whatever shape the proposal had.
describe('rubric judged by explicit rules: asking before proposing', () => {
  const story = storyline('onsite-stressed-reception');
  const meeting = meetingOf(story, 1);
  const play = (lines: readonly string[], locale: Locale): MeetingState =>
    lines.reduce((state, line) => directTurn(story, meeting, state, line, reader.read(line, locale), locale).state, newMeetingState(story.startTrust, meeting[locale].opening));
  const listened = (lines: readonly string[], locale: Locale) => judgeByRules(meeting, play(lines, locale), locale).checks.find((check) => check.id === 'listened-first');

  it('when the learner proposed a fix in general words before asking what happens, then listening first is only partly met', () => {
    const cases: ReadonlyArray<readonly [Locale, string, string]> = [
      ['en', 'let me reboot it first, that normally sorts it', 'does it only freeze at check-in or all the time?'],
      ['sv', 'låt mig starta om den först, det brukar lösa sig', 'fryser den bara vid incheckningen eller hela tiden?'],
    ];
    for (const [locale, proposal, question] of cases) {
      const check = listened([proposal, question], locale);
      assert.deepEqual([check?.verdict, check?.reasonKey, check?.quote], ['partly', 'late', question], `${locale}: ${proposal}`);
      assert.equal(listened([question, proposal], locale)?.verdict, 'met', `${locale}: asked first`);
    }
  });

  it('when the learner proposed a fix with a hedge before asking what happens, then listening first is only partly met', () => {
    const cases: ReadonlyArray<readonly [Locale, string, string]> = [
      ['en', 'maybe we could restart it first', 'does it only freeze at check-in or all the time?'],
      ['sv', 'jag startar nog om den först', 'fryser den bara vid incheckningen eller hela tiden?'],
    ];
    for (const [locale, proposal, question] of cases) assert.equal(listened([proposal, question], locale)?.verdict, 'partly', `${locale}: ${proposal}`);
  });

  it('when the learner only reassured in general words before asking ("let’s get you sorted"), then listening first is still met', () => {
    const cases: ReadonlyArray<readonly [Locale, string, string]> = [
      ['en', 'hi sara, lets get you sorted', 'does it only freeze at check-in or all the time?'],
      ['sv', 'hej sara, ska vi lösa det här?', 'fryser den bara vid incheckningen eller hela tiden?'],
    ];
    for (const [locale, reassurance, question] of cases) assert.equal(listened([reassurance, question], locale)?.verdict, 'met', `${locale}: ${reassurance}`);
  });

  it('when the learner only asked which computer it is and went on to fix it, then listening first is not met', () => {
    const cases: ReadonlyArray<readonly [Locale, string, string]> = [
      ['en', 'hi, which laptop is it?', "i'll reinstall the booking app, about half an hour"],
      ['sv', 'hej, vilken skärm gäller det?', 'jag installerar om bokningsappen, en halvtimme ungefär'],
    ];
    for (const [locale, located, fix] of cases) assert.equal(listened([located, fix], locale)?.verdict, 'not', `${locale}: ${located}`);
  });

  it('when "tell me" only frames a question in general words ("tell me what matters most to you"), then it earns nothing; framing what happens, it listens first', () => {
    const cases: ReadonlyArray<readonly [Locale, string, string]> = [
      ['en', 'tell me what matters most to you', 'tell me what happens when you check someone in'],
      ['en', 'show me what matters most to you', 'show me what happens when you check someone in'],
      ['sv', 'berätta vad som är viktigast för er', 'berätta vad som händer när du checkar in en patient'],
      ['sv', 'visa mig vad som är viktigast för er', 'visa mig vad som händer när du checkar in en patient'],
    ];
    for (const [locale, framed, asked] of cases) {
      assert.equal(listened([framed], locale)?.verdict, 'not', `${locale}: ${framed}`);
      assert.equal(listened([asked], locale)?.verdict, 'met', `${locale}: ${asked}`);
    }
  });
});

