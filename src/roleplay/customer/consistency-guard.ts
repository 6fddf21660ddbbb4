import type { Locale } from '../../core/locale';
import type { FirmLine } from '../storyline';

/** Why a model's reply cannot be shown as the customer's words. */
export type GuardViolation = 'ai-self-reference' | 'assistant-voice' | 'meta-talk' | 'caved' | 'empty' | 'too-long';

// Both languages are checked whatever the meeting's language: a model that slips out of character often slips into English too.
const aiSelfReference = /(?<![\p{L}])(?:as an ai|an ai(?: language)? model|language model|i am an ai|i'm an ai|artificial intelligence|openai|chatgpt|som en ai|ai-modell|språkmodell|jag är en ai)(?![\p{L}])/iu;
const assistantVoice =
  /(?<![\p{L}])(?:how (?:can|may) i (?:help|assist)|how can i be of|anything else i can (?:help|do)|i'?d be (?:happy|glad) to (?:help|assist)|feel free to ask|let me know if you (?:need|have)|hur kan jag hjälpa|kan jag hjälpa (?:dig|er) med något|något (?:mer|annat) jag kan hjälpa|jag hjälper gärna till med)(?![\p{L}])/iu;
const metaTalk = /(?<![\p{L}])(?:role-?play|this scenario|stage direction|system prompt|my instructions|rollspel\p{L}*|scenariot|scenregi|systemprompt\p{L}*|mina instruktioner)(?![\p{L}])/iu;
const agreementStart = /^(?:yes|sure|ok|okay|of course|absolutely|fine|deal|great|perfect|sounds good|that works|no problem|ja|visst|okej|absolut|självklart|toppen|perfekt|det låter bra|det funkar|inga problem)(?![\p{L}])/iu;
const reservation = /(?<![\p{L}])(?:but|however|though|unless|not|men|dock|fast|inte|utom)(?![\p{L}])/iu;

export interface GuardContext {
  readonly learnerText: string;
  readonly firmLines: readonly FirmLine[];
  readonly locale: Locale;
  readonly maxChars: number;
}

/** Checks (part of) a customer reply; the same check runs on every streamed piece and on the whole reply. */
export function guardReply(text: string, context: GuardContext, complete: boolean): GuardViolation | undefined {
  const reply = text.trim();
  if (aiSelfReference.test(reply)) return 'ai-self-reference';
  if (assistantVoice.test(reply)) return 'assistant-voice';
  if (metaTalk.test(reply)) return 'meta-talk';
  if (reply.length > context.maxChars) return 'too-long';
  if (complete && reply.length === 0) return 'empty';
  if (complete && caves(reply, context)) return 'caved';
  return undefined;
}

/** The learner asked for something the persona would refuse, and the reply opens with a plain yes. */
function caves(reply: string, context: GuardContext): boolean {
  const learner = context.learnerText.toLowerCase();
  const askedFirmLine = context.firmLines.some((line) => line[context.locale].patterns.some((pattern) => learner.includes(pattern.toLowerCase())));
  if (!askedFirmLine || !agreementStart.test(reply)) return false;
  const firstSentence = reply.split(/[.!?]/)[0] ?? reply;
  return !reservation.test(firstSentence);
}
