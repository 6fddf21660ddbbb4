import { DateTime } from 'luxon';
import { cardView, type CardView } from '../../cards/card-view';
import type { ThemeCatalog } from '../../content/themes';
import type { Turn } from '../../core/turn';
import { availabilityOf } from '../availability';
import { rememberedAgreements } from '../customer/meeting-memory';
import { briefCard, meetingCard, pickerCard, type PastDebriefEntry, type PickerEntry, type RoleplayButton } from './roleplay-cards';
import type { LearnerRecord, SessionRecord, StorylineProgress } from '../roleplay-records';
import type { StorylineCatalog } from '../storyline-catalog';
import type { RubricCheck, Storyline } from '../storyline';

/** The limits a learner is told about before a meeting. */
export interface MeetingLimits {
  readonly turns: number;
  readonly chars: number;
}

export const button = (title: string, verb: string, storylineId = '', meeting = 0): RoleplayButton => ({ title, verb, storylineId, meeting });

/** A date in the learner's zone and language, e.g. "Tue 14 May, 09:00". */
export function formatWhen(turn: Turn, when: Date): string {
  return DateTime.fromJSDate(when, { zone: turn.timeZone ?? 'UTC' }).setLocale(turn.locale === 'sv' ? 'sv-SE' : 'en-GB').toFormat('ccc d LLL, HH:mm');
}

/** How a customer line reads in the chat: the customer's name in bold (Teams renders the Markdown), then their words. */
export const customerLine = (storyline: Storyline, text: string): string => `**${storyline.customer.name}:** ${text}`;

/** The opening card: every storyline with a way in, and the meetings already held with a way back to their debriefs. */
export function pickerView(turn: Turn, catalog: StorylineCatalog, learner: LearnerRecord, past: readonly PastDebriefEntry[] = [], pastTotal = past.length): CardView {
  const { t, locale } = turn;
  const entry = (storyline: Storyline): PickerEntry => {
    const progress = learner.progress[storyline.id];
    const total = storyline.meetings.length;
    const who = storyline.customer[locale];
    const name = storyline.customer.name;
    const availability = availabilityOf(progress, turn.now);
    const active = learner.activeSessionId?.startsWith(`${storyline.id}.`) ?? false;
    const open = (key: string, meeting: number): RoleplayButton[] => [button(t(`roleplay.picker.buttons.${key}`, { name, number: meeting }), 'roleplay.brief', storyline.id, meeting)];
    const [status, buttons] = ((): [string, RoleplayButton[]] => {
      if (active) return [t('roleplay.picker.status.active', { number: progress?.nextMeeting ?? 1, total }), open('continue', progress?.nextMeeting ?? 1)];
      switch (availability.kind) {
        case 'new':
          return [t('roleplay.picker.status.new'), open('open', 1)];
        case 'ready':
          return [t('roleplay.picker.status.ready', { number: availability.meeting, total }), open('continue', availability.meeting)];
        case 'locked':
          return [t('roleplay.picker.status.locked', { number: availability.meeting, total, when: formatWhen(turn, availability.until) }), []];
        case 'completed':
          return [t('roleplay.picker.status.completed', { name, trust: progress?.memory.trust ?? 0 }), open('again', 1)];
      }
    })();
    return {
      title: storyline[locale].title,
      summary: storyline[locale].summary,
      customer: `${storyline.customer.name}, ${who.role}, ${who.company}`,
      details: t('roleplay.picker.details', { level: storyline.difficulty, meetings: total }),
      status,
      buttons,
    };
  };
  return cardView(pickerCard, {
    title: t('roleplay.picker.title'),
    intro: t('roleplay.picker.intro'),
    storylines: catalog.storylines.map(entry),
    pastHeading: t('roleplay.past.heading'),
    past,
    pastMore: pastTotal > past.length ? t('roleplay.past.more', { shown: past.length, total: pastTotal }) : '',
  });
}

export function briefView(turn: Turn, themes: ThemeCatalog, storyline: Storyline, meetingNumber: number, progress: StorylineProgress, limits: MeetingLimits, notice = ''): CardView {
  const { t, locale } = turn;
  const meeting = storyline.meetings[meetingNumber - 1];
  const who = storyline.customer[locale];
  const name = storyline.customer.name;
  const memory = progress.memory;
  const remembered =
    meetingNumber > 1
      ? [
          ...memory.promises.map((promise) => t('roleplay.brief.promised', { text: promise.text })),
          ...rememberedAgreements(storyline, memory, locale).map((item) =>
            t(item.outcome === 'alternative' ? 'roleplay.brief.agreed' : item.outcome === 'accepted' ? 'roleplay.brief.saidYes' : 'roleplay.brief.saidNo', { text: item.text }),
          ),
          t('roleplay.brief.trust', { trust: memory.trust }),
        ]
      : [];
  return cardView(briefCard, {
    title: t('roleplay.brief.title', { storyline: storyline[locale].title }),
    subtitle: t('roleplay.brief.subtitle', { number: meetingNumber, total: storyline.meetings.length, meeting: meeting?.[locale].title ?? '' }),
    notice,
    whoHeading: t('roleplay.brief.who'),
    who: [
      { title: t('roleplay.brief.customer'), value: `${name}, ${who.role}, ${who.company}` },
      { title: t('roleplay.brief.business'), value: who.business },
      { title: t('roleplay.brief.style'), value: `${who.personality} ${who.style}` },
      { title: t('roleplay.brief.mood'), value: who.mood },
    ],
    situationHeading: t('roleplay.brief.situation'),
    situation: meeting?.[locale].situation ?? '',
    goalHeading: t('roleplay.brief.goal'),
    goal: meeting?.[locale].goal ?? '',
    memoryHeading: t('roleplay.brief.memory', { name }),
    memory: remembered.map((text) => ({ text })),
    rubricHeading: t('roleplay.brief.rubric'),
    rubric: (meeting?.rubric ?? []).map((check) => ({ text: briefCheck(turn, check, name), theme: themes.text(check.theme, locale).name })),
    how: t('roleplay.brief.how', { name, turns: limits.turns, chars: limits.chars }),
    buttons: [button(t('roleplay.brief.start'), 'roleplay.start', storyline.id, meetingNumber), button(t('roleplay.brief.back'), 'roleplay.picker')],
  });
}

/**
 * A rubric check as the brief shows it: checks on a demand or on the hidden needs would give them away, so they
 * are named in general words; the debrief shows the full check.
 */
function briefCheck(turn: Turn, check: RubricCheck, name: string): string {
  const { rule } = check;
  if ('demand' in rule) return turn.t('roleplay.brief.rubricDemand', { name });
  if ('uncovered' in rule) return turn.t('roleplay.brief.rubricUncovered', { name, count: rule.uncovered });
  return check[turn.locale].check;
}

export function meetingView(turn: Turn, storyline: Storyline, session: SessionRecord, limits: MeetingLimits): CardView {
  const { t } = turn;
  const name = storyline.customer.name;
  const active = session.status === 'active';
  return cardView(meetingCard, {
    title: t('roleplay.meeting.title', { name }),
    text: active ? t('roleplay.meeting.text', { name }) : t('roleplay.meeting.ended'),
    limits: active ? t('roleplay.meeting.limits', { turns: limits.turns, chars: limits.chars }) : '',
    buttons: active ? [button(t('roleplay.meeting.end'), 'roleplay.end', storyline.id, session.meetingNumber)] : [],
  });
}
