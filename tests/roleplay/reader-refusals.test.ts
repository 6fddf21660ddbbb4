import assert from 'node:assert/strict';
import { reader } from './roleplay-fixtures';
import { reads, readsNo } from './reader-assertions';


// A refusal read from how it is said: a bare no, a "not possible", a "not this, but that".
describe('role-play reader: saying no', () => {
  it('when a no stands on its own after a reason or at the start, then it refuses', () => {
    reads('a second printer on every floor is beyond the budget line, so no', 'en', 'refuses');
    reads('weekend cover is not something the service includes, so the answer is no', 'en', 'refuses');
    reads('moving the whole migration to friday isnt possible', 'en', 'refuses');
    reads('nej tyvärr, det är inget vi gör på plats', 'sv', 'refuses');
    reads('servern står kvar i källaren, så nej', 'sv', 'refuses');
  });

  it('when the demand is called too much ("14 on mon is a lot", "alla 85 på en helg är för mycket"), then it refuses; "a lot to deal with" does not', () => {
    reads("14 on mon is a lot.. we'll figure smth out, maybe in chunks", 'en', 'refuses');
    reads('all 85 in one weekend is too much for us', 'en', 'refuses');
    readsNo('all of this is a lot to deal with', 'en', 'refuses');
    reads('alla 85 på en helg är för mycket för oss', 'sv', 'refuses');
    reads('hmm alla fjorton på måndag blir nog mycket', 'sv', 'refuses');
    readsNo('allt det här är mycket att hantera', 'sv', 'refuses');
  });

  it('when a no answers whether a promise was kept, then it reports the promise and refuses nothing', () => {
    readsNo('nej, jag lovade att skicka listan i tisdags men den blev aldrig klar', 'sv', 'refuses');
    readsNo('nej, rapporten kom aldrig fram till dig', 'sv', 'refuses');
    readsNo('no, the replacement screen i promised never arrived', 'en', 'refuses');
  });

  it('when a Swedish "we do not have time" is in the present, then it refuses; "did not have time" reports', () => {
    reads('vi hinner inte byta alla skrivare till fredag', 'sv', 'refuses');
    readsNo('vi hinner inte byta alla skrivare till fredag', 'sv', 'commitment-not');
  });

  it('when "oh no" or "no problem" is said, then nothing is refused', () => {
    readsNo('oh no, that sounds like a long morning', 'en', 'refuses');
    readsNo('åh nej, vilken start på veckan', 'sv', 'refuses');
    readsNo('no problem, i can walk you through it', 'en', 'refuses');
  });
});

describe('role-play reader: "not this, but that"', () => {
  it('when a negated demand is turned by a concrete "but", then it refuses and offers what follows', () => {
    reads('not the whole floor this weekend, but the six finance desks on saturday and the rest next week', 'en', 'refuses');
    reads('not the whole floor this weekend, but the six finance desks on saturday and the rest next week', 'en', 'offers-alternative');
    reads('vi flyttar inte hela kontoret i helgen, men ekonomiavdelningens sex platser på lördag och resten veckan efter', 'sv', 'refuses');
    reads('vi flyttar inte hela kontoret i helgen, men ekonomiavdelningens sex platser på lördag och resten veckan efter', 'sv', 'offers-alternative');
  });

  it('when the "but" carries only general words, then nothing is refused or offered', () => {
    readsNo("we don't see it that way, but we value the partnership", 'en', 'offers-alternative');
    readsNo('vi ser det inte så, men vi värdesätter samarbetet', 'sv', 'offers-alternative');
  });

  it('when the no reports the past or names the customer\'s limit back, then it refuses nothing', () => {
    readsNo('the new dock did not arrive on monday, but the courier brings it on thursday at nine', 'en', 'refuses');
    readsNo('skärmen kom inte i måndags, men budet har den hos dig på torsdag kl 9', 'sv', 'refuses');
    readsNo("so you can't spend more than 40k this quarter, but the office still needs to move before easter", 'en', 'refuses');
  });
});

