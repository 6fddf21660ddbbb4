import { UserFacingError } from '../core/errors';
import type { Translate } from '../core/translator';
import { StorageUnavailableError, VersionConflictError } from '../storage/store';

/** The one kind line a person sees when a turn fails; never internal text. */
export function describeFailure(error: unknown, t: Translate): { readonly text: string; readonly expected: boolean } {
  if (error instanceof UserFacingError) return { text: t(error.messageKey, error.params), expected: true };
  if (error instanceof VersionConflictError) return { text: t('errors.conflict'), expected: true };
  if (error instanceof StorageUnavailableError) return { text: t('errors.storage'), expected: false };
  return { text: t('errors.unexpected'), expected: false };
}
