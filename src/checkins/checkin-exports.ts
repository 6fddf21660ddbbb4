import { resultsVisible } from '../collect/collection';
import { codeBlock } from '../collect/safe-text';
import { UserFacingError } from '../core/errors';
import type { CheckinSchedule } from './checkin';
import { questionSetOf, type CheckinDependencies } from './checkin-context';
import { exportCsv, type ExportedOccurrence } from './checkin-results';
import { setTitle, type Reader } from './checkin-views';

// A Teams message holds about 28 KB; the CSV stops well before that and says so.
const maxCsvChars = 20_000;

/** The CSV export of a schedule's answers, as a message. */
export class CheckinExports {
  constructor(private readonly deps: CheckinDependencies) {}

  async csvMessage(schedule: CheckinSchedule, reader: Reader): Promise<string> {
    const set = questionSetOf(this.deps, schedule);
    const occurrences: ExportedOccurrence[] = [];
    for (const occurrence of await this.deps.repository.occurrencesOf(schedule.id)) {
      if (!occurrence.collectionId) continue;
      try {
        const collection = await this.deps.collections.get(occurrence.collectionId);
        const sheet = await this.deps.collections.sheet(collection);
        occurrences.push({ date: occurrence.date, sheet, visible: resultsVisible({ ...collection, status: 'closed' }, sheet.respondents) });
      } catch (error) {
        if (!(error instanceof UserFacingError)) throw error;
      }
    }
    const csv = exportCsv(schedule, set, occurrences, reader);
    const shown = csv.length > maxCsvChars ? `${csv.slice(0, csv.lastIndexOf('\r\n', maxCsvChars))}` : csv;
    const heading = reader.t(schedule.anonymous ? 'checkins.export.headingAnonymous' : 'checkins.export.heading', { title: setTitle(set, reader) });
    const cut = shown.length < csv.length ? `\n\n${reader.t('checkins.export.truncated')}` : '';
    return `${heading}\n\n${codeBlock(shown, 'csv')}${cut}`;
  }
}
