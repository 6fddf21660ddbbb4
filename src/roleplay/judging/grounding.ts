import { BoundedMemo } from '../../core/bounded-memo';
import type { Locale } from '../../core/locale';
import { commonStems } from '../language/common-words';
import type { GroundingBook, GroundingBooks } from './grounding-book';
import { askingIntents, commitmentIntents, slotIntents, type Intent, type Move } from '../reading/intents';
import type { MeetingState } from '../meeting-state';
import type { PhraseBooks } from '../reading/phrase-book';
import { concreteWeight, isNoise, noiseOf, tellingPatterns, weightOf, withoutFiller, wordsOf, type Noise, type TellingPatterns } from '../reading/reader-book';
import { sharesStem, stemmers } from '../language/shared-stem';
import type { Meeting, Storyline } from '../storyline';

/** Moves that mean something only about this customer: asked, felt with, warned of, kept to the process, done as agreed. */
const groundedIntents: readonly Intent[] = ['asks-situation', 'asks-need', 'asks-impact', 'asks-business', 'empathises', 'raises-risk', 'follows-process', 'commitment-kept', 'commitment-partly', 'explains'];

/** Moves that say back what was said, here or last time: only the meeting's own words can ground them, never words of the learner's own. */
const sharedIntents: readonly Intent[] = ['refers-back', 'summarises'];

/** Moves that put the answer on someone or something else: the contract, the vendor, the customer. */
const coverIntents: readonly Intent[] = ['hides-behind-contract', 'deflects', 'blames'];

/** Where a move was made: the meeting's own content and what the customer said just before. */
export interface GroundingScene {
  readonly storyline: Storyline;
  readonly meeting: Meeting;
  readonly locale: Locale;
  /** The meeting so far, before the learner's message. */
  readonly state: MeetingState;
  /** The learner's whole message: a question may lean on the sentence before it ("Tre regioner … är det summan som är problemet?"). */
  readonly text: string;
  /** The storyline's earlier meetings as this learner played them; without them nothing said in them is known to have been heard. */
  readonly earlier?: readonly EarlierMeeting[];
}

/** An earlier meeting of the storyline as the learner played it: what its customer said, revealed and demanded. */
export interface EarlierMeeting {
  readonly meetingNumber: number;
  readonly state: MeetingState;
}

/** What the learner can know: the facts the brief tells, and what the customer has said so far. */
interface Known {
  readonly told: ReadonlySet<string>;
  readonly heard: ReadonlySet<string>;
}

/** A word list of whole words and stems ("priorit*"). */
class WordList {
  private readonly exact: ReadonlySet<string>;
  private readonly stems: readonly string[];

  constructor(entries: readonly string[]) {
    const words = entries.flatMap((entry) => (entry.endsWith('*') ? [`${plain(entry.slice(0, -1))}*`] : tokens(entry)));
    this.exact = new Set(words.filter((word) => !word.endsWith('*')));
    this.stems = words.filter((word) => word.endsWith('*')).map((word) => word.slice(0, -1));
  }

  has(word: string): boolean {
    return this.exact.has(word) || this.stems.some((stem) => word.startsWith(stem));
  }
}

interface LocaleWords {
  /** The reader's stop words and buzzwords: words of the learner's own count only if the reader would weigh them too. */
  readonly noise: Noise;
  readonly generic: WordList;
  /** The reader's buzzwords alone, both languages' ("mindset", "helhetsgrepp"). */
  readonly buzzwords: WordList;
  readonly never: WordList;
  readonly feelings: WordList;
  readonly people: WordList;
  readonly numbers: WordList;
  readonly dates: WordList;
  /** Words and phrases for a place overrun, as one pattern of whole words. */
  readonly scene: RegExp;
  /** A clause that ends by saying only that something matters: "your sellers and their quotes matter so much to us". */
  readonly slogan: RegExp;
  readonly horizon: RegExp;
}

