import { createHash } from 'node:crypto';
import type { Locale } from '../../src/core/locale';
import type { TrainingOptions } from '../../src/roleplay/reading/move-model';
import { loadMoveCorpus, type LabelledMessage } from './moves';

/** The meetings rules are tuned on and the model is trained on; every other meeting is set aside (#9) and never read for training. */
export const tunedMeetings: readonly string[] = [
  'bakery-unasked-proposal/pilot-proposal',
  'bakery-unasked-proposal/pilot-results',
  'contract-boundary-by-tomorrow/change-request-on-the-desk',
  'contract-boundary-by-tomorrow/open-by-monday',
  'laptop-rollout-busy-week/after-the-campaign',
  'laptop-rollout-busy-week/pilot-stumbles',
  'laptop-rollout-busy-week/plan-meets-campaign',
  'onsite-stressed-reception/frozen-reception',
  'sales-blocked-service-desk/quotes-down',
  'vip-skip-the-queue/vip-service',
];

/** Only tuned move files, picked by name before any is opened: a `--holdout--` file is never read. */
export const isTrainingFile = (file: string): boolean => file.includes('--tune--') && !file.includes('--holdout--');

/** A labelled message of a tuned meeting; older tuned files also hold set-aside meetings' messages, which are left out. */
export type TrainingMessage = LabelledMessage & { readonly where: string };

export function trainingMessages(folder: string): TrainingMessage[] {
  return loadMoveCorpus(folder, isTrainingFile).filter((message): message is TrainingMessage => message.split === 'tune' && message.where !== undefined && tunedMeetings.includes(message.where));
}

/** A hash of everything training reads for one language, and of the options, in the order training reads them. */
export function trainingHash(messages: readonly TrainingMessage[], locale: Locale, options: TrainingOptions): string {
  const input = messages.filter((message) => message.locale === locale).map((message) => [message.file, message.where, message.text, [...message.moves].sort(), [...message.vague].sort()]);
  return createHash('sha256').update(JSON.stringify({ options, input })).digest('hex');
}
