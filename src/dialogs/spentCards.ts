import type { TurnContext } from 'botbuilder';
import { postedCardData, renderPostedCard } from '../cards/postedCard';
import { appliedEdit, isPublished, type Report } from '../report/report';
import type { ReportStore } from '../store/reportStore';
import { textsFor } from '../texts';
import { localeOf, sendCard } from './conversation';
import { ownPostedReport } from './postedReports';
import { CardActions, type CardAction } from './turnInput';

/** The confirmation card of a posted report, or the channel it is on its way to. */
export async function sayWherePosted(context: TurnContext, report: Report): Promise<void> {
  const locale = localeOf(context);
  const texts = textsFor(locale);
  if (isPublished(report.post)) {
    await sendCard(context, renderPostedCard(postedCardData(report, locale)));
    return;
  }
  await context.sendActivity(
    texts.postInProgress(
      report.post?.teamName ?? texts.unknownTeam,
      report.post?.channelName ?? texts.unknownChannel,
    ),
  );
}

/**
 * Answers a button whose work is done already: `Plaatsen in kanaal` of a posted report, or the
 * confirmation of an edit that is applied. Teams sends an activity again when a turn took over
 * 15 s, and people press twice; either finds it done, changes nothing and says so. False when
 * the button is not spent.
 */
export async function answerSpentCard(
  context: TurnContext,
  reports: ReportStore,
  action: CardAction,
): Promise<boolean> {
  const spendable = action.action === CardActions.post || action.action === CardActions.confirmEdit;
  if (!spendable || !action.reportId) return false;
  const report = await ownPostedReport(context, reports, action.reportId);
  if (!report) return false;
  if (action.action === CardActions.post) {
    await sayWherePosted(context, report);
    return true;
  }
  const applied = action.editId ? appliedEdit(report, action.editId) : undefined;
  if (!applied) return false;
  await context.sendActivity(textsFor(localeOf(context)).editAlreadySaved(applied.version));
  return true;
}
