import assert from 'node:assert/strict';
import { reader } from './roleplay-fixtures';
import { counted, reads, readsNo } from './reader-assertions';


// How far a move reaches: a supposition, a blame or a dropped step colours the rest of its clause.
describe('role-play reader: what a clause does not do', () => {
  it('when a dropped step is only supposed ("if we skip …", "would mean skipping …"), then nothing is dropped', () => {
    readsNo('if we skip the restore test, a broken backup shows up only when you need it', 'en', 'drops-quality');
    readsNo("going faster, i'd have to skip the pilot group entirely", 'en', 'drops-quality');
    readsNo('om vi hoppar över testet nu får hela kontoret samma fel på måndag', 'sv', 'drops-quality');
    reads('we skip the restore test this time so you get it back tonight', 'en', 'drops-quality');
    reads('vi hoppar över testet den här gången', 'sv', 'drops-quality');
  });

  it('when a step is dropped to get there sooner, then it is no alternative on offer', () => {
    readsNo('we can skip the security checks for now and hand the laptops out at noon', 'en', 'offers-alternative');
    readsNo('vi kan strunta i kontrollen så länge och lämna ut datorerna direkt', 'sv', 'offers-alternative');
  });

  it('when the customer is blamed for not doing something else, then "instead of" offers nothing', () => {
    readsNo('your team should have rung us on monday instead of waiting for the weekly call', 'en', 'offers-alternative');
    readsNo('ni borde ha ringt oss i måndags i stället för att vänta till mötet', 'sv', 'offers-alternative');
  });

  it('when a Swedish sentence puts the subject after "ska" ("det ska jag försöka"), then it still hedges', () => {
    reads('skrivarna på lagret ska jag försöka få igång till fredag', 'sv', 'hedges');
    readsNo('skrivarna på lagret ska jag försöka få igång till fredag', 'sv', 'promises');
    reads('i morgon försöker vi flytta servern', 'sv', 'hedges');
  });
});

describe('role-play reader: who says it and where the no sits', () => {
  it('when the learner voices their own worry, then it raises a risk; the customer\'s worry named back does not', () => {
    reads('my main concern with the current date is that the new printers arrive the same week as the audit', 'en', 'raises-risk');
    reads("i'm a bit worried about the spare screens, half of them failed the last check", 'en', 'raises-risk');
    readsNo("i get that you're worried about the audit week", 'en', 'raises-risk');
    reads('jag är lite orolig för servrarna i källaren, fläkten har stannat två gånger', 'sv', 'raises-risk');
    reads('min största oro är att backupen inte hinner gå klart före öppning', 'sv', 'raises-risk');
    readsNo('jag förstår att ni är oroliga för bokslutet', 'sv', 'raises-risk');
  });

  it('when a Swedish message starts "mitt förslag", then it proposes, with or without "är"', () => {
    reads('mitt förslag i stället: vi byter skrivarna på tisdag kväll när kontoret är tomt', 'sv', 'proposes');
  });

  it('when the negation comes after the verb ("jag skickar inte …"), then nothing is promised or given away', () => {
    readsNo('jag skickar inte offerten på fredag, den måste granskas först', 'sv', 'promises');
    readsNo('all the technicians wont make the restore any faster', 'en', 'caves');
  });
});

describe('role-play reader: an "instead" that looks back', () => {
  it('when "instead" closes a report of what happened, then nothing is offered', () => {
    const text = 'hi, the invoice went out on friday instead, hectic month here';
    assert.ok(!reader.read(text, 'en').some((move) => move.kind === 'offers-alternative'), `${text}: ${counted(text, 'en').join(', ')}`);
    const swedish = 'hej, fakturan gick iväg i fredags istället, rörig månad här';
    assert.ok(!reader.read(swedish, 'sv').some((move) => move.kind === 'offers-alternative'), `${swedish}: ${counted(swedish, 'sv').join(', ')}`);
  });

  it('when "in the meantime" closes an offer before a comma, then the offer is what came before it', () => {
    const move = reader.read('we lend you a spare headset in the meantime, so the calls keep going', 'en').find((found) => found.kind === 'offers-alternative');
    assert.match(move?.what ?? '', /spare headset/);
  });
});

describe('role-play reader: handing the decision upwards', () => {
  it('when the learner will "run it by" their manager, then it hedges and neither agrees nor promises', () => {
    const text = 'ok, ill run it by my boss and get back to you on thursday';
    reads(text, 'en', 'hedges');
    readsNo(text, 'en', 'agrees');
    readsNo(text, 'en', 'promises');
  });
});
