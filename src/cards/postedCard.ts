import { postDeepLink } from '../channel/deepLink';
import type { Locale } from '../report/locale';
import type { Report } from '../report/report';
import { textsFor } from '../texts';
import { literal } from './markdown';
import { cardTemplate } from './template';

/** The data of `cards/posted.json`: the confirmation after posting, with `Bewerken` and `Download als Word`. */
export interface PostedCardData {
  message: string;
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
  return {
    message: (opened ? texts.postedReportOpened : texts.posted)(
      literal(report.post?.teamName ?? texts.unknownTeam),
      literal(report.post?.channelName ?? texts.unknownChannel),
    ),
    reportId: report.id,
    link: postDeepLink(report.post, report.tenantId),
    labels: { edit: texts.edit, download: texts.downloadAsWord, open: texts.openInChannel },
  };
}
