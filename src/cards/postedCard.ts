import { postDeepLink } from '../channel/deepLink';
import type { Locale } from '../report/locale';
import type { Report } from '../report/report';
import { textsFor } from '../texts';
import { cardTemplate } from './template';
import { sentence, sentenceText, speakable, type TextPart } from './userText';

/** The data of `cards/posted.json`: the confirmation after posting, with `Wijzigen` and `Downloaden als Word`. */
export interface PostedCardData {
  /** Where the report went, with the team's and channel's names in runs of their own. */
  message: TextPart[];
  /** The message for a screen reader (SSML, so XML-escaped). */
  spoken: string;
  reportId: string;
  link: string;
  labels: { edit: string; download: string; open: string };
}

/** Renders the confirmation that the report is in the channel. */
export const renderPostedCard = cardTemplate<PostedCardData>('posted.json');

/**
 * The confirmation's data: where the report went, the way to change it and to download it.
 * `opened`: the same card for a report chosen in `mijn verslagen`, saying where it is.
 */
export function postedCardData(report: Report, locale: Locale, opened = false): PostedCardData {
  const texts = textsFor(locale);
  const message = sentence(
    opened ? texts.postedReportOpened : texts.posted,
    report.post?.teamName ?? texts.unknownTeam,
    report.post?.channelName ?? texts.unknownChannel,
  );
  return {
    message,
    spoken: speakable(sentenceText(message)),
    reportId: report.id,
    link: postDeepLink(report.post, report.tenantId),
    labels: { edit: texts.edit, download: texts.downloadAsWord, open: texts.openInChannel },
  };
}
