import type { Locale } from '../../core/locale';
import type { ModelFailureReason } from '../../core/language-model';
import type { DirectedTurn } from './director';
import type { CustomerMemory, MeetingState } from '../meeting-state';
import { judgeByRules, type Debrief } from '../judging/rule-judge';
import type { Meeting, Storyline } from '../storyline';

/** The learner's allowance of model calls for this turn; a refused take() means "answer without the model". */
export interface CallBudget {
  take(): boolean;
}

/** Everything a customer needs to answer or to judge: the story, the meeting so far, and what it remembers. */
export interface CustomerScene {
  readonly storyline: Storyline;
  readonly meeting: Meeting;
  readonly meetingNumber: number;
  readonly locale: Locale;
  readonly memory: CustomerMemory;
  /** The meeting so far; when answering, the learner's latest message is the last entry. */
  readonly state: MeetingState;
  readonly budget: CallBudget;
}

/** Why a model customer handed a turn to the script. */
export type FallbackReason = ModelFailureReason | 'budget-spent' | 'out-of-character';

export interface CustomerReply {
  readonly text: string;
  readonly source: 'script' | 'model';
  readonly fallback?: FallbackReason;
}

/** The customer in a role-play: scripted from content, or a language model that falls back to the script. */
export interface CustomerEngine {
  readonly kind: 'scripted' | 'model';
  reply(scene: CustomerScene, directed: DirectedTurn): Promise<CustomerReply>;
  judge(scene: CustomerScene): Promise<Debrief>;
}

/** The customer that needs no model: the director's scripted line, and the rubric judged by explicit rules. */
export class ScriptedCustomer implements CustomerEngine {
  readonly kind = 'scripted';

  async reply(_scene: CustomerScene, directed: DirectedTurn): Promise<CustomerReply> {
    return { text: directed.scripted, source: 'script' };
  }

  async judge(scene: CustomerScene): Promise<Debrief> {
    return judgeByRules(scene.meeting, scene.state, scene.locale);
  }
}
