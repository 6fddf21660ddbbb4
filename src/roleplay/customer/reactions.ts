import type { Locale } from '../../core/locale';
import type { Meeting, ReactionKey, Storyline } from '../storyline';

/** The lines a customer has for a reaction in this meeting: the meeting's own, else the storyline's persona lines. */
export function reactionLines(storyline: Storyline, meeting: Meeting, locale: Locale, key: ReactionKey): readonly string[] {
  return meeting.reactions?.[locale][key] ?? storyline.reactions[locale][key] ?? [];
}

/** Every line this meeting can say, for checks that a reply never comes from another meeting. */
export function meetingLines(storyline: Storyline, meeting: Meeting, locale: Locale): string[] {
  const words = meeting[locale];
  return [
    words.opening,
    words.closing,
    ...(words.recall ? [words.recall] : []),
    ...Object.values(meeting.reactions?.[locale] ?? {}).flat(),
    ...meeting.needs.map((need) => need[locale].says),
    ...meeting.demands.flatMap((demand) => [demand[locale].says, demand[locale].onAccepted, demand[locale].onRefused, demand[locale].onAlternative]),
  ].filter((line): line is string => typeof line === 'string');
}
