import { cardView, type CardView } from '../../cards/card-view';
import type { ThemeCatalog } from '../../content/themes';
import type { Turn } from '../../core/turn';
import { availabilityOf } from '../availability';
import { debriefCard, type RoleplayButton } from './roleplay-cards';
import type { SessionRecord, StorylineProgress } from '../roleplay-records';
import { learnerEntries } from '../meeting-state';
import { button, formatWhen } from './roleplay-views';
import type { Storyline } from '../storyline';

/** The debrief: checks with the learner's words, strengths, better wording, trust, the self-check and what comes next. */
export function debriefView(turn: Turn, themes: ThemeCatalog, storyline: Storyline, session: SessionRecord, progress: StorylineProgress | undefined): CardView {
  const { t } = turn;
  const locale = session.locale;
  const meeting = storyline.meetings[session.meetingNumber - 1];
  const debrief = session.debrief;
  const name = storyline.customer.name;
  const total = storyline.meetings.length;
  const labels = new Map((meeting?.rubric ?? []).map((check) => [check.id, check[locale].check]));
  const selfCheck = session.selfCheck;
  const marks = { met: 'roleplay.debrief.met', partly: 'roleplay.debrief.partly', not: 'roleplay.debrief.notMet' } as const;
  const checks = (debrief?.checks ?? []).map((check) => ({
    mark: t(marks[check.verdict]),
    text: labels.get(check.id) ?? t('roleplay.personalData.unknownCheck'),
    theme: themes.text(check.theme, locale).name,
    quote: check.quote ? t('roleplay.debrief.quote', { text: check.quote }) : '',
    reason: check.reason ?? (check.reasonKey ? t(`roleplay.debrief.reasons.${check.reasonKey}`) : ''),
    self: selfCheck ? t(selfCheck.includes(check.id) ? 'roleplay.debrief.selfCheck.youToo' : 'roleplay.debrief.selfCheck.youNot') : '',
  }));

  const availability = availabilityOf(progress, turn.now);
  const next =
    availability.kind === 'ready'
      ? t('roleplay.debrief.next.ready', { number: availability.meeting, name })
      : availability.kind === 'locked'
        ? t('roleplay.debrief.next.locked', { number: availability.meeting, name, when: formatWhen(turn, availability.until) })
        : t(`roleplay.debrief.next.completed.${outcomeOf(debrief?.trustAfter ?? 0)}`, { name, trust: debrief?.trustAfter ?? 0 });
  const buttons: RoleplayButton[] = [
    ...(availability.kind === 'ready' ? [button(t('roleplay.debrief.buttons.next', { number: availability.meeting }), 'roleplay.brief', storyline.id, availability.meeting)] : []),
    button(t('roleplay.debrief.buttons.picker'), 'roleplay.picker'),
  ];

  const found = debrief?.checks.filter((check) => check.met).map((check) => check.id) ?? [];
  const result = selfCheck
    ? t('roleplay.debrief.selfCheck.result', {
        self: selfCheck.length,
        total: checks.length,
        found: found.length,
        agree: (debrief?.checks ?? []).filter((check) => check.met === selfCheck.includes(check.id)).length,
      })
    : '';
  return cardView(debriefCard, {
    title: t('roleplay.debrief.title', { storyline: storyline[locale].title }),
    subtitle: t('roleplay.debrief.subtitle', { number: session.meetingNumber, total, meeting: meeting?.[locale].title ?? '' }),
    judgedBy: t(`roleplay.debrief.judgedBy.${debrief?.judgedBy ?? 'rules'}`),
    checksHeading: t('roleplay.debrief.checks'),
    checks,
    strengthsHeading: t('roleplay.debrief.strengths'),
    strengths: (debrief?.strengths ?? []).map((text) => ({ text })),
    improvementsHeading: t('roleplay.debrief.improvements'),
    improvements: (debrief?.improvements ?? []).map((item) => ({
      point: item.point,
      better: item.yours ? t('roleplay.debrief.trySaying', { yours: item.yours, better: item.better }) : t('roleplay.debrief.better', { text: item.better }),
    })),
    avoidHeading: t('roleplay.debrief.avoid'),
    avoid: (debrief?.avoid ?? []).map((item) => ({ text: t('roleplay.debrief.avoidItem', { move: t(`roleplay.moves.${item.kind}`), text: item.quote }) })),
    trust: t('roleplay.debrief.trust', { name, before: debrief?.trustBefore ?? 0, after: debrief?.trustAfter ?? 0 }),
    trustReasons: session.state.trustEvents
      .filter((event) => event.change !== 0)
      .map((event) => ({ text: `${event.change > 0 ? '+' : '−'}${Math.abs(event.change)} ${t(`roleplay.cues.${event.cue}`)}` })),
    needsHeading: t('roleplay.debrief.needs', { name }),
    needs: (meeting?.needs ?? []).map((need) => ({
      mark: t(session.state.revealed.some((item) => item.needId === need.id) ? 'roleplay.debrief.met' : 'roleplay.debrief.notMet'),
      text: need[locale].need,
    })),
    demandsHeading: t('roleplay.debrief.demands'),
    demands: session.state.demands.flatMap((progress) => {
      const demand = meeting?.demands.find((item) => item.id === progress.id);
      return demand ? [{ text: t(`roleplay.debrief.demand.${demand.kind}`, { text: demand[locale].says }), handling: t('roleplay.debrief.goodHandling', { text: demand[locale].goodHandling }) }] : [];
    }),
    next,
    selfCheck: {
      heading: t('roleplay.debrief.selfCheck.heading'),
      choices: selfCheck ? [] : (meeting?.rubric ?? []).map((check) => ({ title: check[locale].check, value: check.id })),
      submit: t('roleplay.debrief.selfCheck.submit'),
      sessionId: session.id,
      result,
    },
    buttons,
    retry: retryMoment(session).map((moment) => ({ title: t('roleplay.debrief.retry', { text: clip(moment.text) }), sessionId: session.id, turn: moment.turn })),
  });
}

/** The closing line of a storyline praises only an ending that earned it. */
const outcomeOf = (trust: number): 'high' | 'middle' | 'low' => (trust >= 7 ? 'high' : trust >= 4 ? 'middle' : 'low');

const clip = (text: string): string => (text.length <= 60 ? text : `${text.slice(0, 59).trimEnd()}…`);

/** The one exchange worth a second try: the first missed check with the learner's words, else the first thing to avoid. */
function retryMoment(session: SessionRecord): Array<{ readonly text: string; readonly turn: number }> {
  const debrief = session.debrief;
  if (session.status !== 'ended' || !debrief) return [];
  const said = learnerEntries(session.state).map((entry) => entry.text);
  const quote = debrief.improvements.find((item) => item.yours && said.includes(item.yours))?.yours ?? debrief.avoid?.find((item) => said.includes(item.quote))?.quote;
  const index = quote === undefined ? -1 : said.indexOf(quote);
  return index < 0 || quote === undefined ? [] : [{ text: quote, turn: index + 1 }];
}