// Staff often type without marks ("bestallning"): words are compared without them.
const plain = (text: string): string => text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
const tokens = (text: string): string[] => plain(text).match(/[\p{L}\d]+/gu) ?? [];
const maxKeptTexts = 4096;
const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wholeWords = (entries: readonly string[]): RegExp =>
  new RegExp(`(?<![\\p{L}\\d])(?:${entries.length > 0 ? entries.map((entry) => escaped(plain(entry))).join('|') : '(?!)'})(?![\\p{L}\\d])`, 'u');

/**
 * Decides whether a move the reader found has substance. A question, empathy, a risk, a process step or a "done as agreed"
 * that names a topic in generic words ("your business going forward") and nothing of this meeting (its people, systems,
 * numbers, the customer's last words) is a guess; an offer or promise made only of generic words is empty. Either earns nothing.
 */
export class Grounding {
  private readonly words: Readonly<Record<Locale, LocaleWords>>;
  private readonly telling: Readonly<Record<Locale, TellingPatterns>>;
  private readonly common: Readonly<Record<Locale, ReadonlyMap<string, ReadonlySet<string>>>>;
  private readonly shared: Readonly<Record<Locale, ReadonlyMap<string, ReadonlySet<string>>>>;
  private readonly briefs = new Map<string, ReadonlySet<string>>();
  private readonly worlds = new Map<string, ReadonlySet<string>>();
  private readonly textStems = new BoundedMemo<readonly string[]>(maxKeptTexts);

  constructor(books: GroundingBooks, phrases: PhraseBooks, storylines: readonly Storyline[]) {
    // Not the reader's buzzwords: "patients", "price", "plan" are filler in an offer and the very words of a meeting here.
    // Each language's own stop words only: "still" is a stop word in English, and in "det står still" it is the point.
    const of = (book: GroundingBook, other: Locale): LocaleWords => ({
      noise: noiseOf(phrases[book.locale], phrases[other]),
      generic: new WordList(book.generic),
      buzzwords: new WordList([...phrases[book.locale].buzzwords, ...phrases[other].buzzwords]),
      never: new WordList([...phrases[book.locale].stopwords, ...book.generic, ...book.plain]),
      feelings: new WordList(book.feelings),
      people: new WordList(book.people),
      numbers: new WordList(book.numbers),
      dates: new WordList(book.dates),
      scene: wholeWords(book.scene),
      horizon: new RegExp(`(?<![\\p{L}])(?:${book.horizons.length > 0 ? book.horizons.join('|') : '(?!)'})(?![\\p{L}])`, 'iu'),
      slogan: new RegExp(`(?<![\\p{L}])(?:${book.slogans.length > 0 ? book.slogans.join('|') : '(?!)'})(?:\\s+(?:${book.sloganTails.length > 0 ? book.sloganTails.join('|') : '(?!)'}))?[\\s!.]*$`, 'iu'),
    });
    this.words = { en: of(books.en, 'sv'), sv: of(books.sv, 'en') };
    this.telling = { en: tellingPatterns(phrases.en), sv: tellingPatterns(phrases.sv) };
    // The storylines repeat their words: each is stemmed once.
    const stemsIn = (locale: Locale) => {
      const stems = new Map<string, string>();
      const stemOf = (word: string): string => stems.get(word) ?? stems.set(word, stemmers[locale](word)).get(word) ?? word;
      return (text: string): string[] => tokens(text).map(stemOf);
    };
    const en = stemsIn('en');
    const sv = stemsIn('sv');
    this.common = { en: commonStems(storylines, 'en', en), sv: commonStems(storylines, 'sv', sv) };
    this.shared = { en: commonStems(storylines, 'en', en, 2), sv: commonStems(storylines, 'sv', sv, 2) };
  }

