import { cardTemplate } from '../cards/card-view';
import type { ResultsView } from '../collect';
import type { CardButton, CardChoice } from '../cards/card-parts';

/** A button on one answer (vote, remove vote); its data also carries the answer id. */
export interface AnswerButton extends CardButton {
  readonly answerId: string;
}

/** A free-text input: `answer_<answerId>` for an own answer, `answer_new` for a new one. */
export interface TextSlot {
  readonly id: string;
  readonly value: string;
  readonly placeholder: string;
}

export interface AnswerRow {
  readonly answerId: string;
  readonly text: string;
  /** Votes, and the author's name in named workshops only. */
  readonly detail: string;
  /** The answers merged into this one, quoted; empty when none. */
  readonly merged: string;
  readonly buttons: readonly AnswerButton[];
}

export interface AnsweringSection {
  readonly show: boolean;
  readonly heading: string;
  readonly isText: boolean;
  readonly textSlots: readonly TextSlot[];
  readonly isChoice: boolean;
  readonly choiceId: string;
  readonly choiceValue: string;
  readonly isMultiSelect: boolean;
  readonly choices: readonly CardChoice[];
  readonly saveTitle: string;
}

export interface PledgeSection {
  readonly show: boolean;
  readonly heading: string;
  /** The team's top-voted answers, each with its theme, and "something of my own"; empty before there are votes. */
  readonly answerLabel: string;
  readonly answerChoices: readonly CardChoice[];
  readonly answerValue: string;
  readonly themeLabel: string;
  readonly themeChoices: readonly CardChoice[];
  readonly themeValue: string;
  readonly textLabel: string;
  readonly textValue: string;
  readonly buttonTitle: string;
}

/** The facilitator's one compact control for every answer: choose it, then hide, merge, separate or give it a theme. */
export interface ModerationSection {
  readonly show: boolean;
  readonly heading: string;
  readonly answerLabel: string;
  readonly placeholder: string;
  readonly choices: readonly CardChoice[];
  readonly buttons: readonly CardButton[];
  readonly themeLabel: string;
  readonly themePlaceholder: string;
  readonly themeChoices: readonly CardChoice[];
  readonly themeTitle: string;
}

/** The second step of "Merge into…", on the facilitator's own view: the answer whose wording is kept. */
export interface MergePickerSection {
  readonly show: boolean;
  readonly label: string;
  readonly answerId: string;
  readonly choices: readonly CardChoice[];
  readonly mergeTitle: string;
  readonly cancelTitle: string;
}

export interface PickerSection {
  readonly show: boolean;
  readonly label: string;
  readonly choices: readonly CardChoice[];
  readonly buttonTitle: string;
}

/** The one workshop card in the conversation: the shared base view, or one person's own view. */
export interface WorkshopCardData {
  readonly workshopId: string;
  /** Teams ids (29:…) whose clients fetch their own view; empty leaves the card the same for everyone. */
  readonly refreshUserIds: readonly string[];
  readonly title: string;
  readonly prompt: string;
  readonly followUp: string;
  readonly themeLine: string;
  readonly modeLine: string;
  readonly statusLine: string;
  readonly notice: string;
  readonly answering: AnsweringSection;
  readonly results: ResultsView;
  readonly answersHeading: string;
  readonly answers: readonly AnswerRow[];
  readonly moderation: ModerationSection;
  readonly mergePicker: MergePickerSection;
  readonly pledge: PledgeSection;
  readonly picker: PickerSection;
  readonly buttons: readonly CardButton[];
}

/** The facilitator's setup card; others see who is preparing it. */
export interface WorkshopSetupCardData {
  readonly workshopId: string;
  readonly refreshUserIds: readonly string[];
  readonly title: string;
  readonly intro: string;
  readonly notice: string;
  readonly canEdit: boolean;
  readonly templateLabel: string;
  readonly templateChoices: readonly CardChoice[];
  readonly customLabel: string;
  readonly customPlaceholder: string;
  readonly anonymousTitle: string;
  readonly hiddenTitle: string;
  readonly multipleTitle: string;
  readonly closesLabel: string;
  readonly votesLabel: string;
  readonly votesChoices: readonly CardChoice[];
  readonly votesValue: string;
  readonly postTitle: string;
  readonly cancelTitle: string;
}

export const workshopCard = cardTemplate<WorkshopCardData>('workshop-prompt');
export const workshopSetupCard = cardTemplate<WorkshopSetupCardData>('workshop-setup');
