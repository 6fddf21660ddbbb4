import { reads, readsNo } from './reader-assertions';

// Lines of the kind the blind-written third meetings (batches 25, 26, 29) showed: reporting results honestly, with the reason
// for what went wrong, and bringing the bad news up first.
describe('role-play reader: an honest report and the bad news told first', () => {
  it('when the learner gives the cause as what the system only had or knew, then it explains', () => {
    reads('reason is simple: system look only at last weeks of sales, it don’t know holiday is coming', 'en', 'explains');
    reads('The model only knew ordinary weeks, so it underestimated the rush.', 'en', 'explains');
    reads('the history had no long weekends in it, so it couldn’t see the holiday rush coming', 'en', 'explains');
    reads('datan hade ba vanliga veckor, inga helgdagar, så den fattade inte att folk handlar dubbelt', 'sv', 'explains');
    reads('modellen hade bara fyra vanliga veckor att gå på', 'sv', 'explains');
  });

  it('when the words only say what the company sees itself as, then nothing is explained', () => {
    readsNo("you can tell him it's about value. we don't see ourselves as just a supplier", 'en', 'explains');
  });

  it('when the learner brings up the bad news before the customer hears it elsewhere, then it raises a risk', () => {
    reads('1 thing b4 ur boss hears it: holiday wknd orders were off', 'en', 'raises-risk');
    reads("One thing I'd rather you hear from me than from your boss: the suggestions in Kvarnby were off", 'en', 'raises-risk');
    reads('men en grej vill jag säga innan din chef hör det nån annanstans: förslagen var fel inför långhelgen', 'sv', 'raises-risk');
    reads('en sak bara: inför helgdagen strulade förslagen i Kvarnby', 'sv', 'raises-risk');
  });
});

describe('role-play reader: an idea put forward, and "ja" that means "jag"', () => {
  it('when the learner leads with an idea or what they can do, then it is a plan of their own', () => {
    reads('idea: 2 return stations w scanners in warehouse. kills the queue', 'en', 'proposes');
    reads('men jag har en grej som är bättre för lagret: två returstationer med skanner, på plats första veckan i januari', 'sv', 'proposes');
    reads('ja föreslår två returstationer mä skanner, dom kan va uppe före jul', 'sv', 'proposes');
    reads('vad jag kan göra: två returstationer på lagret, dator plus skanner. offert till dig på torsdag', 'sv', 'offers-alternative');
  });

  it('when "ja" stands before a verb, as "jag" is often typed, then it agrees to nothing; before a comma or "det" it still says yes', () => {
    readsNo('ja föreslår två returstationer mä skanner, dom kan va uppe före jul', 'sv', 'agrees');
    readsNo('ja skickar offert på stationerna på onsdag', 'sv', 'agrees');
    reads('ja, två returstationer låter bra', 'sv', 'agrees');
    reads('ja det gör vi, stationerna på plats till fredag', 'sv', 'agrees');
  });
});

describe('role-play reader: not everything at once, and a plan in steps', () => {
  it('when the learner turns down all at once ("not all 14 on mon", "gör ja ente"), then it refuses', () => {
    reads('not all 14 on mon. holiday fix first, ready in 2 wks', 'en', 'refuses');
    reads('all 14 on monday is too fast. holiday fix first', 'en', 'refuses');
    reads('men alla fjorton på måndag gör ja ente', 'sv', 'refuses');
    reads('alla fjorton på måndag blir för snabbt', 'sv', 'refuses');
  });

  it('when the learner lays out steps ("fix first, then", "4 stores per wave", "fyra åt gången"), then it proposes', () => {
    reads('holiday fix first, then four stores every two weeks', 'en', 'proposes');
    reads('then 4 stores per wave, 2 wks each, same evening waste count', 'en', 'proposes');
    reads('vi fixar helgdagsgrejen först, dä e klart om två veckor', 'sv', 'proposes');
    reads('sen tar vi fyra butiker åt gången, varannan vecka, mä samma svinnmätning', 'sv', 'proposes');
  });
});