  ground(moves: readonly Move[], scene: GroundingScene): Move[] {
    // "Hi Maria," says nothing yet: the greeting and the customer's own name are no content.
    const greeting = moves.find((move) => move.kind === 'greets')?.quote ?? '';
    const message = scene.text.startsWith(greeting) ? scene.text.slice(greeting.length) : scene.text;
    const name = new Set(tokens(scene.storyline.customer.name));
    // "The contract doesn't cover new builds", "it's the vendor's fault": a sentence that hides behind the contract or points
    // elsewhere says back what the brief says; only a reason of the learner's own in it ("it needs cabling and a firewall") explains.
    const cover = new Set(moves.filter((move) => coverIntents.includes(move.kind)).map((move) => move.quote));
    const grounded = moves.map((move) => this.groundOne(move, scene, message, name, move.kind === 'explains' && cover.has(move.quote)));
    // "What we can do is raise the change request right away": the process step is kept, but it is no alternative to the demand.
    const steps = new Set(grounded.filter((move) => move.kind === 'follows-process' && !move.vague).map((move) => move.quote));
    // "The contract doesn't cover new builds", "it's the vendor's fault": the sentence that hides behind the contract or points
    // elsewhere gives no reason of its own, however concrete its words.
    const told = this.toldHowItWent(grounded, scene, message);
    return [
      ...grounded.map((move) => (move.kind === 'offers-alternative' && !move.vague && steps.has(move.quote) ? { kind: move.kind, quote: move.quote, vague: true } : move)),
      ...(told ? [told] : []),
    ];
  }

  /**
   * "All 20 temp laptops got a real test call on Friday" tells how last time's promise went without a word of "done": the
   * message names the promise (two words of its own, not of this meeting) and tells it in the past. Told with a negation of
   * the past ("the list never went out") it was not kept; anything in between the reader's own phrases must say.
   */
  private toldHowItWent(moves: readonly Move[], scene: GroundingScene, message: string): Move | undefined {
    const check = scene.state.commitmentCheck;
    if (!check || check.answer || moves.some((move) => commitmentIntents.includes(move.kind))) return undefined;
    const { past, pastNegated, reply } = this.telling[scene.locale];
    if (!past.test(message) && !pastNegated.test(message)) return undefined;
    // Only what is the promise's own: "the 85k" or "nätet" are this meeting's words too, and name no promise.
    const { told } = this.known(scene);
    const promised = new Set([...this.stemsOf([check.commitment.text], scene.locale)].filter((stem) => !told.has(stem)));
    const named = new Set(this.said(message, scene.locale).filter((word) => sharesStem(promised, stemmers[scene.locale](word), scene.locale, () => true)));
    if (named.size < 2) return undefined;
    const quote = message.replace(/^[\s,!.:-]+/, '').trim();
    return { kind: pastNegated.test(message) ? 'commitment-not' : 'commitment-kept', quote, ...(reply.test(message) ? { replying: true } : {}) };
  }

