import assert from 'node:assert/strict';
import { reader } from './roleplay-fixtures';
import { counted, reads, readsNo } from './reader-assertions';


// Moves read from how a sentence is built (a kept step, a reason's shape, a statement shaped like a question), not from one word.
describe('role-play reader: moves from the shape of a sentence', () => {
  it('when a Swedish message only names a ticket, the queue or a test, then no process is followed; keeping the step is', () => {
    readsNo('jag har gått igenom ärendena från i vintras, det ser likadant ut varje gång', 'sv', 'follows-process');
    readsNo('kön är extra lång i dag för att mejlen ligger nere', 'sv', 'follows-process');
    readsNo('de nya skrivarna har samma drivrutin som piloten', 'sv', 'follows-process');
    reads('ditt ärende ligger kvar som prio 2 hos oss', 'sv', 'follows-process');
    reads('säkerhetskopian tar vi ändå på varenda server', 'sv', 'follows-process');
    reads('jag för in felet och lösningen i ärendet innan jag åker', 'sv', 'follows-process');
    reads('vi hoppar inte över kontrollen av kassan', 'sv', 'follows-process');
  });

  it('when a question word opens a statement, then it is read as a statement', () => {
    reads('what we can set up is a spare laptop at your desk until the repair is back', 'en', 'offers-alternative');
    assert.ok(!counted('what we can set up is a spare laptop at your desk until the repair is back', 'en').some((kind) => kind.startsWith('asks-')));
    reads('what broke it was the driver update on tuesday, because the printers never got the new version', 'en', 'explains');
  });

  it('when a reason is given as a consequence or a requirement, then it explains without the word because', () => {
    reads('doing all the sites overnight would mean skipping the backup of the tills', 'en', 'explains');
    reads('a new mail server needs licences and a migration window first', 'en', 'explains');
    reads('vi kan inte byta servern i kväll, annars står kassorna stilla i morgon bitti', 'sv', 'explains');
    reads('reservdelen kom sent från grossisten, vi fick vänta till torsdag', 'sv', 'explains');
  });

  it('when someone sends the customer elsewhere, then "you\'d have to call" deflects and explains nothing', () => {
    readsNo("the payroll app is the vendor's thing, you'd have to call their helpline", 'en', 'explains');
  });

  it('when a risk is named only with buzzwords and prepositions, then it earns no risk raised', () => {
    readsNo('vi behöver tänka proaktivt kring riskerna', 'sv', 'raises-risk');
    reads('risken är att kassorna fryser igen på lördag när det är som mest folk', 'sv', 'raises-risk');
  });

  it('when an offer ends its sentence bare, then what is offered is the next sentence, and not after a comma', () => {
    const offer = reader.read("here's what we can do. a spare scanner on the packing desk by two, and the broken one back on thursday", 'en').find((move) => move.kind === 'offers-alternative');
    assert.equal(offer?.what, 'a spare scanner on the packing desk by two, and the broken one back on thursday');
    const caving = reader.read("fine, if you want all of it tonight we can do that, i'll keep the whole team late", 'en').find((move) => move.kind === 'offers-alternative');
    assert.ok(!caving?.what?.includes('team late'), JSON.stringify(caving));
  });

  it('when a question asks what they must be able to do or want to avoid, then it asks the need; who feels it asks the impact', () => {
    reads('what do the new starters need to be able to do on their first morning?', 'en', 'asks-need');
    reads('so what are the doctors trying to avoid on clinic days?', 'en', 'asks-need');
    reads('vad vill säljarna slippa när en offert fastnar?', 'sv', 'asks-need');
    reads('if the tills go down on saturday, who notices it first?', 'en', 'asks-impact');
    reads('om kassan står still, vem märker det först?', 'sv', 'asks-impact');
  });

  it("when 'what i'd suggest' or 'why we' opens a sentence, then it is a proposal or a reason, not a question", () => {
    reads('what id suggest: we move the update to sunday night and test the quotes at 7 on monday', 'en', 'proposes');
    reads("why we won't rush it: a half-tested firewall is exactly what takes the web shop down on black friday", 'en', 'explains');
  });

  it('when a question checks that last time\'s work still holds or builds on what they said, then it refers back', () => {
    reads('the two new tills from last thursday, still running ok?', 'en', 'refers-back');
    reads('this builds on what you told me at the depot about the missing pallets', 'en', 'refers-back');
    reads('det här bygger på det du sa när jag var på lagret, att pallarna försvinner', 'sv', 'refers-back');
  });

  it('when a question asks where the business is heading, then it asks the business', () => {
    reads('where is the clinic heading, more chairs in a year or the same?', 'en', 'asks-business');
    reads('hur ser kliniken ut om ett år, blir den större?', 'sv', 'asks-business');
  });

  it('when the learner writes what was done into the ticket or puts a step on the checklist, then the process is followed', () => {
    reads("i'm noting the error code and the fix in the ticket before i leave", 'en', 'follows-process');
    reads('from today a restore test is on the checklist for every new server', 'en', 'follows-process');
    readsNo('the ticket said the printer was slow, nothing about jams', 'en', 'follows-process');
  });

  it('when a Swedish message says in the present tense what the customer has by when, then it is a promise; without a time it is none', () => {
    reads('offerten med båda alternativen har du senast onsdag kl 10', 'sv', 'promises');
    reads('alla kassor testas med ett riktigt köp före lördag', 'sv', 'promises');
    reads('vi har skrivaren igång om tjugo minuter', 'sv', 'promises');
    readsNo('du har rätt, det var rörigt förra gången', 'sv', 'promises');
  });

  it('when a Swedish question also names a plan or season, then it asks the business, not the situation', () => {
    const read = counted('hur många extra säljare tar ni in under kampanjen?', 'sv');
    assert.ok(read.includes('asks-business') && !read.includes('asks-situation'), read.join(', '));
  });

  it('when a warning says what will happen if something is left as it is, then it raises a risk; a demand repeated or a past fact does not', () => {
    reads('if the backup disk stays this full, the nightly copy will fail by the weekend', 'en', 'raises-risk');
    reads('the old switch in the stockroom is going to be a bottleneck when the new tills arrive', 'en', 'raises-risk');
    reads('om vi inte byter disken nu kommer servern stanna mitt i bokslutet', 'sv', 'raises-risk');
    readsNo('a technician at your office every friday, no, that is not something we offer', 'en', 'raises-risk');
    readsNo('yes, all three laptops were on the desks before nine', 'en', 'raises-risk');
    readsNo('om det inte står i avtalet så gör vi det inte', 'sv', 'raises-risk');
    readsNo('det var en engångsgrej, det händer inte igen', 'sv', 'raises-risk');
  });

  it('when an offer only names itself at its end ("… I can offer an alternative"), then nothing before it is taken as the offer', () => {
    const named = reader.read('as for your home printer, we can give you an alternative', 'en').find((move) => move.kind === 'offers-alternative');
    assert.ok(named && !named.what, JSON.stringify(named));
    const svNamed = reader.read('när det gäller din mobil kan jag erbjuda ett alternativ', 'sv').find((move) => move.kind === 'offers-alternative');
    assert.ok(svNamed && !svNamed.what, JSON.stringify(svNamed));
    const pointed = reader.read('we lend you a spare phone with your contacts in the meantime', 'en').find((move) => move.kind === 'offers-alternative');
    assert.equal(pointed?.what, 'we lend you a spare phone with your contacts');
  });

  it('when a suggestion is put as what would help or what could be done when, then it proposes', () => {
    reads('would moving the backup to saturday night help with the slow mornings?', 'en', 'proposes');
    reads('you could use the spare licences from the old branch for the new hires', 'en', 'proposes');
    reads('the other forty can be done over the two weeks after easter, ten a day', 'en', 'proposes');
    reads("first the router so the card machine works, then the pcs one by one", 'en', 'proposes');
    readsNo("the repair didn't get done in the end, we ran out of time", 'en', 'proposes');
  });

  it('when the learner gives in with a reluctant yes, a hidden workaround or a guarantee, then it caves, not agrees', () => {
    const fine = counted('fine, the directors get their laptops first, whatever the queue says', 'en');
    assert.ok(fine.includes('caves') && !fine.includes('agrees'), fine.join(', '));
    reads("ok, we'll leave the old server running, nobody checks the licences anyway", 'en', 'caves');
    reads('okej, vi garanterar att felen försvinner, annars betalar ni inget', 'sv', 'caves');
    reads('visst, vi kör hela helgen så blir allt klart', 'sv', 'caves');
    readsNo('fine by me: the screen suggests a number and your staff decide', 'en', 'caves');
  });

  it('when the fault is put on the customer\'s people or a third party, then it blames; the contract as the reason hides behind it', () => {
    reads("your own team never restarts the terminals, that's why they hang", 'en', 'blames');
    reads("that's the printer supplier's bug, not ours", 'en', 'blames');
    reads('the payroll consultant should have told you about the new tax table', 'en', 'blames');
    reads('the service agreement only covers the office pcs, not the tablets', 'en', 'hides-behind-contract');
    reads("home laptops aren't covered, so i can't look at it", 'en', 'hides-behind-contract');
    readsNo("that's on us, we missed the tablets in the inventory", 'en', 'blames');
  });

  it('when a Swedish message puts the fault on the customer\'s side or a supplier, then it blames; the agreement as the reason hides behind it', () => {
    reads('det är er egen brandvägg som stoppar det, inte vårt program', 'sv', 'blames');
    reads('borde inte era chefer ha sagt till innan?', 'sv', 'blames');
    reads('surfplattor ligger utanför ert serviceavtal', 'sv', 'hides-behind-contract');
    reads('det som står i avtalet är fyra timmar, så det blir efter lunch', 'sv', 'hides-behind-contract');
    readsNo('det var vårt fel, vi glömde plattorna i inventeringen', 'sv', 'blames');
  });

  it('when empathy names how the moment must feel or what it cost, then it empathises; feelings words alone stay general', () => {
    reads('that night shift without the scanner must have been miserable for the pickers', 'en', 'empathises');
    reads('i completely get why the owners are annoyed, a closed till on a saturday is lost money', 'en', 'empathises');
    reads('congrats on the new branch, that is a big step for a family firm', 'en', 'empathises');
    readsNo('i totally get it, that sounds so frustrating', 'en', 'empathises');
  });

  it('when a yes/no question asks about the facts, then it asks the situation; checking a summary or offering more questions does not', () => {
    reads('was it the same cable on both desks, or two different ones?', 'en', 'asks-situation');
    reads('does the card reader still work when the screen freezes?', 'en', 'asks-situation');
    reads('how full is the waiting room right now?', 'en', 'asks-situation');
    readsNo('is there anything else you wanted to ask me?', 'en', 'asks-situation');
    readsNo('does that order work for you?', 'en', 'asks-situation');
  });

  it('when the learner sends the customer to someone else, then it deflects; inviting a call to the learner does not', () => {
    reads('you should really raise that with your phone provider', 'en', 'deflects');
    reads('firewall rules are handled by our security team, not me', 'en', 'deflects');
    reads("that's more a question for your own accountant", 'en', 'deflects');
    readsNo('you can call me directly on my mobile if it freezes again', 'en', 'deflects');
  });

  it('when a Swedish message sends the customer to someone else, then it deflects', () => {
    reads('prata med er telefonileverantör, det är deras växel', 'sv', 'deflects');
    reads('det får ni lösa internt med ekonomichefen', 'sv', 'deflects');
    reads('jag är bara tekniker, sånt bestämmer säljarna', 'sv', 'deflects');
    readsNo('ring mig direkt om den fryser igen', 'sv', 'deflects');
  });

  it('when a no is followed by "but" and something concrete, then that is the alternative, even without the word instead', () => {
    const sv = reader.read('hela kontoret i helgen hinner vi inte. men ekonomi och kassa kan vara klara lördag lunch, resten tar vi nästa vecka', 'sv').find((move) => move.kind === 'offers-alternative');
    assert.equal(sv?.what, 'ekonomi och kassa kan vara klara lördag lunch, resten tar vi nästa vecka');
    reads("we can't rebuild the whole site tonight, but the checkout page and the stock sync can be back by six", 'en', 'offers-alternative');
    readsNo("i can't do that, but what i can do instead is an alternative that really works for you", 'en', 'offers-alternative');
    readsNo("no, i can't, but it's a really difficult situation for everyone", 'en', 'offers-alternative');
  });
});

