import { textReply, type Reply } from '../core/reply';
import type { Turn } from '../core/turn';
import { localDateOf } from '../schedules/calendar';
import { formatDate } from '../schedules/describe';
import { retryOnConflict } from '../storage/retry-on-conflict';
import type { ReflectionSettings } from './meeting';
import type { MeetingRepository } from './meeting-repository';

const pauseMs = 7 * 24 * 3_600_000;
type Choice = 'on' | 'pause' | 'stop' | 'status';

/** The words after `reflect after meetings` / `reflektera efter möten`, in either language. */
const choiceWords: Readonly<Record<string, Choice>> = {
  '': 'on', on: 'on', start: 'on', resume: 'on', på: 'on', starta: 'on', fortsätt: 'on',
  pause: 'pause', paus: 'pause', pausa: 'pause',
  stop: 'stop', off: 'stop', sluta: 'stop', stopp: 'stop', av: 'stop',
  status: 'status', läge: 'status',
};

/** On, and not paused at `now`. */
export function isActive(settings: ReflectionSettings | undefined, now: Date): boolean {
  if (settings?.status !== 'on') return false;
  return !settings.pausedUntil || Date.parse(settings.pausedUntil) <= now.getTime();
}

/** Opting in, pausing for a week and stopping, in the person's 1:1 chat. */
export class ReflectionSettingsService {
  constructor(private readonly repository: MeetingRepository, private readonly fallbackTimeZone: string) {}

  async command(turn: Turn, argument: string): Promise<readonly Reply[]> {
    const choice = choiceWords[argument];
    if (!choice) return [textReply(turn.t('meetings.settings.unknown', { typed: argument }))];
    const { t } = turn;
    if (choice === 'status') {
      const current = (await this.repository.settings(turn.actor.userKey))?.settings;
      return [textReply(t(isActive(current, turn.now) ? 'meetings.settings.statusOn' : 'meetings.settings.statusOff'))];
    }
    const pausedUntil = new Date(turn.now.getTime() + pauseMs);
    await this.save(turn, {
      status: choice === 'stop' ? 'off' : 'on',
      tenantId: turn.actor.tenantId,
      ...(choice === 'pause' ? { pausedUntil: pausedUntil.toISOString() } : {}),
      ...(turn.timeZone ? { timeZone: turn.timeZone } : {}),
      changedAt: turn.now.toISOString(),
    });
    if (choice === 'pause') return [textReply(t('meetings.settings.paused', { date: formatDate(localDateOf(pausedUntil, turn.timeZone ?? this.fallbackTimeZone), turn.locale) }))];
    return [textReply(t(choice === 'on' ? 'meetings.settings.on' : 'meetings.settings.off'))];
  }

  private async save(turn: Turn, settings: ReflectionSettings): Promise<void> {
    await retryOnConflict(1, async () => {
      const current = await this.repository.settings(turn.actor.userKey);
      await this.repository.saveSettings(turn.actor.userKey, settings, current?.version ?? 0);
    });
  }
}