  private groundOne(move: Move, scene: GroundingScene, message: string, name: ReadonlySet<string>, covering = false): Move {
    // "Oj, mycket folk här, förstår att det är stressigt" names the full waiting room she stands in, in words of no substance elsewhere.
    if (move.kind === 'empathises' && !move.generic && this.namesTheScene(message, scene)) return { kind: move.kind, quote: move.quote };
    const words = this.words[scene.locale];
    // "Hur ser januari ut för er?": a question about a time ahead they plan for asks about this customer, however short.
    const ahead = askingIntents.includes(move.kind) && [move.quote, ...(message.match(/[^.!?]*\?/gu) ?? [])].some((question) => words.horizon.test(question));
    if (ahead) return { kind: move.kind, quote: move.quote };
    if (move.vague) return move;
    if (slotIntents.includes(move.kind)) {
      // "Vi kan erbjuda ett annat upplägg": the reader found words, but every one of them is generic.
      // An offer or a proposal must also be of this world; a promise is pinned down by its by-when, and its what is often
      // the last step only ("… and I'll text you when the last one passes").
      // "I'll sort it for the receptionists by Friday" names who it is for and by when, not what: a word of substance besides
      // people and days must say it.
      const what = this.said(move.what ?? '', scene.locale);
      const says = what.some((word) => !words.people.has(word) && !words.dates.has(word) && !isNoise(words.noise, word));
      if (says && (move.kind === 'promises' || this.offersSomething(what, scene))) return move;
      return { kind: move.kind, quote: move.quote, vague: true, empty: true };
    }
    const shared = sharedIntents.includes(move.kind);
    if (!groundedIntents.includes(move.kind) && !shared) return move;
    // An open question with no topic word ("when did it start?") is left to the reader.
    // Empathy and a reason need no topic word to be generic: "klart det är jobbigt när det strular" fits every customer.
    if (!shared && askingIntents.includes(move.kind) && !tokens(move.quote).some((word) => words.generic.has(word))) return move;
    const known = this.known(scene);
    const content = this.said(message, scene.locale).filter((word) => !name.has(word));
    const guess: Move = { ...move, vague: true, generic: true };
    // "As we discussed last time, this builds on our conversation" names no thing of last time.
    if (move.kind === 'refers-back') return this.recalledWeight(scene, content, this.said(move.quote, scene.locale)) >= concreteWeight ? move : guess;
    // "Yes, the laptop was ready" names the commitment asked about, however common its words; "as we said, we're your partner"
    // names none of it, whatever else she has said.
    if (commitmentIntents.includes(move.kind)) {
      const promised = this.stemsOf([scene.state.commitmentCheck?.commitment.text ?? ''], scene.locale);
      // "Glad to hear the hearing went well" says her opening back ("The hearing went well, thank you"): it tells nothing of the promise.
      const opening = this.stemsOf([scene.meeting[scene.locale].opening], scene.locale);
      const own = content.filter((word) => !this.within(opening, word, scene.locale));
      return this.weightIn(promised, own, scene) >= concreteWeight ? move : guess;
    }
    const ofMeeting = !covering && this.weightIn(known.heard, content, scene, known.told) >= concreteWeight;
    // A summary is its own sentence: the words around it ("that's totally valid, we'll take it into account") summarise nothing.
    // A day said back counts only if it was said: "before Thursday" in a promise sums nothing up.
    const numbered = (word: string): boolean => this.numbered(word, scene.locale);
    const summed = this.said(move.quote, scene.locale).filter((word) => !name.has(word) && (numbered(word) || this.within(known.told, word, scene.locale) || this.within(known.heard, word, scene.locale)));
    // Saying back is saying back the customer: the brief alone ("so 2 stores, 4 weeks") is the learner's own proposal recited.
    const saidBack = summed.some((word) => !numbered(word) && this.within(known.heard, word, scene.locale));
    // "Om jag förstått rätt vill de själva ha sista ordet", right after she told of the staff: what she has just told, summed up
    // in words of the learner's own, is a summary too; words of substance only, not who it is about or that it matters.
    const justTold = move.kind === 'summarises' && scene.state.revealed.some((item) => item.atTurn === scene.state.learnerTurns);
    const ownWords = justTold ? this.said(move.quote, scene.locale).filter((word) => !name.has(word) && !isNoise(words.noise, word) && !words.people.has(word) && !words.buzzwords.has(word)) : [];
    if (shared) return ((weightOf(summed) >= concreteWeight && saidBack) || weightOf(ownWords) >= concreteWeight) && !this.parrots(move.quote, scene) ? move : guess;
    // Concrete words of the learner's own are substance too ("the amount itself, or the timing?"), by the bar of an offer.
    // A feeling is what empathy names anyway: "it's tough when things act up" says nothing of this customer.
    // Words of the learner's own must be substance to the reader too: "quality", "support", "together" are not; and of what this
    // storyline is about: "bottlenecks and downtime", "robustness and scalability" fit every meeting.
    const topical = this.storylineWords(scene);
    // A sentence that hides behind the contract says the brief back: only a reason she adds to it explains.
    const added = (word: string): boolean => !covering || !(this.within(known.told, word, scene.locale) || this.within(known.heard, word, scene.locale));
    const mine = content.filter((word) => !isNoise(words.noise, word) && !(move.kind === 'empathises' && words.feelings.has(word)) && (/\d/.test(word) || this.within(topical, word, scene.locale)) && added(word));
    // A question or a show of feeling names one thing, and one word of this storyline names it ("växer ni?", "lunchen är väl
    // värst"); a reason, a risk, a process step or a "done" claims something, and says it in two.
    const bar = askingIntents.includes(move.kind) || move.kind === 'empathises' ? 1 : concreteWeight;
    return ofMeeting || weightOf(mine) >= bar || this.namesTheStep(move, content, scene) ? move : guess;
  }

