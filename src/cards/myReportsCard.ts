import { announceTextsFor } from '../announceTexts';
import { postDeepLink } from '../channel/deepLink';
import { formatDate } from '../report/dates';
import type { Catalogue } from '../report/catalogue';
import type { Locale } from '../report/locale';
import { titleOf, type Report } from '../report/report';
import { reportView } from '../report/reportView';
import { textsFor } from '../texts';
import { choiceList, MAX_CARD_ACTIONS, type ChoiceList } from './choiceCard';
import { cardSize, MAX_CARD_BYTES } from './cardSize';
import { cardTemplate, type AdaptiveCard } from './template';

/** One report in the list: title, dates and status, a link to its post, and what can be done. */
export interface MyReportRow {
  reportId: string;
  /** The trip's title as typed (a TextRun), or the words for "no title yet". */
  title: string;
  /** Period and status, a TextRun: the period is derived from the typed dates. */
  details: string;
  posted: boolean;
  link: string;
}

/**
 * The data of `cards/myReports.json`: the traveller's reports, newest first; each with its own
 * buttons (`rowButtons`) while the card stays within MAX_CARD_ACTIONS, else one drop-down of the
 * reports (`reports`) whose `Openen` shows the chosen report's own buttons.
 */
export interface MyReportsCardData {
  locale: Locale;
  title: string;
  rows: MyReportRow[];
  rowButtons: boolean;
  reports: ChoiceList;
  /** "De nieuwste 40 van je 90 verslagen" when not all fit on the card, else ''. */
  more: string;
  labels: { open: string; edit: string; download: string; resume: string; openReport: string };
}

/** The buttons of a report's row: `Wijzigen`, `Download` and the link to its post; or `Verdergaan`. */
function rowActions(row: MyReportRow): number {
  return row.posted ? (row.link !== '' ? 3 : 2) : 1;
}

const expandMyReportsCard = cardTemplate<MyReportsCardData>('myReports.json');

/**
 * Renders the traveller's list of reports, under Teams' size limit: when they do not all fit,
 * the newest that do, with a line saying how many there are.
 */
export function renderMyReportsCard(
  data: MyReportsCardData,
  maxBytes = MAX_CARD_BYTES,
): AdaptiveCard {
  const whole = expandMyReportsCard(data);
  if (cardSize(whole) <= maxBytes) return whole;
  const newest = (count: number) =>
    expandMyReportsCard({
      ...data,
      rows: data.rows.slice(0, count),
      reports: { ...data.reports, choices: data.reports.choices.slice(0, count) },
      more: textsFor(data.locale).newestReports(count, data.rows.length),
    });
  // The most rows that fit, found by halving the range.
  let fits = 1;
  let tooMany = data.rows.length;
  while (tooMany - fits > 1) {
    const middle = Math.floor((fits + tooMany) / 2);
    if (cardSize(newest(middle)) <= maxBytes) fits = middle;
    else tooMany = middle;
  }
  return newest(fits);
}

/** The list's data, in the order given (the store gives newest first). */
export function myReportsCardData(
  reports: Report[],
  catalogue: Catalogue,
  locale: Locale,
): MyReportsCardData {
  const texts = textsFor(locale);
  const rows = reports.map((report) => {
    const view = reportView(report, catalogue, locale);
    const status =
      report.status === 'posted' ? texts.statusPosted(report.version) : draftStatus(report, locale);
    return {
      reportId: report.id,
      title: view.title.text || texts.untitled,
      details: [view.period.text, status].filter((part) => part !== '').join(' · '),
      posted: report.status === 'posted',
      link: postDeepLink(report.post, report.tenantId),
    };
  });
  const rowButtons = rows.reduce((sum, row) => sum + rowActions(row), 0) <= MAX_CARD_ACTIONS;
  return {
    locale,
    title: texts.myReportsTitle,
    rows,
    rowButtons,
    reports: choiceList(
      'reportId',
      rowButtons
        ? []
        : reports.map((report, index) => ({
            // A drop-down shows plain text: the title as typed, with its dates and status.
            title: [titleOf(report) || texts.untitled, rows[index]!.details].join(' · '),
            value: report.id,
          })),
      locale,
    ),
    more: '',
    labels: {
      open: texts.openInChannel,
      edit: texts.edit,
      download: texts.downloadAsWord,
      resume: texts.resume,
      openReport: texts.openReport,
    },
  };
}

/** A draft's status: an announced trip not yet asked about shows its return date. */
function draftStatus(report: Report, locale: Locale): string {
  const announced = report.announced;
  if (announced && announced.nudge.sentAt.length === 0) {
    return announceTextsFor(locale).statusAnnounced(formatDate(announced.returnDate, locale));
  }
  return textsFor(locale).statusDraft;
}
