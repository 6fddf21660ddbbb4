import assert from 'node:assert/strict';
import { Grounding, type EarlierMeeting } from '../../src/roleplay/judging/grounding';
import { groundingBooksIn } from '../../src/roleplay/judging/grounding-book';
import { newMeetingState, type MeetingState } from '../../src/roleplay/meeting-state';
import { phraseBooksIn } from '../../src/roleplay/reading/phrase-book';
import { catalog, contentDir, meetingOf, storyline } from './roleplay-fixtures';

describe('grounding a reference back: only what came out in an earlier meeting', () => {
  const grounding = new Grounding(groundingBooksIn(contentDir), phraseBooksIn(contentDir), catalog.storylines);
  const story = storyline('contract-boundary-by-tomorrow');
  const [first, second] = [meetingOf(story, 1), meetingOf(story, 2)];
  const line = 'Som du sa förra gången: apotekskunden får brist på läkemedel om plocklistorna inte skrivs ut.';
  const firstMeeting = (revealed: MeetingState['revealed']): EarlierMeeting => ({ meetingNumber: 1, state: { ...newMeetingState(story.startTrust, first.sv.opening), revealed } });
  const referred = (earlier?: readonly EarlierMeeting[]): boolean | undefined =>
    grounding
      .ground([{ kind: 'refers-back', quote: line }], { storyline: story, meeting: second, locale: 'sv', state: newMeetingState(story.startTrust, second.sv.opening), text: line, ...(earlier ? { earlier } : {}) })
      .at(0)?.generic;

  it('when the pharmacy worry came out in meeting 1, then saying it back in meeting 2 refers back', () => {
    assert.equal(referred([firstMeeting([{ needId: 'pharmacy-shipments', atTurn: 2 }])]), undefined);
  });

  it('when the worry never came out, or meeting 1 is not known, then the same words are a guess', () => {
    assert.equal(referred([firstMeeting([{ needId: 'only-eight-on-monday', atTurn: 2 }])]), true);
    assert.equal(referred(), true);
  });

  it('when the earlier meeting named is not an earlier one, then nothing of it is recalled', () => {
    assert.equal(referred([{ meetingNumber: 2, state: { ...newMeetingState(story.startTrust, second.sv.opening), revealed: [{ needId: 'pharmacy-shipments', atTurn: 1 }] } }]), true);
  });

  it('when the customer’s words of this meeting stand beside a reference back, not in it, then it recalls nothing; in its sentence they count', () => {
    const said = (locale: 'en' | 'sv', text: string): MeetingState => {
      const state = newMeetingState(story.startTrust, second[locale].opening);
      return { ...state, transcript: [...state.transcript, { speaker: 'customer', text, source: 'script' }] };
    };
    const refers = (locale: 'en' | 'sv', state: MeetingState, text: string, quote: string): boolean | undefined =>
      grounding.ground([{ kind: 'refers-back', quote }], { storyline: story, meeting: second, locale, state, text }).at(0)?.generic;
    const en = said('en', 'Cut the price in half, or I will ask another supplier to do the network.');
    assert.equal(refers('en', en, 'half the price is hard, i need to ask my manager. but we follow up as usual', 'but we follow up as usual'), true);
    assert.equal(refers('en', en, 'like you said, half the price or another supplier', 'like you said, half the price or another supplier'), undefined);
    const sv = said('sv', 'Halvera priset, annars ber jag en annan leverantör göra nätverket.');
    assert.equal(refers('sv', sv, 'halva priset är svårt, jag får fråga min chef. men vi följer upp som vanligt', 'men vi följer upp som vanligt'), true);
    assert.equal(refers('sv', sv, 'som du sa, halva priset eller en annan leverantör', 'som du sa, halva priset eller en annan leverantör'), undefined);
  });
});
