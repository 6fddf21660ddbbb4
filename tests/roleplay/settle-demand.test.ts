import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locale } from '../../src/core/locale';
import { directTurn } from '../../src/roleplay/customer/director';
import { Grounding } from '../../src/roleplay/judging/grounding';
import { groundingBooksIn } from '../../src/roleplay/judging/grounding-book';
import { newMeetingState, type MeetingState } from '../../src/roleplay/meeting-state';
import { phraseBooksIn } from '../../src/roleplay/reading/phrase-book';
import { judgeByRules, type Verdict } from '../../src/roleplay/judging/rule-judge';
import { StorylineCatalog } from '../../src/roleplay/storyline-catalog';
import { restates } from '../../src/roleplay/judging/demand-topic';
import { catalog, contentDir, meetingOf, reader, storyline } from './roleplay-fixtures';

const grounding = new Grounding(groundingBooksIn(contentDir), phraseBooksIn(contentDir), catalog.storylines);

/** A meeting played through the scripted path (read, grounded, directed), the learner confirming every reading. */
function play(storyId: string, meetingNumber: number, locale: Locale, lines: readonly string[]): { state: MeetingState; check: (id: string) => Verdict | undefined } {
  const story = storyline(storyId);
  const meeting = meetingOf(story, meetingNumber);
  let state = newMeetingState(story.startTrust, meeting[locale].opening);
  for (const text of lines) {
    const moves = grounding.ground(reader.read(text, locale), { storyline: story, meeting, locale, state, text });
    const turn = directTurn(story, meeting, state, text, moves, locale);
    state = { ...turn.state, transcript: [...turn.state.transcript, { speaker: 'customer', text: turn.scripted, source: 'script' }] };
  }
  const checks = judgeByRules(meeting, state, locale).checks;
  return { state, check: (id) => checks.find((item) => item.id === id)?.verdict };
}

