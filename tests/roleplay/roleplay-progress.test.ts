import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../support/test-app';
import { RoleplayLearner } from './roleplay-driver';

/** Role-play in `progress`: meetings held, trust per storyline, rubric hit-rate per theme and a suggested storyline. */
describe('progress with role-play, over real HTTP', () => {
  let harness: TestApp;
  let learner: RoleplayLearner;
  const story = 'sales-blocked-service-desk';

  beforeEach(async () => {
    const now = new Date('2025-03-10T07:40:00Z');
    harness = await startTestApp({}, { clock: () => now });
    learner = new RoleplayLearner(harness);
  });
  afterEach(async () => harness.stop());

  /** Meeting 1 with Maria: four of five checks met; the one missed (a summary) is a listening check. */
  const playFirstMeeting = async (who: RoleplayLearner = learner): Promise<void> => {
    await who.startMeeting(story);
    await who.say('Which of your customers are waiting for quotes, and by when?');
    await who.say('I see. What happened this morning?');
    await who.say("I can't move every technician, but what I can do instead is get the template back within the hour.");
    await who.say('end');
  };

  it('when no meeting was held yet, then progress says so and offers a storyline for the next theme', async () => {
    const [progress] = await learner.say('progress');
    assert.match(progress ?? '', /Role-play\nNo role-play meetings yet: type roleplay to meet a customer\./);
    assert.doesNotMatch(progress ?? '', /Role-play: \d+ of/);
    assert.match(progress ?? '', /Next theme to practise: Perspective\. The next meeting with .+ practises it\./);
  });

  it('when a meeting was held, then progress shows meetings held, trust per storyline and the hit-rate per theme', async () => {
    await playFirstMeeting();
    const [progress] = await learner.say('progress');
    assert.match(progress ?? '', /Role-play\nMeetings held: 1\nThe quotes won't go out\nMaria Lind's trust: 7 of 10 after 1 meeting/);
    assert.match(progress ?? '', /Listening\nRole-play: 1 of 2 checks met/);
    assert.match(progress ?? '', /Demands\nRole-play: 1 of 1 check met/);
    assert.doesNotMatch(progress ?? '', /Trust\nRole-play/, 'a theme without judged checks shows no hit-rate');
    assert.match(progress ?? '', /Streak: 1 day\n/, 'a meeting held today is a day of practice');
  });

  it('when listening checks were missed, then the spaced pick names listening and its storyline opens as a new brief', async () => {
    await playFirstMeeting();
    const [progress] = await learner.say('progress');
    assert.match(progress ?? '', /Next theme to practise: Listening\. The next meeting with Sara Nilsson in “A full waiting room” practises it\.\nMeet Sara Nilsson/);
    const brief = await learner.press('roleplay.brief', { storylineId: 'onsite-stressed-reception' });
    assert.equal(brief.updated, false, 'the progress card stays');
    assert.match(brief.replies[0] ?? '', /^A full waiting room\nMeeting 1 of 2/);
  });

  it('when listening checks were missed in a meeting, then the automatic practice pick goes to listening', async () => {
    await playFirstMeeting();
    const [after] = await learner.say('practice');
    // Without role-play every theme is equally untouched and the programme order would pick the first one.
    assert.match(after ?? '', /^Big ears and an open mind\n/);
  });

  it('when a Swedish learner types framsteg, then the role-play part is in Swedish', async () => {
    const swedish = new RoleplayLearner(harness, { locale: 'sv-SE' });
    await playFirstMeeting(swedish);
    const [progress] = await swedish.say('framsteg');
    assert.match(progress ?? '', /Rollspel\nGenomförda möten: 1\nOfferterna kommer inte iväg\nMaria Linds förtroende: \d+ av 10 efter 1 möte/);
    assert.match(progress ?? '', /Rollspel: \d av \d punkter uppfyllda/);
  });
});
