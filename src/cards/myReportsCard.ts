import { postDeepLink } from '../channel/deepLink';
import type { Catalogue } from '../report/catalogue';
import type { Locale } from '../report/locale';
import type { Report } from '../report/report';
import { reportView } from '../report/reportView';
import { textsFor } from '../texts';
import { literal } from './markdown';
import { cardTemplate } from './template';

/** One report in the list: title, dates and status, a link to its post, and what can be done. */
export interface MyReportRow {
  reportId: string;
  title: string;
  details: string;
  posted: boolean;
  link: string;
}

/** The data of `cards/myReports.json`: the traveller's reports, newest first. */
export interface MyReportsCardData {
  title: string;
  rows: MyReportRow[];
  labels: { open: string; edit: string; download: string; resume: string };
}

/** Renders the traveller's list of reports. */
export const renderMyReportsCard = cardTemplate<MyReportsCardData>('myReports.json');

/** The list's data, in the order given (the store gives newest first). */
export function myReportsCardData(
  reports: Report[],
  catalogue: Catalogue,
  locale: Locale,
): MyReportsCardData {
  const texts = textsFor(locale);
  return {
    title: texts.myReportsTitle,
    rows: reports.map((report) => {
      const view = reportView(report, catalogue, locale);
      const status =
        report.status === 'posted' ? texts.statusPosted(report.version) : texts.statusDraft;
      return {
        reportId: report.id,
        title: literal(view.title.text) || texts.untitled,
        details: [view.period.text, status].filter((part) => part !== '').join(' · '),
        posted: report.status === 'posted',
        link: postDeepLink(report.post, report.tenantId),
      };
    }),
    labels: {
      open: texts.openInChannel,
      edit: texts.edit,
      download: texts.downloadAsWord,
      resume: texts.resume,
    },
  };
}
