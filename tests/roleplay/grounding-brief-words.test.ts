import assert from 'node:assert/strict';
import type { Locale } from '../../src/core/locale';
import { Grounding } from '../../src/roleplay/judging/grounding';
import { groundingBooksIn } from '../../src/roleplay/judging/grounding-book';
import type { Move } from '../../src/roleplay/reading/intents';
import { newMeetingState } from '../../src/roleplay/meeting-state';
import { phraseBooksIn } from '../../src/roleplay/reading/phrase-book';
import { catalog, contentDir, meetingOf, storyline } from './roleplay-fixtures';

describe('grounding: the brief’s ordinary words are no reason of the learner’s own', () => {
  const grounding = new Grounding(groundingBooksIn(contentDir), phraseBooksIn(contentDir), catalog.storylines);
  const ground = (storyId: string, meetingNumber: number, locale: Locale, text: string): Move | undefined => {
    const story = storyline(storyId);
    const meeting = meetingOf(story, meetingNumber);
    const state = newMeetingState(story.startTrust, meeting[locale].opening);
    return grounding.ground([{ kind: 'explains', quote: text }], { storyline: story, meeting, locale, state, text }).at(0);
  };

  it('when a reason repeats a word of the brief that another storyline uses as much ("simple"), then it is generic', () => {
    assert.equal(ground('vip-skip-the-queue', 2, 'en', 'the reason is simple: we care about doing it properly')?.generic, true);
    assert.equal(ground('vip-skip-the-queue', 2, 'en', 'the reason is that the other firms have a simple routine for their critical days')?.vague, undefined, 'the brief’s facts still count');
  });

  it('when a Swedish reason repeats an ordinary word of the brief ("ligger"), then it is generic', () => {
    assert.equal(ground('contract-boundary-by-tomorrow', 2, 'sv', 'jag tar fullt ansvar, det ligger på oss')?.generic, true);
    assert.equal(ground('contract-boundary-by-tomorrow', 2, 'sv', 'det ligger på oss: ändringsbegäran för nätverket kostar 85 000 för att det är nytt nät')?.vague, undefined, 'the brief’s facts still count');
  });
});
