import assert from 'node:assert/strict';
import type { Locale } from '../../src/core/locale';
import { Grounding } from '../../src/roleplay/judging/grounding';
import { groundingBooksIn } from '../../src/roleplay/judging/grounding-book';
import type { Move } from '../../src/roleplay/reading/intents';
import { newMeetingState } from '../../src/roleplay/meeting-state';
import { phraseBooksIn } from '../../src/roleplay/reading/phrase-book';
import { catalog, contentDir, meetingOf, reader, storyline } from './roleplay-fixtures';

describe('grounding: empathy that names what this customer faces', () => {
  const grounding = new Grounding(groundingBooksIn(contentDir), phraseBooksIn(contentDir), catalog.storylines);
  const groundAll = (storyId: string, meetingNumber: number, locale: Locale, text: string, moves: readonly Move[] = reader.read(text, locale)): Move[] => {
    const story = storyline(storyId);
    const meeting = meetingOf(story, meetingNumber);
    const state = newMeetingState(story.startTrust, meeting[locale].opening);
    return grounding.ground(moves, { storyline: story, meeting, locale, state, text });
  };
  const empathy = (storyId: string, locale: Locale, text: string): Move | undefined =>
    groundAll(storyId, 1, locale, text, [{ kind: 'empathises', quote: text }]).find((move) => move.kind === 'empathises');

  it('when an apology says only that it will not happen again, then it is generic: "again" names nothing of this meeting', () => {
    assert.equal(empathy('sales-blocked-service-desk', 'sv', 'förlåt för det, det ska inte hända igen')?.generic, true);
    assert.equal(empathy('sales-blocked-service-desk', 'en', 'sorry about that, it won’t happen again')?.generic, true);
    assert.equal(empathy('sales-blocked-service-desk', 'sv', 'förlåt, det är klart det är jobbigt när tolv säljare inte kan skicka offerter')?.vague, undefined, 'the sellers named still count');
  });

  it('when empathy names the overrun place the brief tells of ("busy in here", "mycket folk här"), then it counts', () => {
    const english = groundAll('onsite-stressed-reception', 1, 'en', "hi, wow busy in here, sorry you're dealing with this. let me have a look");
    assert.deepEqual(english.find((move) => move.kind === 'empathises'), { kind: 'empathises', quote: "wow busy in here, sorry you're dealing with this." });
    const swedish = groundAll('onsite-stressed-reception', 1, 'sv', 'hej, oj mycket folk här, förstår att det är stressigt. jag kollar');
    assert.deepEqual(swedish.find((move) => move.kind === 'empathises'), { kind: 'empathises', quote: 'oj mycket folk här, förstår att det är stressigt.' });
  });

  it('when the brief tells of no overrun place, then the same words are generic; a feeling alone stays generic anywhere', () => {
    assert.equal(empathy('bakery-unasked-proposal', 'en', "wow busy in here, sorry you're dealing with this")?.generic, true);
    assert.equal(empathy('bakery-unasked-proposal', 'sv', 'oj mycket folk här, förstår att det är stressigt')?.vague, true);
    assert.equal(empathy('onsite-stressed-reception', 'en', 'I understand, that sounds stressful')?.generic, true);
    assert.equal(empathy('onsite-stressed-reception', 'sv', 'jag förstår att det är stressigt')?.vague, true);
  });

  it('when empathy is said "100%" or "till 100 %", then the share is emphasis and names nothing of this customer', () => {
    assert.equal(empathy('onsite-stressed-reception', 'en', "I hear you 100%, and I want to make sure we're fully aligned on value here")?.generic, true);
    assert.equal(empathy('onsite-stressed-reception', 'sv', 'jag förstår dig till 100 %, vi är helt med dig här')?.generic, true);
    assert.equal(empathy('sales-blocked-service-desk', 'en', 'sorry, 12 sellers without quotes is awful')?.generic, undefined, 'a figure of the meeting still counts');
  });

  it('when empathy only says that the meeting\'s people matter ("… are super important", "… betyder så mycket för oss"), then it is generic; a fact beside it counts', () => {
    assert.equal(empathy('onsite-stressed-reception', 'en', 'I hear you, the reception and the patients are super important')?.generic, true);
    assert.equal(empathy('sales-blocked-service-desk', 'sv', 'Jag förstår precis, dina säljare och deras offerter betyder så mycket för oss.')?.generic, true);
    assert.equal(empathy('sales-blocked-service-desk', 'en', 'I get it, twelve sellers without quotes on a Thursday is awful, your sellers matter so much')?.generic, undefined);
    assert.equal(empathy('sales-blocked-service-desk', 'sv', 'jag fattar, tolv säljare utan offerter en torsdag är hemskt, säljarna betyder så mycket')?.generic, undefined);
  });
});