  /**
   * "Jag loggar allt i ärendet, vad jag gjort och när det frös": a process step that names what this meeting judges the
   * routine by (the ticket, the change request, the test call, in its rubric's own words) keeps that routine, however many
   * storylines share the word; among buzzwords it does not.
   */
  private namesTheStep(move: Move, content: readonly string[], { meeting, locale }: GroundingScene): boolean {
    if (move.kind !== 'follows-process') return false;
    const lines = meeting.rubric.filter((check) => 'did' in check.rule && check.rule.did === 'follows-process').flatMap((check) => [check[locale].check, check[locale].better]);
    const step = this.stemsOf(lines, locale);
    // "Our quality process and our testing mindset, as always": the step named with nothing but buzzwords beside it is a slogan.
    const { generic, buzzwords } = this.words[locale];
    const named = content.filter((word) => !generic.has(word) && !buzzwords.has(word));
    return named.length >= 2 && named.some((word) => this.within(step, word, locale));
  }

  /** Whether the message names the overrun place the brief tells of ("busy in here" where the waiting room is full). */
  private namesTheScene(message: string, { meeting, locale }: GroundingScene): boolean {
    const { scene } = this.words[locale];
    return scene.test(plain(message)) && scene.test(plain(`${meeting[locale].title} ${meeting[locale].situation}`));
  }

  /**
   * Whether an offer or a proposal names something of this world: a number, a fact the learner knows, or a word of what the
   * storyline is about. "A tailor-made solution", "en skräddarsydd lösning" are words, but of no meeting in particular.
   */
  private offersSomething(what: readonly string[], scene: GroundingScene): boolean {
    const known = this.known(scene);
    const topical = this.storylineWords(scene);
    // What she said counts as elsewhere: a word most storylines use ("sätter", "passar") only with another.
    const heard = this.weightIn(known.heard, what, scene) >= concreteWeight;
    return heard || what.some((word) => this.counted(word, scene.locale) || this.within(known.told, word, scene.locale) || this.within(topical, word, scene.locale));
  }

  /**
   * What the storyline is about, in its author's words: the customer's business and their customers' need, every meeting's
   * situation, hidden needs, good handling of demands and rubric. Not the customer's scripted lines: they are how she talks, not
   * what is at stake. A learner may bring a fact of this world she has not named ("the cabling and the firewall"), not any word.
   */
  private storylineWords({ storyline, locale }: GroundingScene): ReadonlySet<string> {
    const id = `${storyline.id}/${locale}`;
    const cached = this.worlds.get(id);
    if (cached) return cached;
    const texts = [
      storyline.customer[locale].business, storyline.customer[locale].customersNeed,
      ...storyline.meetings.flatMap((meeting) => [
        meeting[locale].situation,
        ...meeting.needs.map((need) => need[locale].need),
        ...meeting.demands.map((demand) => demand[locale].goodHandling),
        ...meeting.rubric.flatMap((check) => [check[locale].check, check[locale].better]),
      ]),
    ];
    // Words most storylines use ("timing", "igenom", "ordentligt") are no more this storyline's than any other's.
    const common = this.commonIn(storyline, locale);
    const stems = new Set([...this.stemsOf(texts, locale)].filter((stem) => !common.has(stem)));
    this.worlds.set(id, stems);
    return stems;
  }

  private commonIn(storyline: Storyline, locale: Locale): ReadonlySet<string> {
    return this.common[locale].get(storyline.id) ?? new Set();
  }

