import type { Locale } from '../core/locale';

/** What a learner's message does, as far as explicit keyword rules can tell. */
export const intents = [
  'greets',
  'empathises',
  'asks-situation',
  'asks-need',
  'asks-impact',
  'asks-business',
  'summarises',
  'proposes',
  'raises-risk',
  'promises',
  'agrees',
  'refuses',
  'offers-alternative',
  'follows-process',
  'refers-back',
  'explains',
] as const;
export type Intent = (typeof intents)[number];

/** Intents that count as asking before proposing. */
export const askingIntents: readonly Intent[] = ['asks-situation', 'asks-need', 'asks-impact', 'asks-business'];

interface IntentRule {
  readonly intent: Intent;
  /** Only when the message is a question (a "?" or a question word first). */
  readonly question?: boolean;
  /** Only at the start of the message. */
  readonly leading?: boolean;
  readonly phrases: readonly string[];
}

// Phrases are regex fragments; \p{L}* lets one entry cover inflections ("påverka", "påverkar", "påverkas").
const rules: Readonly<Record<Locale, readonly IntentRule[]>> = {
  en: [
    { intent: 'greets', leading: true, phrases: ['hi', 'hello', 'hey', 'good morning', 'good afternoon'] },
    { intent: 'empathises', phrases: ['i understand', 'i see why', 'that sounds', 'sorry to hear', 'must be', 'frustrating', 'stressful', 'i get it', 'i hear you', 'i can imagine'] },
    { intent: 'asks-situation', question: true, phrases: ['what happened', 'when did', 'how long', 'how often', 'since when', 'tell me', 'describe', 'walk me through', 'what exactly', 'who is affected', 'how many', 'what does it look like', 'what is going on', "what's going on", 'what makes'] },
    { intent: 'asks-need', question: true, phrases: ['what do you need', 'what matters', 'most important', 'what would (?:help|make|let)', 'success', 'has to work', 'must work', 'what worries', 'biggest (?:headache|worry|problem)', 'hoping for', 'want to achieve', 'priorit\\p{L}*', 'what do you want'] },
    { intent: 'asks-impact', question: true, phrases: ['customers', 'clients?', 'patients', 'guests', 'passengers', 'end customers', 'impact', 'affect\\p{L}*', 'what happens (?:to|if|when)', 'consequence\\p{L}*'] },
    { intent: 'asks-business', question: true, phrases: ['your business', 'your goals', 'busy period', 'peak', 'season', 'campaign', 'launch', 'your plans', 'this quarter', 'deadline', 'targets', 'how do you work', 'how does (?:the|your) (?:firm|team|company|clinic|bakery|store)', 'next year'] },
    { intent: 'summarises', phrases: ['if i understand', 'to summari[sz]e', 'to sum up', 'let me check i', "so what you're saying", 'so what you are saying', 'so you need', 'so what you need', 'what you need is', 'so the main', "what i'm hearing", 'in other words', 'just to confirm'] },
    { intent: 'proposes', phrases: ['i suggest', 'i propose', 'i recommend', 'we could', 'how about', 'what if we', 'my suggestion', "let's", 'one option', 'would it help if', 'an idea'] },
    { intent: 'raises-risk', phrases: ['risk\\p{L}*', "i've noticed", 'i noticed', 'heads[- ]up', 'before it', 'could become', 'to prevent', 'proactive\\p{L}*', 'happen again', 'recurring'] },
    { intent: 'promises', phrases: ['i will', "i'll", 'i promise', 'you have my word', 'i am going to', 'by (?:monday|tuesday|wednesday|thursday|friday|tomorrow|tonight|end of (?:day|the week)|\\d)'] },
    { intent: 'agrees', leading: true, phrases: ['yes', 'sure', 'ok', 'okay', 'of course', 'absolutely', 'no problem', 'definitely', 'fine', 'deal', 'consider it done'] },
    { intent: 'refuses', phrases: ["can't", 'cannot', 'can not', 'not possible', "won't be able", 'unable to', 'outside (?:the|our) (?:contract|agreement|scope)', 'not part of (?:the|our)', 'have to say no', "that's not something", 'not able to'] },
    { intent: 'offers-alternative', phrases: ['instead', 'alternative\\p{L}*', 'what we can do', 'what i can do', 'another option', 'in the meantime', 'meanwhile', 'workaround', 'temporary', 'loan\\p{L}*', "here's what"] },
    { intent: 'follows-process', phrases: ['ticket', 'log it', 'the queue', 'priority', 'process', 'routine', 'change request', 'the contract', 'sla', 'approval', 'escalat\\p{L}*', 'test\\p{L}*', 'quality', 'checklist\\p{L}*'] },
    { intent: 'refers-back', phrases: ['last time', 'as promised', 'as i promised', 'as agreed', 'we agreed', 'follow(?:ing)? up', 'you mentioned', 'since we (?:last )?(?:met|spoke)', 'since last time'] },
    { intent: 'explains', phrases: ['because', 'the reason', "that's why", 'which means', 'to be transparent', 'to be honest', 'honestly', 'to be open'] },
  ],
  sv: [
    { intent: 'greets', leading: true, phrases: ['hej', 'hallå', 'god morgon', 'goddag', 'tjena'] },
    { intent: 'empathises', phrases: ['jag förstår', 'förstår att', 'låter (?:jätte|väldigt |riktigt )?(?:jobbigt|stressigt|frustrerande|tufft)', 'tråkigt att höra', 'frustrerande', 'stressigt', 'jobbigt', 'jag hör vad du säger', 'jag kan tänka mig'] },
    { intent: 'asks-situation', question: true, phrases: ['vad hände', 'när (?:började|hände|slutade|upptäckte)', 'vad gör det', 'hur länge', 'hur ofta', 'sedan när', 'berätta', 'beskriva', 'vad exakt', 'vem drabbas', 'hur många', 'hur ser det ut', 'vad är det som'] },
    { intent: 'asks-need', question: true, phrases: ['vad behöver', 'viktigast', 'störst roll', 'vad skulle (?:hjälpa|göra att)', 'måste (?:absolut )?fungera', 'vad oroar', 'största (?:huvudvärken|oron|problemet)', 'uppnå', 'hoppas på', 'prioriter\\p{L}*', 'vad vill ni'] },
    { intent: 'asks-impact', question: true, phrases: ['kund\\p{L}*', 'klient\\p{L}*', 'patient\\p{L}*', 'gäst\\p{L}*', 'resenär\\p{L}*', 'slutkund\\p{L}*', 'påverka\\p{L}*', 'vad händer (?:med|om|när)', 'konsekvens\\p{L}*'] },
    { intent: 'asks-business', question: true, phrases: ['er verksamhet', 'din verksamhet', 'verksamheten', 'era mål', 'högsäsong', 'säsong\\p{L}*', 'kampanj\\p{L}*', 'lansering\\p{L}*', 'era planer', 'kvartal\\p{L}*', 'deadline', 'hur jobbar ni', 'hur arbetar ni', 'nästa år'] },
    { intent: 'summarises', phrases: ['om jag förstår', 'för att sammanfatta', 'sammanfattningsvis', 'så du menar', 'så det du behöver', 'så det viktigaste', 'med andra ord', 'bara för att bekräfta', 'jag hör att'] },
    { intent: 'proposes', phrases: ['jag föreslår', 'förslag', 'vi skulle kunna', 'vi kan', 'hur vore det om', 'tänk om vi', 'vad sägs om', 'jag rekommenderar', 'skulle det hjälpa om', 'en idé'] },
    { intent: 'raises-risk', phrases: ['risk\\p{L}*', 'jag har märkt', 'jag märkte', 'innan det', 'kan bli', 'förebygg\\p{L}*', 'händer igen', 'återkommande', 'i förväg'] },
    { intent: 'promises', phrases: ['jag lovar', 'jag ska', 'jag återkommer', 'jag ringer', 'jag fixar', 'jag ser till', 'senast', 'du har mitt ord', 'till (?:måndag|tisdag|onsdag|torsdag|fredag|i ?morgon|i kväll)'] },
    { intent: 'agrees', leading: true, phrases: ['ja', 'javisst', 'visst', 'okej', 'ok', 'absolut', 'självklart', 'inga problem', 'det fixar vi', 'kör', 'klart'] },
    { intent: 'refuses', phrases: ['kan inte', 'går inte', 'inte möjligt', 'ingår inte', 'utanför (?:avtalet|kontraktet|uppdraget)', 'har inte möjlighet', 'tyvärr inte', 'måste säga nej', 'kan vi inte'] },
    { intent: 'offers-alternative', phrases: ['i stället', 'istället', 'alternativ\\p{L}*', 'det vi kan göra', 'det jag kan göra', 'under tiden', 'tillfällig\\p{L}*', 'lånedator\\p{L}*', 'låna', 'så här kan vi'] },
    { intent: 'follows-process', phrases: ['ärende\\p{L}*', 'kön', 'köa', 'prioritet\\p{L}*', 'process\\p{L}*', 'rutin\\p{L}*', 'ändringsbegäran', 'avtal\\p{L}*', 'sla', 'godkänn\\p{L}*', 'eskaler\\p{L}*', 'test\\p{L}*', 'kvalitet\\p{L}*', 'checklist\\p{L}*'] },
    { intent: 'refers-back', phrases: ['förra gången', 'som jag lovade', 'som vi kom överens', 'följa upp', 'följer upp', 'uppföljning', 'du nämnde', 'sedan sist', 'sen sist'] },
    { intent: 'explains', phrases: ['eftersom', 'därför att', 'anledningen', 'det beror på', 'vilket betyder', 'för att vara ärlig', 'ärligt talat', 'öppen med'] },
  ],
};

