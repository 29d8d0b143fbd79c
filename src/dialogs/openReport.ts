import type { TurnContext } from 'botbuilder';
import { postedCardData, renderPostedCard } from '../cards/postedCard';
import type { ReportStore } from '../store/reportStore';
import { textsFor } from '../texts';
import { localeOf, sendCard, travellerOf } from './conversation';

/**
 * `Openen` under the drop-down of `mijn verslagen`: a posted report gets its own card (its
 * buttons); a draft is for the caller to resume (`draft`); nothing chosen, or a report that is
 * gone, gets one sentence (`none`). Only the traveller's own reports are found.
 */
export async function openChosenReport(
  context: TurnContext,
  reports: ReportStore,
  reportId: string | undefined,
): Promise<'shown' | 'draft' | 'none'> {
  const locale = localeOf(context);
  const texts = textsFor(locale);
  if (!reportId) {
    await context.sendActivity(texts.choiceLists.reportId.errorMessage);
    return 'none';
  }
  const report = await reports.get(travellerOf(context).id, reportId);
  if (!report) {
    await context.sendActivity(texts.reportGone);
    return 'none';
  }
  if (report.status === 'draft') return 'draft';
  await sendCard(context, renderPostedCard(postedCardData(report, locale, true)));
  return 'shown';
}
