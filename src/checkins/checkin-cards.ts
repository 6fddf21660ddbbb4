import { cardTemplate } from '../cards/card-view';
import type { CardButton, CardChoice, CardFact } from '../cards/card-parts';
import type { ChartPoint } from '../cards/chart';
import type { ResultBar, ResultsView } from '../collect/results-view';

/** One question on the check-in card; `id` is the input id the answer comes back under. */
export interface QuestionInput {
  readonly id: string;
  readonly label: string;
  readonly isScale: boolean;
  readonly choices: readonly CardChoice[];
  readonly value: string;
  readonly placeholder: string;
}

export interface CheckinQuestionCardData {
  readonly title: string;
  readonly intro: string;
  readonly notice: string;
  readonly occurrenceId: string;
  readonly questions: readonly QuestionInput[];
  readonly open: boolean;
  readonly submitTitle: string;
  /** Snooze and stop make sense only where the card was sent to one person. */
  readonly personal: boolean;
  readonly snoozeOneTitle: string;
  readonly snoozeTwoTitle: string;
  readonly stopTitle: string;
  /** This person stopped the schedule: offer to start again instead of stop. */
  readonly stopped: boolean;
  readonly startAgainTitle: string;
  /** Teams MRIs whose clients fetch their own view of the card (Action.Execute checkin.view); empty for none. */
  readonly refreshUserIds: readonly string[];
  /** A "Show my answers" button, where Teams refreshes the card for too many people to do it for each. */
  readonly showMine: boolean;
  readonly showMineTitle: string;
  /** A closed card in one person's own view: what they answered, read-only. */
  readonly ownHeading: string;
  readonly ownLines: readonly OwnAnswerLine[];
}

/** One answer a person gave, as text, on a closed card only they see. */
export interface OwnAnswerLine {
  readonly label: string;
  readonly text: string;
}

export interface FieldText {
  readonly label: string;
  readonly value: string;
  readonly placeholder: string;
}

export interface FieldChoice {
  readonly label: string;
  readonly value: string;
  readonly choices: readonly CardChoice[];
}

export interface FieldNumber {
  readonly label: string;
  readonly value: number;
}

export interface FieldToggle {
  readonly title: string;
  /** "true" or "false". */
  readonly value: string;
}

/** One question of the chosen set, as the setup card previews it. */
export interface PreviewLine {
  readonly text: string;
}

/** The schedule form; input ids are fixed in the template and read back by setup-form.ts. */
export interface CheckinSetupCardData {
  readonly title: string;
  readonly intro: string;
  readonly notice: string;
  readonly scheduleId: string;
  readonly submitTitle: string;
  readonly submitVerb: string;
  readonly questionSet: FieldChoice;
  /** The questions of the chosen set; "Show these questions" (checkin.preview) redraws it for another choice. */
  readonly previewHeading: string;
  readonly previewLines: readonly PreviewLine[];
  readonly previewTitle: string;
  readonly customToggleTitle: string;
  readonly customVisible: boolean;
  readonly customTheme: FieldChoice;
  readonly customScale: FieldText;
  readonly customOpen: FieldText;
  readonly audience: FieldChoice;
  readonly recurrence: FieldChoice;
  readonly days: FieldChoice;
  readonly startDate: FieldText;
  readonly endDate: FieldText;
  readonly time: FieldText;
  /** Real IANA zones, the manager's own first. */
  readonly timeZone: FieldChoice;
  readonly zoneHint: string;
  readonly perRecipient: FieldToggle;
  readonly skipWeekends: FieldToggle;
  readonly anonymous: FieldToggle;
  readonly minResponses: FieldNumber;
  readonly openHours: FieldNumber;
  readonly remind: FieldToggle;
  readonly customHeading: string;
  readonly whenHeading: string;
  readonly answersHeading: string;
  /** The rarely changed fields sit under "More options", open when one of them needs fixing. */
  readonly moreTitle: string;
  readonly moreVisible: boolean;
}

export interface ScheduleButton extends CardButton {
  readonly scheduleId: string;
}

export interface ScheduleEntry {
  readonly heading: string;
  readonly facts: readonly CardFact[];
  readonly buttons: readonly ScheduleButton[];
}

export interface CheckinListCardData {
  readonly title: string;
  readonly intro: string;
  readonly notice: string;
  readonly schedules: readonly ScheduleEntry[];
}

export const checkinQuestionCard = cardTemplate<CheckinQuestionCardData>('checkin-question');
export const checkinSetupCard = cardTemplate<CheckinSetupCardData>('checkin-setup');
export const checkinListCard = cardTemplate<CheckinListCardData>('checkin-list');

/** The trend over occurrences: a Teams line chart, with the same figures as text bars for clients that cannot draw it. */
export interface TrendView {
  readonly heading: string;
  readonly note: string;
  /** Draw the chart: at least two occurrences have an average that may be shown. Otherwise only the text bars. */
  readonly chart: boolean;
  readonly chartTitle: string;
  readonly xAxisTitle: string;
  readonly yAxisTitle: string;
  readonly legend: string;
  /** One point per occurrence: its date and its average on the 1–5 scale. */
  readonly points: readonly ChartPoint[];
  readonly bars: readonly ResultBar[];
}

/** The owner's button that posts the totals where the check-in was asked. */
export interface ShareButton {
  readonly title: string;
  readonly verb: string;
  readonly occurrence: string;
}

/** A check-in's results: the owner's summary card, or the totals the owner shared with the team. */
export interface CheckinResultsCardData {
  readonly title: string;
  readonly subtitle: string;
  readonly notice: string;
  readonly facts: readonly CardFact[];
  readonly results: ResultsView;
  /** Zero or one trend. */
  readonly trend: readonly TrendView[];
  /** Zero or one button: only on the owner's card, once the occurrence closed with enough answers and is not yet shared. */
  readonly share: readonly ShareButton[];
  readonly footnote: string;
}

export const checkinResultsCard = cardTemplate<CheckinResultsCardData>('checkin-results');