describe('demands, offers and process: how the scripted customer settles a demand and the rules judge it', () => {
  // Two lines that earn nothing, so the pilot-stumbles customer raises the test-call demand after them.
  const padding: Readonly<Record<Locale, readonly string[]>> = { en: ['Okay.', 'Mm.'], sv: ['Okej.', 'Mm.'] };

  it('when a promise after a reasonable demand names something else ("a revised proposal by Thursday", a technician for the two broken laptops), then it is no yes: the demand stays open and earns no trust; one that names the test calls is a yes', () => {
    for (const [locale, others, meant] of [
      ['en', ["I'll get back to you with a revised proposal by Thursday.", "I'll call you by Thursday with an update.", 'I will send a technician to the two laptops today, he installs the software and then it works.'], "We'll run a real test call on every temp laptop by Friday at three."],
      ['sv', ['Jag återkommer med ett reviderat förslag till torsdag.', 'Jag ringer dig på torsdag med ett samtal om läget.', 'Jag skickar en tekniker till de två datorerna i dag, han installerar programmet.'], 'Vi ska köra ett riktigt testsamtal på varje vikariedator senast fredag klockan tre.'],
    ] as const) {
      const start = storyline('laptop-rollout-busy-week').startTrust;
      for (const other of others) {
        const elsewhere = play('laptop-rollout-busy-week', 2, locale, [...padding[locale], other]);
        assert.equal(elsewhere.state.demands[0]?.outcome, undefined, `${locale}: the demand stays open after ${other}`);
        assert.ok(elsewhere.state.trust <= start, `${locale}: no trust gained: ${elsewhere.state.trust}`);
        assert.equal(elsewhere.check('clear-yes'), 'not', locale);
      }
      const answered = play('laptop-rollout-busy-week', 2, locale, [...padding[locale], meant]);
      assert.equal(answered.state.demands[0]?.outcome, 'accepted', `${locale}: ${JSON.stringify(answered.state.transcript.at(-2))}`);
      assert.equal(answered.check('clear-yes'), 'met', locale);
    }
  });

  it('when a hedged promise after a reasonable demand names something else, then it is not even half a yes; a hedged promise of the test calls is', () => {
    for (const [locale, other, meant] of [
      ['en', "I'll probably send you a revised proposal by Thursday.", "We'll probably get a test call done on all the temp laptops by Thursday."],
      ['sv', 'Jag ska nog skicka ett reviderat förslag till torsdag.', 'Jag ska nog testa alla vikariedatorer med ett samtal till torsdag.'],
    ] as const) {
      assert.equal(play('laptop-rollout-busy-week', 2, locale, [...padding[locale], other]).check('clear-yes'), 'not', locale);
      assert.equal(play('laptop-rollout-busy-week', 2, locale, [...padding[locale], meant]).check('clear-yes'), 'partly', locale);
    }
  });

  it('when a yes is said with a hedge ("yeah we\'ll try to get through all of them before Monday"), then it is half a yes, though it names nothing of the demand', () => {
    for (const [locale, line] of [
      ['en', "Yeah we'll try to get through all of them before Monday, should be fine."],
      ['sv', 'Ja vi hinner nog ringa igenom alla före måndag.'],
    ] as const) {
      assert.equal(play('laptop-rollout-busy-week', 2, locale, [...padding[locale], line]).check('clear-yes'), 'partly', locale);
    }
  });

  it('when a yes only leads into understanding the customer ("yeah I get why …"), then it says yes to no demand; a plain yes does', () => {
    for (const [locale, feeling, plain] of [
      ['en', 'Yeah I get why Black Week looks scary now.', 'Yes. Every temp laptop gets a real test call by Thursday 4pm.'],
      ['sv', 'Ja, jag förstår varför Black Week känns läskig nu.', 'Ja. Varje vikariedator får ett riktigt testsamtal senast torsdag kl 16.'],
    ] as const) {
      const understood = play('laptop-rollout-busy-week', 2, locale, [...padding[locale], feeling]);
      assert.equal(understood.state.demands[0]?.outcome, undefined, `${locale}: ${JSON.stringify(understood.state.transcript.at(-2))}`);
      assert.equal(understood.check('clear-yes'), 'not', locale);
      const said = play('laptop-rollout-busy-week', 2, locale, [...padding[locale], feeling, plain]);
      assert.equal(said.state.demands[0]?.outcome, 'accepted', locale);
    }
  });

  it('when a no hides behind the contract and a vague promise follows, then the demand check is not met; after a plain no the same kind of promise is half an answer', () => {
    for (const [locale, hidden, plain, promise] of [
      ['en', "Sorry, private stuff isn't covered.", "No, I can't take private laptops.", "I'll send you a few tips for your laptop later."],
      ['sv', 'Nej sorry, privata datorer ingår inte.', 'Nej, privata datorer kan jag inte ta.', 'Jag ska skicka lite tips om din laptop sen.'],
    ] as const) {
      const covered = play('onsite-stressed-reception', 1, locale, [...padding[locale], hidden, promise]);
      assert.equal(covered.state.demands[0]?.outcome, 'refused', locale);
      assert.equal(covered.check('private-laptop-answer'), 'not', locale);
      const refused = play('onsite-stressed-reception', 1, locale, [...padding[locale], plain, promise]);
      assert.equal(refused.check('private-laptop-answer'), 'partly', locale);
    }
  });

  it('when the learner says no to the private laptop and then, right after, yes with a promise to look at it, then they gave in after all; a yes with a concrete step of its own, or "no worries", does not', () => {
    for (const [locale, no, givesIn, own, noWorries] of [
      ['en', "No, I can't take private laptops.", "Sure, give it here, I'll have a look after.", "Yes, and I'll have the card terminal on the spare pc within ten minutes.", 'Yeah no worries.'],
      ['sv', 'Nej, privata datorer kan jag inte ta.', 'Visst, ge hit din laptop så kollar jag på den efteråt.', 'Ja, och jag ska ha kortterminalen på reservdatorn inom tio minuter.', 'Ja ingen fara.'],
    ] as const) {
      const story = storyline('onsite-stressed-reception');
      const caved = play(story.id, 1, locale, [...padding[locale], no, givesIn]);
      assert.equal(caved.state.demands[0]?.outcome, 'accepted', locale);
      assert.equal(caved.state.transcript.at(-1)?.text, meetingOf(story, 1).demands[0]?.[locale].onAccepted, locale);
      assert.equal(caved.check('private-laptop-answer'), 'not', locale);
      for (const other of [own, noWorries]) assert.equal(play(story.id, 1, locale, [...padding[locale], no, other]).state.demands[0]?.outcome, 'refused', `${locale}: ${other}`);
    }
  });

  it('when the only alternative came before anything led the customer to the demand, then keeping the change request is half the check; the same offer after the demand makes it whole', () => {
    for (const [locale, offer, process] of [
      ['en', 'I can set up accounts and laptops for the eight by Monday.', 'The network has to go as a change request, it needs cabling and testing.'],
      ['sv', 'Jag kan ordna konton och datorer till de åtta till måndag.', 'Nätverket måste gå som en ändringsbegäran, det ska dras kablar och testas.'],
    ] as const) {
      const early = play('contract-boundary-by-tomorrow', 1, locale, [offer, padding[locale][0] ?? '', process]);
      assert.equal(early.state.demands[0]?.raisedAtTurn, 2, `${locale}: the demand comes after the offer`);
      assert.equal(early.check('kept-change-request'), 'partly', locale);
      const answered = play('contract-boundary-by-tomorrow', 1, locale, [...padding[locale], offer, process]);
      assert.equal(answered.check('kept-change-request'), 'met', locale);
    }
  });

  it('when the on-the-spot help comes in the message the customer raises the private laptop after, then it still counts for keeping the ticket going', () => {
    for (const [locale, asked, helped] of [
      ['en', 'What happens when you check someone in?', "I'll move the card terminal to the spare pc so you can take payments in the meantime. Everything goes in the ticket so we see if it comes back."],
      ['sv', 'Vad händer när du checkar in en patient?', 'Jag flyttar kortterminalen till reservdatorn så att ni kan ta betalt under tiden. Frysningarna skriver jag in i ärendet så vi ser om de kommer tillbaka.'],
    ] as const) {
      const said = play('onsite-stressed-reception', 1, locale, [asked, helped]);
      assert.equal(said.state.demands[0]?.raisedAtTurn, 2, `${locale}: the demand comes after the help`);
      assert.equal(said.check('logged-it'), 'met', locale);
    }
  });

  it('when the learner offers in colloquial Swedish what they can fix ("jag kan fixa konton …"), then it is an alternative, as in English', () => {
    for (const [locale, offer] of [
      ['en', 'I can set up accounts and laptops for the eight by Monday.'],
      ['sv', 'Jag kan fixa konton och datorer till de åtta till måndag.'],
      ['sv', 'Vi kan fixa konton och datorer till de åtta till måndag.'],
    ] as const) {
      const said = play('contract-boundary-by-tomorrow', 1, locale, [...padding[locale], offer]);
      assert.equal(said.state.demands[0]?.outcome, 'alternative', `${locale}: ${offer}`);
    }
  });

  it('when an "alternative" offers the unreasonable demand itself ("everything for all thirty by tomorrow"), then the learner gave in; an offer of something less, beside a no, is an alternative', () => {
    for (const [locale, itself, less] of [
      ['en', 'We can do everything for all thirty by tomorrow.', 'Not all thirty by tomorrow, but the eight by Monday.'],
      ['sv', 'Vi kan fixa allt för alla trettio till i morgon.', 'Alla trettio till i morgon går inte, men konton och datorer till de åtta till måndag.'],
    ] as const) {
      const start = storyline('contract-boundary-by-tomorrow').startTrust;
      const caved = play('contract-boundary-by-tomorrow', 1, locale, [...padding[locale], itself]);
      assert.equal(caved.state.demands[0]?.outcome, 'accepted', locale);
      assert.ok(caved.state.trust <= start, `${locale}: giving in earns no trust: ${caved.state.trust}`);
      assert.equal(caved.check('clear-boundary'), 'not', locale);
      assert.equal(play('contract-boundary-by-tomorrow', 1, locale, [...padding[locale], less]).check('clear-boundary'), 'met', locale);
    }
  });

  it('when an offer names the words of an unreasonable demand only apart or for something less ("every hour", "partners first on court days"), then it does not offer the demand itself', () => {
    const technicians = meetingOf(storyline('sales-blocked-service-desk'), 1).demands[0];
    const partners = meetingOf(storyline('vip-skip-the-queue'), 2).demands[0];
    assert.ok(technicians && partners);
    assert.ok(restates(technicians, 'every technician we have, on it now', 'en'));
    assert.ok(!restates(technicians, 'a named technician calls you every hour', 'en'));
    assert.ok(restates(technicians, 'varenda tekniker vi har sätter jag på det', 'sv'));
    assert.ok(!restates(technicians, 'en namngiven tekniker ringer dig varenda timme', 'sv'));
    assert.ok(restates(partners, 'partners first, every time, from Monday', 'en'));
    assert.ok(!restates(partners, 'partners first on court days, booked ahead', 'en'));
    assert.ok(!restates(partners, 'delägarna först på förhandlingsdagar', 'sv'));
  });

  it('when a reasonable demand names no words of what it asks for, or a word its customer does not say, then loading the storylines fails and says which', () => {
    for (const [from, to, problem] of [
      ['          about: [temp, test]\n', '', /test-every-temp-laptop\.en\.about: a reasonable demand names what it asks for/],
      ['about: [vikariedator, testas]', 'about: [vikariedator, förslag]', /test-every-temp-laptop\.sv\.about: "förslag" is not a word of what the customer says/],
    ] as const) {
      const folder = mkdtempSync(path.join(tmpdir(), 'roleplay-demands-'));
      try {
        cpSync(path.join(contentDir, 'roleplay'), folder, { recursive: true });
        const file = path.join(folder, 'laptop-rollout-busy-week.yaml');
        const text = readFileSync(file, 'utf8');
        assert.ok(text.includes(from), `the content still has ${from}`);
        writeFileSync(file, text.replace(from, to));
        assert.throws(() => StorylineCatalog.load(folder), problem);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    }
  });

  it('when a no comes with "we’ll work something out" and a later "ok, I’ll send the final version Friday", then the demand is half answered, never said yes to', () => {
    for (const [locale, lines] of [
      ['en', ['Hi Ahmed.', 'Mm.', "hmm, i cant really guarantee that no. but we'll work something out", 'ok ill send the final one friday']],
      ['sv', ['Hej Ahmed.', 'Mm.', 'hmm, det kan jag inte garantera. men vi löser nåt', 'okej jag skickar den färdiga versionen på fredag']],
    ] as const) {
      const { state, check } = play('bakery-unasked-proposal', 2, locale, lines);
      assert.notEqual(state.demands[0]?.outcome, 'accepted', locale);
      assert.equal(check('no-guarantee'), 'partly', locale);
    }
  });

  it('when a bare no came first and a later message says no again with an alternative, then the demand is met by that alternative', () => {
    const lines = {
      en: ['how did monday go for the eight?', 'what makes the amount hard right now?', "half the price isn't possible, sorry", "halving it I can't do, but we can split the work: cabling before summer, the rest in autumn"],
      sv: ['hur gick måndagen för de åtta?', 'vad är det som gör summan svår just nu?', 'halva priset går inte, tyvärr', 'halvera kan jag inte, men vi kan dela upp arbetet: kabel före sommaren, resten i höst'],
    };
    for (const locale of ['en', 'sv'] as const) {
      const { state, check } = play('contract-boundary-by-tomorrow', 2, locale, lines[locale]);
      assert.equal(state.demands[0]?.outcome, 'alternative', locale);
      assert.equal(check('price-demand'), 'met', locale);
    }
  });
});


describe('demands: a no with a softened way round', () => {
  it('when the learner says no to the guarantee and softens a way round ("perhaps we could look at some kind of review point"), then the demand check is partly; "we do our best" beside the no is not', () => {
    for (const [locale, no, soft, empty] of [
      ['en', "I'm afraid I wouldn't feel comfortable guaranteeing the result, there are too many things outside our hands.", 'Perhaps we could look at some kind of review point along the way, if that would help?', "we'll do our best, but I can't guarantee it"],
      ['sv', 'Jag kan tyvärr inte garantera resultatet, det finns för mycket vi inte styr över.', 'Vi skulle kanske kunna ha en avstämning efter halva piloten.', 'vi gör så gott vi kan, men garantera kan jag inte'],
    ] as const) {
      const pad = locale === 'en' ? ['Okay.', 'Mm.', 'Right.'] : ['Okej.', 'Mm.', 'Jaha.'];
      const softened = play('bakery-unasked-proposal', 2, locale, [...pad, `${no} ${soft}`]);
      assert.equal(softened.check('no-guarantee'), 'partly', `${locale}: ${JSON.stringify(softened.state.demands)}`);
      assert.equal(play('bakery-unasked-proposal', 2, locale, [...pad, empty]).check('no-guarantee'), 'not', locale);
    }
  });
});
