import type { Locale } from '../core/locale';
import { learnerEntries, type MeetingState } from './meeting-state';
import type { ThemeId } from '../content/themes';
import type { Meeting, RubricCheck } from './storyline';

/** One rubric check as judged: met or not, with the learner's words that show it. */
export interface JudgedCheck {
  readonly id: string;
  readonly theme: ThemeId;
  readonly met: boolean;
  readonly quote?: string;
}

/** The outcome of a meeting: checks, at most three strengths and three improvements with better wording. */
export interface Debrief {
  readonly judgedBy: 'rules' | 'model';
  readonly checks: readonly JudgedCheck[];
  readonly strengths: readonly string[];
  readonly improvements: ReadonlyArray<{ readonly point: string; readonly better: string }>;
  readonly trustBefore: number;
  readonly trustAfter: number;
}

export const maxDebriefItems = 3;

/** Judges the rubric with the explicit rules from content; every verdict points at a learner message. */
export function judgeByRules(meeting: Meeting, state: MeetingState, locale: Locale): Debrief {
  const checks = meeting.rubric.map((check) => judgeCheck(check, state));
  const byId = new Map(meeting.rubric.map((check) => [check.id, check]));
  const label = (id: string): RubricCheck[Locale] | undefined => byId.get(id)?.[locale];
  return {
    judgedBy: 'rules',
    checks,
    strengths: checks.filter((check) => check.met).slice(0, maxDebriefItems).map((check) => label(check.id)?.check ?? ''),
    improvements: checks
      .filter((check) => !check.met)
      .slice(0, maxDebriefItems)
      .map((check) => ({ point: label(check.id)?.check ?? '', better: label(check.id)?.better ?? '' })),
    trustBefore: state.trustStart,
    trustAfter: state.trust,
  };
}

function judgeCheck(check: RubricCheck, state: MeetingState): JudgedCheck {
  const entries = learnerEntries(state);
  const atTurn = (turn: number | undefined): string | undefined => (turn === undefined ? undefined : entries[turn - 1]?.text);
  const verdict = (met: boolean, quote: string | undefined): JudgedCheck => ({ id: check.id, theme: check.theme, met, ...(quote ? { quote } : {}) });
  const { rule } = check;
  if ('did' in rule) {
    const { did: wanted, before: tooEarly } = rule;
    const did = entries.findIndex((entry) => entry.intents.includes(wanted));
    const before = tooEarly ? entries.findIndex((entry) => entry.intents.includes(tooEarly)) : -1;
    if (did >= 0 && (before < 0 || did <= before)) return verdict(true, entries[did]?.text);
    // The evidence for a miss is the message that came too early, when there is one.
    return verdict(false, before >= 0 ? entries[before]?.text : undefined);
  }
  if ('demand' in rule) {
    const progress = state.demands.find((item) => item.id === rule.demand);
    const met = progress?.outcome !== undefined && rule.handled.includes(progress.outcome);
    return verdict(met, atTurn(progress?.handledAtTurn));
  }
  const met = state.revealed.length >= rule.uncovered;
  return verdict(met, atTurn(state.revealed[Math.min(rule.uncovered, state.revealed.length) - 1]?.atTurn));
}
