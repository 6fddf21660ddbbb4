import { resultsVisible } from '../collect/collection';
import { UserFacingError } from '../core/errors';
import { csvFile, fileBaseName, type FileExport } from '../exports/file-export';
import type { CheckinSchedule } from './checkin';
import { questionSetOf, type CheckinDependencies } from './checkin-context';
import { exportCsv, type ExportedOccurrence } from './checkin-results';
import { setTitle, type Reader } from './checkin-views';

/** The CSV export of a schedule's answers, as a file. */
export class CheckinExports {
  constructor(private readonly deps: CheckinDependencies) {}

  async exportFile(schedule: CheckinSchedule, reader: Reader): Promise<FileExport> {
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
    const title = setTitle(set, reader);
    const description = reader.t(schedule.anonymous ? 'checkins.export.descriptionAnonymous' : 'checkins.export.description', { title });
    return csvFile(fileBaseName(reader.t('checkins.export.filePrefix'), title, reader.now), exportCsv(schedule, set, occurrences, reader), description);
  }
}