  /** A number, or a day: concrete on its own ("just the two?", "what has to work by Monday?"). */
  private counted(word: string, locale: Locale): boolean {
    return this.numbered(word, locale) || this.words[locale].dates.has(word);
  }

  private numbered(word: string, locale: Locale): boolean {
    return /\d/.test(word) || this.words[locale].numbers.has(word);
  }

  /**
   * How much a message's words say of what the learner knows: a number, a fact of the brief ("Monday", "laptops"), or a word
   * she has said that few storylines use ("quoting", "väntrummet") is enough on its own; a word she has said that most of them
   * use ("first", "igen") counts only with another.
   */
  private weightIn(stems: ReadonlySet<string>, words: readonly string[], { storyline, locale }: GroundingScene, told: ReadonlySet<string> = new Set()): number {
    const widespread = this.commonIn(storyline, locale);
    // The brief is in front of the learner: its word counts on its own only if no other storyline uses it as much ("the reason is
    // simple", "det ligger på oss" repeat a brief's ordinary words, not its facts).
    const sharedByAnother = this.shared[locale].get(storyline.id) ?? new Set<string>();
    const rare = (known: string): boolean => !widespread.has(known);
    const rareTold = (known: string): boolean => rare(known) && !sharedByAnother.has(known);
    const weight = (word: string): number => {
      if (this.counted(word, locale)) return concreteWeight;
      const stem = stemmers[locale](word);
      // One pass over what she was told and what she heard: a rare word in common settles it, a common one is remembered.
      let common = false;
      const settlesBy = (isRare: (known: string) => boolean) => (known: string): boolean => {
        if (isRare(known)) return true;
        common = true;
        return false;
      };
      const rareShared = sharesStem(told, stem, locale, settlesBy(rareTold)) || sharesStem(stems, stem, locale, settlesBy(rare));
      return rareShared ? concreteWeight : common ? 1 : 0;
    };
    return words.reduce((sum, word) => sum + weight(word), 0);
  }

  /**
   * The words of the learner's text that could make it concrete, leaving out every clause that only says something matters:
   * "the reception and the patients are super important" names the patients, and says nothing of them. A clause with a number
   * in it says something ("the hearing at 14:00 is what matters").
   */
  private said(text: string, locale: Locale): string[] {
    const { slogan } = this.words[locale];
    const kept = text.split(/(?<=[,.;:!?])\s+|\s+(?=(?:but|men)\s)/u).filter((clause) => /\d/u.test(clause) || !slogan.test(clause));
    return this.content(kept.join(' '), locale);
  }

  /** The words of a text, as the reader splits them, that could make it concrete: neither stop words, generic nor plain. */
  private content(text: string, locale: Locale): string[] {
    const { never, feelings, numbers, noise } = this.words[locale];
    return [...new Set(wordsOf(withoutFiller(noise, text)).map(plain))].filter((word) => (word.length >= 4 || /\d/.test(word) || feelings.has(word) || numbers.has(word)) && !never.has(word));
  }

  /** A summary made only of the customer's own words, as they said them ("the quoting system is dead, none of your sellers can quote"), says back, it does not sum up. */
  private parrots(quote: string, { state, locale }: GroundingScene): boolean {
    const words = this.content(quote, locale);
    if (words.length === 0) return false;
    // Words of two of her lines put together ("on those days the associates matter as much as the partners") are her points
    // joined in the learner's own sentence; one line said back word for word is not.
    return state.transcript.some((entry) => {
      if (entry.speaker !== 'customer') return false;
      const said = new Set(this.content(entry.text, locale));
      return words.every((word) => said.has(word));
    });
  }

