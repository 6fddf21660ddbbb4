import type { Collections } from '../collect/collections';
import type { ThemeCatalog } from '../content/themes';
import { UserFacingError } from '../core/errors';
import type { Locale } from '../core/locale';
import type { Translator } from '../core/translator';
import type { DeliveryQueue } from '../delivery/delivery';
import type { ExportOffers } from '../exports/export-offers';
import type { UserSettingsRepository } from '../home/user-settings';
import type { Logger } from '../logger';
import type { CheckinSchedule } from './checkin';
import type { CheckinRepository } from './checkin-repository';
import type { Reader } from './checkin-views';
import { customSet, customSetId, type QuestionSet, type QuestionSetCatalog } from './question-sets';

/** Everything the check-in services share, built once at the composition root. */
export interface CheckinDependencies {
  readonly repository: CheckinRepository;
  readonly collections: Collections;
  readonly catalog: QuestionSetCatalog;
  readonly themes: ThemeCatalog;
  readonly queue: DeliveryQueue;
  readonly settings: UserSettingsRepository;
  readonly translator: Translator;
  /** Entra object ids of people who may schedule; empty means anyone. */
  readonly schedulers: readonly string[];
  /** The conversation key of a person's personal chat with the bot, where their summary cards live. */
  readonly personalChatOf: (userKey: string) => Promise<string | undefined>;
  readonly logger: Logger;
  /** Hands the CSV exports to the owner as files, in their 1:1 chat. */
  readonly exports: ExportOffers;
  /** Answers arriving within this window update the owner's summary card once (default 5 s). */
  readonly refreshEveryMs?: number;
  /** Where no zone is known at all. */
  readonly fallbackTimeZone?: string;
}

/** The questions of a schedule: a content set, or the manager's own. */
export function questionSetOf(deps: CheckinDependencies, schedule: Pick<CheckinSchedule, 'questionSetId' | 'custom'>): QuestionSet {
  if (schedule.questionSetId === customSetId && schedule.custom) return customSet(schedule.custom);
  const set = deps.catalog.find(schedule.questionSetId);
  if (!set) throw new UserFacingError('checkins.errors.setGone');
  return set;
}

/** A person's language and zone as they chose or Teams last told us, for messages sent outside a turn. */
export async function readerFor(deps: CheckinDependencies, userKey: string, fallback: { locale: Locale; timeZone: string }, now: Date): Promise<Reader> {
  const settings = await deps.settings.get(userKey);
  const locale = settings.locale ?? fallback.locale;
  return { t: deps.translator.forLocale(locale), locale, timeZone: settings.timeZone ?? fallback.timeZone, now };
}

/** Delivery payloads carry only ids. */
export function occurrenceIdFrom(payload: Readonly<Record<string, unknown>>): string {
  return typeof payload.occurrenceId === 'string' ? payload.occurrenceId : '';
}
