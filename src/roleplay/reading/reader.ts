import type { Locale } from '../../core/locale';
import { askingIntents, commitmentIntents, hedgeableIntents, intents, slotIntents, type Intent, type Move } from './intents';
import type { PhraseBooks } from './phrase-book';
import type { Matching } from './phrase-matcher';
import { compile, concreteWeight, countsSteps, plainWords, substance, type CompiledBook } from './reader-book';
import { contrastedNo, turnedOffer } from './reader-contrast';
import { withoutOverridden } from './reader-overrides';
import { checkedSummary } from './reader-summary';

/** Reads a learner's message into moves with the phrase lists from content; every move quotes the learner. */
export class MoveReader {
  private readonly books: Readonly<Record<Locale, CompiledBook>>;

  constructor(books: PhraseBooks, matching: Matching = 'quick') {
    this.books = { en: compile(books.en, books.sv, matching), sv: compile(books.sv, books.en, matching) };
  }

  read(text: string, locale: Locale): Move[] {
    const book = this.books[locale];
    const quoted = text.replace(/[’‘´`]/g, "'").replace(/[“”]/g, '"');
    // "cant", "isnt", "thats": the words staff type without their apostrophe read as the words they are.
    const spelled = book.spelling ? quoted.replace(book.spelling, (word) => book.book.spellings[word.toLowerCase()] ?? word) : quoted;
    const clean = book.spelledByContext.reduce((text, { pattern, as }) => text.replace(pattern, as), spelled);
    const clauses = clean.split(book.breaks).map((clause) => clause.trim()).filter(Boolean);
    const greeting = book.rules.find((rule) => rule.kind === 'greets');
    // A name in a greeting is not substance: "hi Peter, as we agreed last time" says nothing yet.
    const message = greeting ? clean.slice(leadingGreeting(clean, greeting.pattern)) : clean;
    const byClause = contrastedNo(book, clauses, clauses.map((clause, index) => this.readClause(book, clause, index === 0, message, clauses[index + 1] ?? '')));
    const read: Move[] = [...byClause.flat(), ...turnedOffer(book, clauses, byClause), ...checkedSummary(book, clauses, byClause)];
    // "You'll get an update within the SLA" promises only what the contract already says: it hides behind it, it offers nothing.
    const cover = book.rules.find((rule) => rule.kind === 'hides-behind-contract')?.pattern;
    const covered = (move: Move): boolean =>
      cover !== undefined && move.kind === 'promises' && move.what !== undefined && read.some((other) => other.kind === 'hides-behind-contract' && other.quote === move.quote) &&
      substance(book, move.what.replace(cover, ' ').replace(book.times, ' ')) < concreteWeight;
    const moves = read.filter((move) => !covered(move));
    // One move of a kind per message is enough; the concrete one wins.
    const best = new Map<Intent, Move>();
    for (const move of moves) {
      const seen = best.get(move.kind);
      // "Yeah we'll try to get through all of them before Monday" is a yes said with a hedge before it is a promise.
      const hedgedYes = seen?.kind === 'hedges' && move.hedging === 'agrees' && seen.hedging !== 'agrees' && move.what !== undefined && seen.quote === move.quote;
      // "What you get: top prio, I keep it myself. Folder access fixed by 9:30 so sellers can quote meanwhile": of two offers, the fuller one.
      const fuller = seen?.what !== undefined && move.what !== undefined && !move.vague && substance(book, move.what) > substance(book, seen.what);
      if (!seen || (seen.vague && !move.vague) || (!seen.what && move.what && !move.vague) || hedgedYes || fuller) best.set(move.kind, move);
    }
    // "Not in the contract, but what I can do is …" is being clear about a boundary, not hiding behind it.
    const refused = best.has('refuses');
    const promiseOffers = refused && !best.has('deflects');
    const offers = [...best.values()].some((move) => (move.kind === 'offers-alternative' || move.kind === 'proposes' || (promiseOffers && move.kind === 'promises')) && move.what);
    if (offers) for (const kind of ['hides-behind-contract', 'deflects'] as const) best.delete(kind);
    // "It's outside the contract, it has to go as a change request" hides behind the process; with an offer beside it, it keeps the process.
    const hidden = best.get('hides-behind-contract')?.quote;
    if (hidden !== undefined && byClause.flat().some((move) => move.kind === 'follows-process' && move.quote === hidden)) {
      const kept = moves.find((move) => move.kind === 'follows-process' && move.quote !== hidden);
      if (kept) best.set('follows-process', kept);
      else best.delete('follows-process');
    }
    const replying = book.reply.test(message);
    return intents.filter((kind) => best.has(kind)).map((kind) => best.get(kind) as Move).map((move) => (replying && commitmentIntents.includes(move.kind) ? { ...move, replying } : move));
  }

  /** A slot move for a whole message the rules did not read as one: concrete only with two words of substance, a promise also with a by-when. */
  concrete(kind: Intent, text: string, locale: Locale): Move | undefined {
    const book = this.books[locale];
    const when = book.time.exec(text)?.[0].replace(/[.:]+$/, '');
    if (substance(book, text.replace(book.times, ' ')) < 2 || (kind === 'promises' && !when)) return undefined;
    return { kind, quote: text, what: text.slice(0, 160), ...(kind === 'promises' && when ? { when } : {}) };
  }

  private readClause(book: CompiledBook, clause: string, first: boolean, message: string, next: string): Move[] {
    const turnedAround = book.contrast.test(next);
    const greeting = first ? book.rules.find((rule) => rule.kind === 'greets') : undefined;
    const greeted = greeting ? leadingGreeting(clause, greeting.pattern) : 0;
    const body = clause.slice(greeted).replace(/^[\s,!.:-]+/, '');
    const moves: Move[] = greeted > 0 ? [{ kind: 'greets', quote: clause.slice(0, greeted).trim() }] : [];
    const isQuestion = asks(book, body);
    const hedged = book.hedge.test(body);
    let framed = false;
    for (const { kind, rule, pattern, matcher, spelled } of book.rules) {
      if (kind === 'greets' || (rule.question && !isQuestion) || (rule.statement && isQuestion)) continue;
      // For an offer the trigger that leads into the most substance is the offer ("Instead, what I can do is …"),
      // not a trigger at its end ("… so your sellers can work in the meantime").
      const match = slotIntents.includes(kind) ? mostConcrete(book, body, matcher.all(body), pattern) : matcher.first(body);
      if (!match) continue;
      // "Which pc is it?", "var står datorn?": finding the thing to work on asks nothing about what happens.
      if (kind === 'asks-situation' && book.locating.test(body)) continue;
      // "Yes, but …" / "ja men …": a bare yes before a but agrees to nothing.
      if (kind === 'agrees' && turnedAround && !/\p{L}/u.test(body.slice(match.index + match[0].length))) continue;
      // "Yeah, we can't be the reason for that": a yes to the customer's point that says what the learner will not do says yes to no demand.
      if (kind === 'agrees' && ownNo.test(body.slice(match.index + match[0].length))) continue;
      // "Yeah so the 85k isn't part of the monthly fee": a yes that leads into an explanation is a way of starting to talk.
      if (kind === 'agrees' && discourseLead.test(body.slice(match.index + match[0].length))) continue;
      // "Yeah I get why Black Week looks scary now": a yes to the customer's worry, not to what they ask for; "ja, det var lite
      // strul där": a yes that goes on to tell what happened confirms it. Neither says yes to a demand. Said as a clause of its
      // own ("ja fett, det är en riktig pain point"), what the yes leads into is the next clause.
      const afterYes = body.slice(match.index + match[0].length);
      const leadsInto = (lead: RegExp): boolean => lead.test(afterYes) || (!/\p{L}+[^\p{L}]+\p{L}/u.test(afterYes) && lead.test(next));
      if (kind === 'agrees' && (leadsInto(feelingLead) || leadsInto(reportLead))) continue;
      // "Is there any other way they can send quotes for now?" asks the customer; an offer in a question is the learner's own ("could we …?").
      if (kind === 'offers-alternative' && body.includes('?') && !firstPersonIn[book.book.locale].test(body) && !suggesting.test(body)) continue;
      // "You'd have a queue at our desk instead of in the chat" compares; "instead of all 85, ten now" at the head of its clause offers.
      if (kind === 'offers-alternative' && comparing.test(body.slice(match.index)) && /\p{L}/u.test(body.slice(0, match.index).replace(leadOut, ''))) continue;
      const negated = rule.negated && (book.negation.test(body.slice(0, match.index)) || ((slotIntents.includes(kind) || kind === 'caves') && book.negationAfter.test(body.slice(match.index + match[0].length))));
      const found: Intent | 'none' = negated ? (rule.negated ?? 'none') : kind;
      if (found === 'none') continue;
      // "If we skip the test call, twenty people get hit" supposes a dropped step to warn about it; it drops nothing.
      // The supposition may open inside the phrase, or with the word after it: "om vi kör alla fjorton på måndag så strular det",
      // "kör vi alla på en gång blir det kaos". A promise or a yes inside one supposes it to warn; it promises nothing.
      const opened = body.slice(0, match.index + match[0].length) + (/^\s*[\p{L}']+/u.exec(body.slice(match.index + match[0].length))?.[0] ?? '');
      if ((found === 'drops-quality' || found === 'caves' || found === 'promises' || found === 'agrees') && warnsOnly(book, opened)) continue;
      // "A network put in overnight without testing is exactly what breaks on Tuesday": the dropped step is named as the trouble.
      if (found === 'drops-quality' && namedAsTrouble.test(body.slice(match.index + match[0].length)) && !firstPersonIn[book.book.locale].test(body.slice(0, match.index))) continue;
      // "As many as we can" keeps no quality step, and "we'll probably do the eight by Friday" promises nothing: both hedge.
      if (hedged && hedgeableIntents.includes(found)) {
        moves.push(this.hedging(book, found, body, match, message, pattern, next));
        continue;
      }
      // "All 85 this weekend, sure, we can do that": an offer of "that" is the customer's own demand, said yes to.
      if ((found === 'offers-alternative' || found === 'proposes') && pointsBack.test(body.slice(match.index + match[0].length)) && firstPersonIn[book.book.locale].test(body.slice(0, match.index + match[0].length))) {
        const agreeing = book.rules.find((item) => item.kind === 'agrees')?.rule.substance ?? concreteWeight;
        moves.push(substance(book, message.replace(pattern, ' ')) < agreeing ? { kind: 'agrees', quote: body, vague: true } : { kind: 'agrees', quote: body });
        continue;
      }
      if (slotIntents.includes(found)) {
        const slot = this.withSlot(book, found, body, match, message, pattern, next);
        if (slot) moves.push(slot);
      } else {
        // In a question a second topic word is content ("which customers are affected?"), and so is a word the trigger took in
        // that none of its phrases spells ("how do your store staff feel"); elsewhere every trigger is set aside.
        const source = rule.wholeMessage ? message : body;
        // A number the trigger took in is content however its phrases spell it: "what happens in two weeks?" names a time.
        const numbered = (word: string): boolean => /\d/u.test(word) || plainWords(word).some((part) => book.numbers.has(part));
        const taken = (trigger: string): string => (trigger.match(/[\p{L}\d]+/gu) ?? []).filter((word) => numbered(word) || !plainWords(word).every((part) => spelled.has(part))).join(' ');
        // A question over the whole message keeps what its triggers took in too: in "hur gick måndagen och tisdagens leveranser?" the days are asked about.
        const whole = rule.question ? source.replace(pattern, (trigger) => ` ${taken(trigger)} `) : source.replace(pattern, ' ');
        const around = rule.question && !rule.wholeMessage ? `${body.slice(0, match.index)} ${taken(match[0])} ${body.slice(match.index + match[0].length)}` : whole;
        // The words that ask ("tell me", "berätta") are not what is asked about.
        const asked = rule.question ? around.replace(book.questionWords, ' ') : around;
        moves.push(substance(book, asked) < rule.substance ? { kind: found, quote: body, vague: true } : { kind: found, quote: body });
        if (found === 'asks-situation' && !/\p{L}/u.test(match[0].replace(book.questionWords, ' '))) framed = true;
      }
    }
    // "We'll figure something out for those days": no offer named yet, but more than none; the customer asks what exactly.
    // Said with a hedge ("i'll sort something out sometime next week") it is a hedge, and earns nothing.
    if (book.seeksWay.test(body) && !book.hedge.test(body) && !moves.some((move) => move.kind === 'offers-alternative' || move.kind === 'proposes')) moves.push({ kind: 'offers-alternative', quote: body, vague: true });
    // "Berätta vad som är viktigast för er": a bare "tell me" frames the question it opens; around one in general words it asks nothing of its own.
    const framedQuestions = moves.filter((move) => move.kind !== 'asks-situation' && askingIntents.includes(move.kind));
    const framing = framed && framedQuestions.length > 0 && framedQuestions.every((move) => move.vague);
    return withoutOverridden(book, body, framing ? moves.filter((move) => move.kind !== 'asks-situation') : moves);
  }

  /** A hedge over a commitment, with the commitment's concrete part in the learner's words when it has one (hedge words aside). */
  private hedging(book: CompiledBook, kind: Intent, clause: string, match: RegExpExecArray, message: string, trigger: RegExp, next: string): Move {
    const hedge = { kind: 'hedges', quote: clause, hedging: kind } as const;
    const hedgeWords = new RegExp(book.hedge.source, 'giu');
    // A hedged promise needs no by-when to have content: what it softens is weighed as an offer is.
    const offered = slotIntents.includes(kind) ? this.withSlot(book, kind === 'promises' ? 'offers-alternative' : kind, clause, match, message, trigger, next)?.what : clause.replace(trigger, ' ');
    // The hedge's own words are no content, also where the trigger cut through it ("let's | see how Monday goes").
    const hedgeSaid = new Set((clause.match(hedgeWords) ?? []).flatMap((phrase) => phrase.toLowerCase().split(/\s+/u)));
    const what = offered?.replace(hedgeWords, ' ').split(/\s+/u).filter((word) => !hedgeSaid.has(word.toLowerCase())).join(' ').trim();
    // Half a commitment still says how much or by when ("for the 8 before Monday"), and something besides ("let's see how Monday goes").
    const measured = what !== undefined && (/\d/u.test(what) || book.time.test(what));
    const weight = what === undefined ? 0 : substance(book, what.replace(book.times, ' '));
    if (what && measured && weight >= concreteWeight) return { ...hedge, what: what.slice(0, 160) };
    // "Maybe we could explore some synergies going forward" softens nothing at all: buzzwords only.
    return weight === 0 ? { ...hedge, empty: true } : hedge;
  }

  /** An offer or promise counts only with something concrete after its trigger; a promise also needs a by-when. */
  private withSlot(book: CompiledBook, kind: Intent, clause: string, match: RegExpExecArray, message: string, trigger: RegExp, next: string): Move | undefined {
    const rest = clause.slice(match.index + match[0].length);
    // "Instead of all 85, ten now": what is offered is not the "of".
    const tail = (comparing.test(clause.slice(match.index)) ? rest.replace(/^\s*(?:of|för)(?![\p{L}])/iu, '') : rest).replace(/^[\s,:;-]+|[\s.!?,;]+$/g, '').replace(leadIn, '');
    // A trigger at the end points back at the offer: "we lend you a laptop in the meantime".
    const before = clause.slice(0, match.index).replace(/^[\s,:;-]+|[\s.!?,;]+$/g, '').replace(leadOut, '');
    // "Here's what I can do. Accounts for the eight by Monday": an offer that ends its sentence bare is said in the next one.
    const bare = /^\s*[.:!–—-]\s*$/u.test(clause.slice(match.index + match[0].length)) && substance(book, before.replace(trigger, ' ')) < concreteWeight;
    // "I can promise what we do, not what you sell. So: setup, a daily log, a report every Friday": the list after "so:" is what is offered.
    // "What works: two phases. Phase 1 this quarter: cabling, the core switch": a count of steps is said out in the next sentence.
    const listed = !bare && (listLead.test(next) || countsSteps(book, tail)) && substance(book, tail.replace(trigger, ' ')) < concreteWeight;
    // "Yep, we'll do that. All temp laptops get a test call by Friday noon": a promise of "that" says what in the next sentence.
    const pointing = kind === 'promises' && doesThat(rest) && substance(book, next.replace(book.times, ' ')) >= concreteWeight;
    const ahead = (kind !== 'promises' && (bare || listed)) || pointing;
    const after = ahead ? next.replace(listLead, '').replace(/[\s.!?,;]+$/g, '') : tail;
    // Only a trigger with nothing after it points back; "we take it proactively forward" has filler after it, not an offer before it.
    // A promise has two parts, what and by when, each in its own words: "I'll follow up by 10:45" says when, not what;
    // "the loan laptop will be on your desk by 10:45" says what before its trigger.
    const weigh = (text: string): number => substance(book, kind === 'promises' ? text.replace(trigger, ' ').replace(book.times, ' ') : text.replace(trigger, ' '));
    // "… I can offer an alternative" names the move at its end; only an adverb ("in the meantime") points back.
    const named = namingArticle.test(clause.slice(0, match.index));
    // "… instead, crazy week": a trigger closed by a comma ends its phrase; what follows the comma is something else.
    const closed = kind !== 'promises' && !ahead && !clause.includes('?') && /^\s*,/u.test(clause.slice(match.index + match[0].length)) && weigh(before) >= concreteWeight;
    // "Accounts for the 8 I can sort today": what comes before the trigger, the by-when after it.
    const onlyWhen = kind !== 'promises' && /\p{L}/u.test(after) && !/\p{L}/u.test(after.replace(book.times, ' ')) && weigh(before) >= concreteWeight;
    const triggerPointsBack = ((kind === 'promises' ? weigh(after) === 0 : !/\p{L}/u.test(after)) || closed) && !named;
    const what = onlyWhen ? `${before} ${after}` : triggerPointsBack ? before : after;
    // "Sorry it landed on Thursday instead": a trigger pointing back at something that happened reports it; nothing is offered.
    // "Folder access fixed by 9:30 … meanwhile" is past in form only: a by-when puts it ahead.
    if (kind === 'offers-alternative' && what === before && what !== after && book.past.test(before) && !deadline.test(before)) return undefined;
    // Concrete means at least two words of substance ("a loan laptop"), or a number ("30 minutes"), and for a promise one
    // word besides its by-when ("call you back at 11"); naming the move again ("… is a workaround") is not its content.
    const weight = weigh(what);
    const when = book.time.exec(message)?.[0].replace(/[.:]+$/, '');
    // Nothing at all ("an alternative") is empty; a hint of something ("some kind of review") is a half-offer.
    if (weight < (kind === 'promises' ? 1 : concreteWeight) || (kind === 'promises' && !when)) return { kind, quote: clause, vague: true, ...(weight === 0 ? { empty: true } : {}) };
    return { kind, quote: clause, what: what.slice(0, 160), ...(kind === 'promises' && when ? { when } : {}) };
  }
}

/** Of an offer's triggers, the one followed by the most substance; the later one when equal. */
function mostConcrete(book: CompiledBook, body: string, matches: readonly RegExpExecArray[], trigger: RegExp): RegExpExecArray | undefined {
  let best: { match: RegExpExecArray; weight: number } | undefined;
  for (const match of matches) {
    const weight = substance(book, body.slice(match.index + match[0].length).replace(trigger, ' '));
    if (!best || weight >= best.weight) best = { match, weight };
  }
  return best?.match;
}

// What a dropped step is said to be, right after it: "… without testing is exactly what breaks", "… utan test är precis det som strular".
const namedAsTrouble = /^[^,.;:!?]{0,30}?(?<![\p{L}])(?:is|are|was|would be|är|vore|blir)\s+(?:exactly\s+|precis\s+|just\s+|really\s+|typically\s+)?(?:what|the thing that|asking for|a risk|risky|a recipe|det som|en risk|riskabelt|det enda som)(?![\p{L}])/iu;

// An offer's object that is only a word pointing back: "we can do that", "vi kan göra det".
const pointsBack = /^\s*(?:that|it|this|them|det|den|dem|dom)(?:\s+(?:for you|åt dig|åt er))?[\s.!,]*$/iu;

// A by-when that puts a sentence ahead of now, whatever its verb's form: "fixed by 9:30", "klart senast fredag".
const deadline = /(?<![\p{L}])(?:by|before|within|senast|innan|före)\s+(?:\d|[\p{L}]+day|tomorrow|tonight|noon|lunch|måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag|imorgon|i morgon|ikväll|i kväll)/iu;

// A promise whose object only points back, with its verb: "we'll do that", "vi gör det", "i'll sort it".
const doesThat = (text: string): boolean => pointsBack.test(text.replace(/^\s*(?:do|fix|sort|handle|make|gör|göra|fixar|fixa|ordnar|ordna|löser|lösa)\s+/iu, ''));

// "Instead of" / "i stället för": a comparison inside a sentence.
const comparing = /^(?:instead|i stället|istället)\s+(?:of|för)(?![\p{L}])/iu;

// A clause that opens with a colon announces a list: "so: …", "concretely: …", "alltså: …".
const listLead = /^\s*(?:so|that is|concretely|in practice|here|alltså|så|konkret|i praktiken)\s*:\s*/iu;

// Words after a yes that make it a way of starting to talk, not an answer: "yeah so …", "ja alltså …".
const discourseLead = /^[\s,]*(?:so|well|anyway|basically|i mean|alltså|asså|liksom|typ)(?![\p{L}])/iu;

// Words after a yes that say the learner understands the customer: "yeah i get why …", "ja, jag förstår att …", or that
// the trouble is real: "ya, that's a real pain point", "ja fett, det är en riktig pain point".
const feelingLead = /^[\s,!.]*(?:(?:\p{L}+\s*[,!.]\s*)?(?:i|jag)\s+(?:\p{L}+ly\s+|verkligen\s+|kan\s+)?(?:get|understand|see|can see|hear you|förstår|fattar|ser|hör)\s+(?:why|how|that|varför|hur|att)|(?:\p{L}+\s*[,!.]\s*)?(?:that's|thats|that is|it's|its|det är|det e|de e)\s+(?:an?\s+|en\s+|ett\s+)?(?:real\s+|huge\s+|riktig\s+|verklig\s+|total\s+|jätte)?(?:pain|problem|nightmare|mardröm|kaos|chaos))(?![\p{L}])/iu;

// Words after a yes that tell what happened: "yes, there was a bit of trouble there", "ja, det var lite strul där".
const reportLead = /^[\s,!.]*(?:\p{L}+\s*[,!.]\s*)?(?:it was|that was|there was|there were|it went|det var|det blev|det gick|de var|dom var)(?![\p{L}])/iu;

// The learner saying what they cannot or will not do.
const ownNo = /(?<![\p{L}'])(?:(?:i|we)\s+(?:can't|cannot|can not|won't|will not|couldn't)|(?:jag|vi)\s+(?:kan|ska|kommer|tänker)\s+(?:inte|aldrig)|(?:kan|ska|kommer)\s+(?:jag|vi)\s+(?:inte|aldrig))(?![\p{L}])/iu;
// "What about two return stations instead?", "hur vore det med …?": a suggestion in a question's shape.
const suggesting = /(?<![\p{L}])(?:what about|how about|what if|hur vore det|vad sägs om|tänk om)(?![\p{L}])/iu;
// The learner as speaker; "i" is a preposition in Swedish.
const firstPersonIn: Readonly<Record<Locale, RegExp>> = {
  en: /(?<![\p{L}'])(?:i|we|us|me|i'll|we'll|i'd|we'd|let's)(?![\p{L}])/iu,
  sv: /(?<![\p{L}'])(?:jag|vi|oss|mig)(?![\p{L}])/iu,
};


// An article or determiner just before a trigger makes it a noun naming the move ("an alternative", "ett alternativ").
const namingArticle = /(?:^|[\s,])(?:an?|the|my|our|some|another|one|this|that|en|ett|nåt|något|annat|ett annat|min|mitt|vår|vårt)\s*$/iu;

// Words between a trigger and the offer itself ("what I can do instead is …") are not part of what is offered.
const leadOut = /^(?:(?:and|but|so|och|men|så)(?![\p{L}])[\s,:]*)+/iu;
const leadIn = /^(?:(?:instead|is|to|that|then|be|i stället|istället|är|att|det|så)(?![\p{L}])[\s,:]*)+/iu;

/**
 * Whether a clause asks: a question mark, or a question word first, also after a lead-in closed by a comma ("before we go
 * through the plan, tell me …"). A guess put forward ("maybe the agents uninstalled something?") asks nothing of the customer.
 */
function asks(book: CompiledBook, body: string): boolean {
  const guess = book.guess.exec(body);
  if (guess && !book.questionWord.test(body.slice(guess[0].length))) return false;
  if (body.includes('?')) return true;
  const opens = (text: string): boolean => book.question.test(text) && !book.statementStart.test(text);
  const leadIn = body.indexOf(',');
  const after = body.slice(leadIn + 1);
  const asksWith = (text: string): boolean => opens(text) && midLineQuestion.test(text);
  return opens(body) || (leadIn >= 0 && opens(after) && !book.relative.test(after)) || unpunctuatedQuestion(body, asksWith);
}

// A question word that starts a question mid-line; "when" and "where" only with the verb right after ("when did it start"):
// otherwise they start a clause of time or place ("… a bottleneck when the new tills arrive").
const midLineQuestion = /^(?:(?:what|what's|whats|how|who|who's|which|why|vad|hur|vem|vilk\p{L}*|varför)(?![\p{L}'])|(?:when|where|när|var) (?:did|does|do|has|have|had|was|is|are|will|började|hände|slutade|märkte|fryser|händer)(?![\p{L}]))/iu;

// Words after which a question word starts a clause of the sentence, not a question: "i know what happened", "vet vad som hände".
const embedding = new Set(['know', 'see', 'saw', 'tell', 'told', 'show', 'say', 'said', 'ask', 'asked', 'wonder', 'understand', 'check', 'guess', 'think', 'to', 'about', 'on', 'of', 'is', 'was', 'that', 'exactly', 'me', 'you', 'us', 'them', 'sure', 'idea', 'clue', 'remember', 'unsure', 'noticed', 'found', 'out', 'säker', 'aning', 'minns', 'vet', 'ser', 'säga', 'sa', 'fråga', 'frågade', 'förstår', 'kolla', 'kollar', 'om', 'på', 'att', 'är', 'var', 'till', 'mig', 'dig', 'oss', 'exakt']);

/**
 * "hi no worries im here what exactly happens when you check someone in": typed with no punctuation, a question can start
 * mid-line, with a question word; a verb first there is Swedish word order ("kör vi det på två nätter är det …"), no question.
 */
function unpunctuatedQuestion(body: string, asksFrom: (text: string) => boolean): boolean {
  if (/[.,!?;:]/u.test(body)) return false;
  const words = body.trim().split(/\s+/u);
  if (words.length < 8) return false;
  return words.some((_, index) => index >= 2 && !embedding.has((words[index - 1] ?? '').toLowerCase()) && asksFrom(words.slice(index).join(' ')));
}

// A commitment of the learner's own before a condition: "I can get it down to 65 if we skip the testing" trades the step away.
const offeringModal = /(?<![\p{L}'])(?:(?:i|we|jag|vi)\s+(?:can|could|will|kan|ska|kommer)|i'll|we'll|(?:kan|ska|kommer)\s+(?:jag|vi))(?![\p{L}])/iu;

/** A supposition that only warns ("if we skip the test call, twenty people get hit"), not one a commitment is traded on. */
function warnsOnly(book: CompiledBook, before: string): boolean {
  const supposed = book.hypothetical.exec(before);
  if (!supposed) return false;
  const segment = before.slice(0, supposed.index).split(/[,;:.!?]/u).at(-1) ?? '';
  return !offeringModal.test(segment);
}

/** How many characters of a clause are a greeting ("Hi Eva," / "hej!"), so the rest is read on its own. */
function leadingGreeting(clause: string, pattern: RegExp): number {
  pattern.lastIndex = 0;
  const match = pattern.exec(clause);
  if (!match || match.index !== 0) return 0;
  const rest = clause.slice(match[0].length);
  const named = /^\s+\p{L}+(?:\s+\p{L}+)?\s*[,!.:-]+\s*/u.exec(rest) ?? /^\s+\p{Lu}\p{Ll}+\s*/u.exec(rest) ?? /^[\s,!.:-]*/u.exec(rest);
  return match[0].length + (named?.[0].length ?? 0);
}
