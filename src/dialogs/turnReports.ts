import type { TurnContext } from 'botbuilder';
import type { Report } from '../report/report';
import type { ReportStore } from '../store/reportStore';
import { travellerOf } from './conversation';

const TURN_REPORTS = 'reisverslag.turnReports';

/** Keeps a report this turn read or wrote, so that a later step of the turn need not read it. */
export function keepReport(context: TurnContext, report: Report): Report {
  reportsOfTurn(context).set(report.id, report);
  return report;
}

/**
 * The traveller's report: as this turn last read or wrote it, else read from the store (and
 * kept). Undefined when the traveller has no report with this id.
 */
export async function loadReport(
  context: TurnContext,
  reports: ReportStore,
  reportId: string,
): Promise<Report | undefined> {
  const kept = keptReport(context, reportId);
  if (kept) return kept;
  const read = await reports.get(travellerOf(context).id, reportId);
  return read && keepReport(context, read);
}

/** The report as this turn last read or wrote it; undefined when it did neither. */
export function keptReport(context: TurnContext, reportId: string): Report | undefined {
  return reportsOfTurn(context).get(reportId);
}

function reportsOfTurn(context: TurnContext): Map<string, Report> {
  let kept = context.turnState.get(TURN_REPORTS) as Map<string, Report> | undefined;
  if (!kept) {
    kept = new Map();
    context.turnState.set(TURN_REPORTS, kept);
  }
  return kept;
}