  /**
   * What happened before this message: the earlier meetings' briefs and what their customer said, revealed and demanded as the
   * learner played them, the commitment asked about, the customer's words since the opening. Not an earlier need that never
   * came out: "as you told me last time" about a worry she kept to herself is a guess.
   */
  /**
   * How much a message recalls: what happened before this meeting anywhere in it ("it was at the desk 10:40 like I said"); what
   * the customer said in this meeting only in the sentence that recalls it. "We follow up as we go", beside her demand of a
   * minute ago, recalls nothing.
   */
  private recalledWeight(scene: GroundingScene, message: readonly string[], sentence: readonly string[]): number {
    const before = this.recalled(scene);
    const locale = scene.locale;
    const now = this.stemsOf(scene.state.transcript.slice(1).filter((entry) => entry.speaker === 'customer').map((entry) => entry.text), locale);
    const earlier = message.filter((word) => this.within(before, word, locale));
    return this.weightIn(before, earlier, scene) + this.weightIn(now, sentence.filter((word) => !earlier.includes(word)), scene);
  }

  private recalled({ storyline, meeting, locale, state, earlier = [] }: GroundingScene): ReadonlySet<string> {
    const before = storyline.meetings.slice(0, Math.max(0, storyline.meetings.indexOf(meeting)));
    const heard = earlier.flatMap(({ meetingNumber, state: played }) => {
      const then = storyline.meetings[meetingNumber - 1];
      return then && before.includes(then) ? this.heardIn(then, played, locale) : [];
    });
    const texts = [
      ...before.map((then) => then[locale].situation),
      ...heard,
      state.commitmentCheck?.commitment.text ?? '',
    ];
    return this.stemsOf(texts, locale);
  }

  /**
   * The words the learner can know: the brief's facts (who the customer is, the meeting's title and situation), the commitment
   * asked about, and what the customer has said so far, with the needs and demands she has come out with. Not the lines the customer has yet to say (a hidden need, a demand, a
   * reaction): a learner who names those without hearing them is lucky, not listening. Nor the goal or the rubric: saying them back
   * says nothing of the customer. The brief's part is built once per meeting and language.
   */
  private known({ storyline, meeting, locale, state }: GroundingScene): Known {
    const id = `${storyline.id}/${meeting.id}/${locale}`;
    const brief = this.briefs.get(id) ?? this.stemsOf([storyline.customer.name, storyline.customer[locale].role, storyline.customer[locale].company, storyline.customer[locale].business, meeting[locale].title, meeting[locale].situation], locale);
    this.briefs.set(id, brief);
    return { told: brief, heard: this.stemsOf([state.commitmentCheck?.commitment.text ?? '', ...this.heardIn(meeting, state, locale)], locale) };
  }

  /** What the customer has said in a meeting, with the needs and demands she has come out with, in full. */
  private heardIn(meeting: Meeting, state: MeetingState, locale: Locale): string[] {
    const heard = state.transcript.filter((entry) => entry.speaker === 'customer').map((entry) => entry.text);
    // A need or a demand she has come out with is heard in full, however she put it (a model customer words it its own way).
    const revealed = meeting.needs.filter((need) => state.revealed.some((item) => item.needId === need.id)).flatMap((need) => [need[locale].need, need[locale].says]);
    const raised = meeting.demands.filter((demand) => state.demands.some((item) => item.id === demand.id)).map((demand) => demand[locale].says);
    return [...heard, ...revealed, ...raised];
  }

  /** The stems of the texts' content words. */
  private stemsOf(texts: readonly string[], locale: Locale): ReadonlySet<string> {
    return new Set(texts.flatMap((text) => this.stemsOfText(text, locale)));
  }

  /**
   * One text's stems, kept: every turn looks at all the customer has said so far, and a scripted customer's lines come
   * from a few hundred; a model's lines are new each time, so the oldest go once a few thousand are kept.
   */
  private stemsOfText(text: string, locale: Locale): readonly string[] {
    return this.textStems.get(`${locale}\u0000${text}`, () => this.content(text, locale).map(stemmers[locale]));
  }

  /** Whether a word shares a stem with one of the stems; in Swedish also as part of a compound ("offertmallen" holds "offert"). */
  private within(stems: ReadonlySet<string>, word: string, locale: Locale): boolean {
    return sharesStem(stems, stemmers[locale](word), locale);
  }
}
