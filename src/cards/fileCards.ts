import type { Attachment, FileUploadInfo } from 'botbuilder';

/** The content type of Teams' file consent card (a bot asks to put a file in the user's OneDrive). */
export const FILE_CONSENT_CARD = 'application/vnd.microsoft.teams.card.file.consent';
/** The content type of Teams' file info card (a file in the user's OneDrive, opened with a click). */
export const FILE_INFO_CARD = 'application/vnd.microsoft.teams.card.file.info';

/** What the bot gets back from Teams when the user accepts or declines: the report asked for. */
export interface FileConsentContext {
  reportId: string;
}

/**
 * The card on which the user allows the bot to save a file in their OneDrive; Teams answers with
 * a `fileConsent/invoke` carrying `context` and, on accept, where to upload.
 */
export function fileConsentCard(
  fileName: string,
  sizeInBytes: number,
  description: string,
  context: FileConsentContext,
): Attachment {
  return {
    contentType: FILE_CONSENT_CARD,
    name: fileName,
    content: {
      description,
      sizeInBytes,
      acceptContext: context,
      declineContext: context,
    },
  };
}

/** The card that shows an uploaded file in the chat, as Teams' upload info names it. */
export function fileInfoCard(upload: FileUploadInfo): Attachment {
  return {
    contentType: FILE_INFO_CARD,
    contentUrl: upload.contentUrl,
    name: upload.name,
    content: { uniqueId: upload.uniqueId, fileType: upload.fileType },
  };
}
