import type { Locale } from '../report/locale';
import { textsFor } from '../texts';
import { cardTemplate } from './template';

/** What came of a file consent card: the file saved, the upload failed, or the user declined. */
export type FileConsentOutcome = 'saved' | 'failed' | 'declined';

/**
 * The data of `cards/fileConsentAnswered.json`: what replaces a file consent card once it is
 * answered, so that its Allow and Decline cannot be pressed again.
 */
export interface FileConsentAnsweredCardData {
  heading: string;
  /** Shown as a TextRun: no markdown, whatever the report's title made of the name. */
  fileName: string;
  outcome: string;
}

/** Renders the answered file consent card. */
export const renderFileConsentAnsweredCard = cardTemplate<FileConsentAnsweredCardData>(
  'fileConsentAnswered.json',
);

/** The answered card's data: the file and what happened to it. */
export function fileConsentAnsweredCardData(
  fileName: string,
  outcome: FileConsentOutcome,
  locale: Locale,
): FileConsentAnsweredCardData {
  const texts = textsFor(locale);
  const outcomes: Record<FileConsentOutcome, string> = {
    saved: texts.fileConsentSaved,
    failed: texts.fileConsentFailed,
    declined: texts.fileConsentDeclined,
  };
  return { heading: texts.wordFile, fileName, outcome: outcomes[outcome] };
}