describe('role-play reader: a "can\'t" that refuses nothing', () => {
  it('when "we can\'t" is about being the cause or getting it wrong, then it stresses the stakes and refuses nothing', () => {
    readsNo("the payroll run is friday, that's the one thing we can't get wrong", 'en', 'refuses');
    readsNo("we can't be the reason the tills stop on a saturday", 'en', 'refuses');
    reads("we can't replace every till by saturday", 'en', 'refuses');
  });

  it('when "I\'ll be honest" opens a message, then it is no promise, not even a vague one', () => {
    const text = "i'll be straight with you, the new switch costs more than the old one";
    assert.ok(!reader.read(text, 'en').some((move) => move.kind === 'promises'), text);
  });
});

describe('role-play reader: a doubt that is a no', () => {
  it('when the learner doubts they can promise or do it ("i don\'t think i can promise …", "not sure we can do …"), then it refuses and offers nothing', () => {
    for (const text of ["i don't think i can promise all of it by tomorrow, sorry.", 'not sure we can do all thirty by tomorrow']) {
      const kinds = reader.read(text, 'en').map((move) => move.kind);
      assert.ok(kinds.includes('refuses') && !kinds.includes('offers-alternative'), `${text}: ${kinds.join(', ')}`);
    }
    const swedish = reader.read('jag tror inte att jag kan lova allt till i morgon', 'sv').map((move) => move.kind);
    assert.ok(!swedish.includes('offers-alternative'), swedish.join(', '));
    // The offer after the no is still an offer.
    reads("i can't do all 30 but i can do 8 by monday", 'en', 'offers-alternative');
    reads('jag kan inte göra alla 30 men jag kan göra 8 till måndag', 'sv', 'offers-alternative');
  });
});

describe('role-play reader: a no and a plan as staff type them', () => {
  it('when "but no." / "men nej." answers the demand and a plan follows in the present tense ("I load … and test by the 15th, then four shops at a time"), then it refuses and promises the plan by its date', () => {
    for (const [locale, no, plan] of [
      ['en', 'all fourteen on monday? love the enthusiasm, but no.', "I load last year's holidays in and test by the 15th, then four shops at a time, two weeks each"],
      ['sv', 'alla fjorton på måndag? kul att du gillar det, men nej.', 'jag lägger in helgerna och testar till den 15:e, sen fyra butiker i taget, två veckor var'],
    ] as const) {
      reads(no, locale, 'refuses');
      reads(plan, locale, 'promises');
    }
    reads('I send you the list by friday', 'en', 'promises');
    reads('vi kör de åtta på måndag', 'sv', 'promises');
  });
});

describe('role-play reader: a supposition, a yes to a fact, and giving in on their wish', () => {
  it('when all fourteen are only supposed ("om vi kör alla fjorton på måndag så strular det", "kör vi alla på en gång blir det kaos"), then nothing is given in or promised', () => {
    for (const text of ['om vi kör alla fjorton på måndag så strular det', 'kör vi alla på en gång blir det kaos']) {
      const kinds = reader.read(text, 'sv').map((move) => move.kind);
      assert.ok(!kinds.some((kind) => kind === 'caves' || kind === 'promises' || kind === 'agrees'), `${text}: ${kinds.join(', ')}`);
    }
    const english = reader.read("if we do all 85 this weekend we'll have problems on monday", 'en').map((move) => move.kind);
    assert.ok(!english.includes('promises') && english.includes('raises-risk'), english.join(', '));
  });

  it('when the learner gives in on the customer\'s wish ("om du vill så kör vi alla fjorton på måndag"), then it gives in; a yes that tells what happened ("ja, det var lite strul där") agrees to nothing', () => {
    reads('om du vill så kör vi alla fjorton på måndag', 'sv', 'caves');
    reads("ok, if you want we'll do all fourteen on monday", 'en', 'promises');
    for (const [locale, text] of [['sv', 'Aha, helgen. Ja, det var lite strul där. Vi tittar på det.'], ['en', 'yes, it was the holiday']] as const) {
      assert.ok(!reader.read(text, locale).some((move) => move.kind === 'agrees'), text);
    }
  });

  it('when the learner offers to put loan laptops in the warehouse ("jag kan ställa …", "i can put …"), then it offers them', () => {
    reads('Men jag kan ställa två lånedatorer från vår pool på lagret, från måndag och hela januari.', 'sv', 'offers-alternative');
    reads('but i can put two loan laptops from our pool in the warehouse, from monday and all of january', 'en', 'offers-alternative');
  });
});
