import type { CardChoice } from '../cards/card-parts';
import { cardTemplate, cardView, type CardView } from '../cards/card-view';
import { cardReply, textReply, type ActionOutcome, type Reply } from '../core/reply';
import type { Turn } from '../core/turn';
import { findZone, isKnownZone, zoneChoices } from '../schedules/time-zones';
import type { UserSettingsRepository } from './user-settings';

/** The personal time zone picker; the input id `timeZone` is read back by saveFromCard. */
export interface TimeZoneCardData {
  readonly title: string;
  readonly notice: string;
  readonly intro: string;
  readonly label: string;
  readonly value: string;
  readonly choices: readonly CardChoice[];
  readonly hint: string;
  readonly saveTitle: string;
}

export const timeZoneCard = cardTemplate<TimeZoneCardData>('time-zone');

/** "time zone" / "tidszon": a person sets their own zone when their Teams client sends none (or the wrong one). */
export class TimeZoneService {
  constructor(
    private readonly settings: UserSettingsRepository,
    private readonly fallbackTimeZone: string,
  ) {}

  /** "time zone" shows the picker; "time zone new york" or "time zone Europe/Oslo" saves at once. */
  async fromCommand(turn: Turn, argument: string): Promise<readonly Reply[]> {
    if (argument.trim() === '') return [cardReply(await this.view(turn, ''))];
    const zone = findZone(argument);
    if (!zone) return [textReply(turn.t('timezones.unknown')), cardReply(await this.view(turn, ''))];
    await this.save(turn, zone);
    return [textReply(turn.t('timezones.saved', { zone }))];
  }

  async saveFromCard(turn: Turn, data: Readonly<Record<string, unknown>>): Promise<ActionOutcome> {
    const zone = typeof data.timeZone === 'string' ? data.timeZone.trim() : '';
    if (!isKnownZone(zone)) return { update: await this.view(turn, turn.t('timezones.problem')) };
    await this.save(turn, zone);
    return { update: await this.view(turn, turn.t('timezones.saved', { zone }), zone) };
  }

  private async save(turn: Turn, zone: string): Promise<void> {
    await this.settings.update(turn.actor.userKey, { timeZone: zone, timeZoneChosen: true });
  }

  private async view(turn: Turn, notice: string, saved?: string): Promise<CardView> {
    const { t } = turn;
    const chosen = saved !== undefined || (await this.settings.get(turn.actor.userKey)).timeZoneChosen === true;
    const zone = saved ?? turn.timeZone ?? this.fallbackTimeZone;
    const state = chosen ? 'chosen' : turn.timeZone ? 'reported' : 'unknown';
    return cardView(timeZoneCard, {
      title: t('timezones.card.title'),
      notice,
      intro: t(`timezones.card.intro.${state}`, { zone }),
      label: t('timezones.card.label'),
      value: zone,
      choices: zoneChoices(turn.now, [zone]),
      hint: t('timezones.card.hint'),
      saveTitle: t('timezones.card.save'),
    });
  }
}