const questionStart: Readonly<Record<Locale, RegExp>> = {
  en: /^(?:what|how|when|who|which|why|where|can you|could you|do you|does|is|are|would|tell me)(?![\p{L}])/iu,
  sv: /^(?:vad|hur|när|vem|vilk\p{L}*|varför|var|kan du|skulle du|har ni|har du|är|finns|berätta)(?![\p{L}])/iu,
};

interface CompiledRule {
  readonly intent: Intent;
  readonly question: boolean;
  readonly pattern: RegExp;
}

// Letters around a phrase must not be letters, so "ok" does not match "book" and "kö" not "köpa".
const compile = (rule: IntentRule): CompiledRule => ({
  intent: rule.intent,
  question: rule.question ?? false,
  pattern: new RegExp(`${rule.leading ? '^' : '(?<![\\p{L}])'}(?:${rule.phrases.join('|')})(?![\\p{L}])`, 'iu'),
});

const compiled: Readonly<Record<Locale, readonly CompiledRule[]>> = { en: rules.en.map(compile), sv: rules.sv.map(compile) };

/** The intents a message shows, in the order of the intent list; explainable because every rule is a phrase list. */
export function classify(text: string, locale: Locale): Intent[] {
  const normalised = text.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
  const isQuestion = normalised.includes('?') || questionStart[locale].test(normalised);
  const found = new Set<Intent>();
  for (const rule of compiled[locale]) {
    if (rule.question && !isQuestion) continue;
    if (rule.pattern.test(normalised)) found.add(rule.intent);
  }
  return intents.filter((intent) => found.has(intent));
}
