import type { TurnContext } from 'botbuilder';
import { choiceCardData, renderChoiceCard } from '../cards/choiceCard';
import { titleOf, type Report } from '../report/report';
import type { ReportStore } from '../store/reportStore';
import { textsFor } from '../texts';
import { localeOf, sendCard, travellerOf } from './conversation';
import type { CardActions } from './turnInput';
import { loadReport } from './turnReports';

/**
 * The acting traveller's posted report with this id, as this turn last read or wrote it. Reports
 * are read in the traveller's own partition, so someone else's report id (or a draft) finds
 * nothing: undefined.
 */
export async function ownPostedReport(
  context: TurnContext,
  reports: ReportStore,
  reportId: string,
): Promise<Report | undefined> {
  const report = await loadReport(context, reports, reportId);
  return report?.status === 'posted' ? report : undefined;
}

/** The acting traveller's posted reports, newest first. */
export async function postedReportsOf(
  context: TurnContext,
  reports: ReportStore,
): Promise<Report[]> {
  const own = await reports.listByTraveller(travellerOf(context).id);
  return own.filter((report) => report.status === 'posted');
}

/**
 * Asks which of these reports (by title) `action` is for: a button a report, or for more
 * reports a drop-down with one button; either submits `action` with the chosen `reportId`.
 */
export async function sendReportChoice(
  context: TurnContext,
  message: string,
  reports: Report[],
  action: typeof CardActions.edit | typeof CardActions.download,
): Promise<void> {
  const locale = localeOf(context);
  const texts = textsFor(locale);
  await sendCard(
    context,
    renderChoiceCard(
      choiceCardData({
        message,
        field: 'reportId',
        options: reports.map((report) => ({
          title: titleOf(report) || texts.untitled,
          value: report.id,
        })),
        submit: {
          title: action === 'download' ? texts.downloadAsWord : texts.change,
          data: { action },
        },
        locale,
      }),
    ),
  );
}
