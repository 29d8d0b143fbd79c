import { postDeepLink } from '../channel/deepLink';
import { findQuestion } from '../report/catalogue';
import { formatAnswer } from '../report/formatAnswer';
import type { Locale } from '../report/locale';
import type { Report } from '../report/report';
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
export function myReportsCardData(reports: Report[], locale: Locale): MyReportsCardData {
  const texts = textsFor(locale);
  const shown = (report: Report, key: string): string => {
    const question = findQuestion(key);
    const answer = report.answers[key];
    return question && answer ? formatAnswer(question, answer, locale).text : '';
  };
  return {
    title: texts.myReportsTitle,
    rows: reports.map((report) => {
      const status =
        report.status === 'posted' ? texts.statusPosted(report.version) : texts.statusDraft;
      return {
        reportId: report.id,
        title: literal(shown(report, 'title')) || texts.untitled,
        details: [shown(report, 'duration'), status].filter((part) => part !== '').join(' · '),
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
