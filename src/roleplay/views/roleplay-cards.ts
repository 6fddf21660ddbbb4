import { cardTemplate } from '../../cards/card-view';
import type { CardButton, CardFact } from '../../cards/card-parts';
import { understoodCard } from './understood-view';

/** A button rendered as Action.Execute; `storylineId` travels in its data when set. */
export interface RoleplayButton extends CardButton {
  readonly storylineId: string;
  readonly meeting: number;
}

export interface PickerEntry {
  readonly title: string;
  readonly summary: string;
  readonly customer: string;
  readonly details: string;
  readonly status: string;
  /** Empty when the storyline cannot be opened now (the next meeting is still locked). */
  readonly buttons: readonly RoleplayButton[];
}

/** A meeting already held, listed on the opening card; its button reopens the debrief as a new message. */
export interface PastDebriefEntry {
  readonly title: string;
  readonly details: string;
  readonly open: { readonly title: string; readonly verb: string; readonly sessionId: string };
}

export interface PickerCardData {
  readonly title: string;
  readonly intro: string;
  readonly storylines: readonly PickerEntry[];
  readonly pastHeading: string;
  /** Empty when the learner has held no meeting yet. */
  readonly past: readonly PastDebriefEntry[];
  /** Says how many are left out when there are more than the card lists; empty otherwise. */
  readonly pastMore: string;
}

export interface BriefCardData {
  readonly title: string;
  readonly subtitle: string;
  readonly notice: string;
  readonly whoHeading: string;
  readonly who: readonly CardFact[];
  readonly situationHeading: string;
  readonly situation: string;
  readonly goalHeading: string;
  readonly goal: string;
  readonly memoryHeading: string;
  readonly memory: ReadonlyArray<{ readonly text: string }>;
  readonly rubricHeading: string;
  readonly rubric: ReadonlyArray<{ readonly text: string; readonly theme: string }>;
  readonly how: string;
  readonly buttons: readonly RoleplayButton[];
}

export interface MeetingCardData {
  readonly title: string;
  readonly text: string;
  readonly limits: string;
  readonly buttons: readonly RoleplayButton[];
}

export interface DebriefCheck {
  readonly mark: string;
  readonly text: string;
  readonly theme: string;
  readonly quote: string;
  /** One reason for the verdict. */
  readonly reason: string;
  /** The learner's own tick, once they have compared; empty before. */
  readonly self: string;
}

export interface DebriefCardData {
  readonly title: string;
  readonly subtitle: string;
  readonly judgedBy: string;
  readonly checksHeading: string;
  readonly checks: readonly DebriefCheck[];
  readonly strengthsHeading: string;
  readonly strengths: ReadonlyArray<{ readonly text: string }>;
  readonly improvementsHeading: string;
  readonly improvements: ReadonlyArray<{ readonly point: string; readonly better: string }>;
  readonly avoidHeading: string;
  /** Blame, over-promising, dropped quality and the like, in the learner's own words. */
  readonly avoid: ReadonlyArray<{ readonly text: string }>;
  readonly trust: string;
  readonly trustReasons: ReadonlyArray<{ readonly text: string }>;
  readonly needsHeading: string;
  /** The customer's hidden needs, each marked found or not. */
  readonly needs: ReadonlyArray<{ readonly mark: string; readonly text: string }>;
  readonly demandsHeading: string;
  /** The demands raised, with what good handling looks like. */
  readonly demands: ReadonlyArray<{ readonly text: string; readonly handling: string }>;
  readonly next: string;
  readonly selfCheck: {
    readonly heading: string;
    /** Empty once the learner has compared; then `result` says how they compared. */
    readonly choices: ReadonlyArray<{ readonly title: string; readonly value: string }>;
    readonly submit: string;
    readonly sessionId: string;
    readonly result: string;
  };
  readonly buttons: readonly RoleplayButton[];
  /** "Try this moment again": one exchange replayed from the state before the learner's message. */
  readonly retry: ReadonlyArray<{ readonly title: string; readonly sessionId: string; readonly turn: number }>;
}

export const pickerCard = cardTemplate<PickerCardData>('roleplay-picker');
export const briefCard = cardTemplate<BriefCardData>('roleplay-brief');
export const meetingCard = cardTemplate<MeetingCardData>('roleplay-meeting');
export const debriefCard = cardTemplate<DebriefCardData>('roleplay-debrief');
export const roleplayCardTemplates = [pickerCard, briefCard, meetingCard, debriefCard, understoodCard];
