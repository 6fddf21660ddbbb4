import assert from 'node:assert/strict';
import { reader } from './roleplay-fixtures';

const classify = (text: string): string[] => reader.read(text, 'sv').map((move) => move.kind);

// Swedish as staff type it in chat: without å, ä, ö, with particles (ju, väl, nog) inside a phrase, and colloquially.
describe('role-play move reader, Swedish as typed', () => {
  const readings: ReadonlyArray<readonly [string, readonly string[], readonly string[]]> = [
    ['det ingar inte i kontraktet', ['hides-behind-contract'], []],
    ['jag kan lana ut en dator till fredag', ['offers-alternative'], []],
    ['om jag forstatt ratt vill ni ha datorerna till mandag', ['summarises'], []],
    ['det var ju leverantören som strulade, inte vi', ['blames'], []],
    // Pointing at the customer or a third party, and sending the customer elsewhere.
    ['det var ni som ville ha det superbråttom, därför blev det dyrt', ['blames'], ['explains']],
    ['hade ni skrivit att den fryser hade jag kommit tidigare', ['blames'], []],
    ['det var du som sa att fredag funkar bäst', [], ['blames']],
    ['det där får du ta med vår säljare', ['deflects'], []],
    ['du får ringa mig när som helst', [], ['deflects']],
    ['kön är samma för alla enligt avtalet', ['hides-behind-contract'], []],
    ['jag kan lägga in datorn utan att köra säkerhetskontrollen', ['drops-quality'], []],
    ['okej, vi kör på halva priset då', ['caves'], ['agrees']],
    ['halva priset kan jag inte ge er', ['refuses'], ['caves']],
    // A commitment is answered in a statement; "som jag sa" is kept unless a negation comes before it.
    ['ja, uppföljningen kom varje måndag som vi sa', ['commitment-kept'], ['commitment-not', 'agrees']],
    ['nej, datorn blev inte klar till onsdag som jag sa', ['commitment-not'], ['commitment-kept']],
    ['kom handlingarna fram i tid?', [], ['commitment-kept']],
    // Asking what happens to the customer's customers is about impact, not the situation; a risk is told, not asked.
    ['vad hände med kunderna i chattkön under den timmen?', ['asks-impact'], ['asks-situation']],
    ['vad hände med datorn i fredags?', ['asks-situation'], []],
    ['fryser det varje gång eller bara ibland?', [], ['raises-risk']],
    ['jag tror inte det händer igen', [], ['raises-risk']],
    // Proposals and reasons announced with a colon, offers with more verbs, follow-ups and questions in everyday order.
    ['förslag: vi tar 10 personer som pilot nu och resten veckan efter kampanjen', ['proposes'], []],
    ['varför: ett nät som dras på en natt kan strula på tisdag när leveranserna ska ut', ['explains'], []],
    ['privata datorer ingår inte, men jag kan maila dig en lista med tips ikväll', ['offers-alternative'], ['hides-behind-contract']],
    ['vad bra att förhandlingen gick bra! och lånedatorn funkade hela dagen?', ['refers-back'], []],
    ['vad händer hos er om två veckor?', ['asks-business'], ['asks-situation']],
    ['vad är det ni behöver egentligen, är det alla dagar eller vissa?', ['asks-need'], []],
    ['piloten tar två butiker, för vi vill se att det funkar innan fler får det', ['explains'], []],
    ['förstår att det känns mycket. det som kostar är kabeldragningen i lagret', ['explains'], []],
    // A summary opens with "så" and what the customer said, or closes by checking back.
    ['så kundtjänst tredubblar med vikarier under kampanjen', ['summarises'], []],
    ['siffror på bordet på fredag och att nya butikerna funkar från dag ett, stämmer det?', ['summarises'], []],
    ['så vi kör på det i helgen', [], ['summarises']],
    // Offers where the customer gets something, and a yes/no question that starts with its verb.
    ['trettio hinner vi inte. däremot kan de åtta som börjar måndag få konton och datorer imorgon', ['offers-alternative', 'refuses'], []],
    ['fryser det varje gång eller bara ibland?', ['asks-situation'], []],
    ['funkar det nu?', [], ['asks-situation']],
    // Hedges as staff say them, and a follow-up question on how last time's thing went.
    ['jag får kolla med säljteamet om det går att göra nåt med priset', ['hedges'], []],
    ['vi borde kunna ta fler butiker snart', ['hedges'], []],
    ['innan vi pratar pris: hur gick tisdagens leveranser till apoteken?', ['refers-back'], []],
  ];
  for (const [text, present, absent] of readings) {
    it(`when a learner writes "${text}", then the reader finds ${present.join(' and ')}${absent.length > 0 ? ` and not ${absent.join(', ')}` : ''}`, () => {
      const found = classify(text);
      for (const kind of present) assert.ok(found.includes(kind), `${kind} in ${found.join(', ')}`);
      for (const kind of absent) assert.ok(!found.includes(kind), `${kind} not in ${found.join(', ')}`);
    });
  }

  it('when a promise is typed without marks, then its by-when is still read', () => {
    const promise = reader.read('jag ringer dig pa mandag om leveransen', 'sv').find((move) => move.kind === 'promises');
    assert.ok(promise && !promise.vague, JSON.stringify(promise));
  });

  it('when the object comes first or the by-when is a date, then the promise still has its what and its when', () => {
    const promise = reader.read('beställningen av returstationerna lägger jag den 10 december', 'sv').find((move) => move.kind === 'promises');
    assert.ok(promise && !promise.vague, JSON.stringify(promise));
    assert.equal(promise.when, 'den 10 december');
  });

  it('when a two-letter word lacks its mark, then it is not read as the marked word ("sa" is said, not "så")', () => {
    assert.ok(!classify('jag sa att vi skulle ringa på fredag').includes('explains'));
  });

  it('when a vague offer is typed without marks, then its filler words are still no substance', () => {
    const offer = reader.read('i stallet kan jag erbjuda nagot alternativ som passar', 'sv').find((move) => move.kind === 'offers-alternative');
    assert.equal(offer?.vague, true, JSON.stringify(offer));
  });
});
