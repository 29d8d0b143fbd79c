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

const TRAVELLER_LISTED = 'reisverslag.travellerListed';

/** The traveller's reports, newest (by updatedAt) first, listed from the store and kept. */
export async function listTravellerReports(
  context: TurnContext,
  reports: Pick<ReportStore, 'listByTraveller'>,
): Promise<Report[]> {
  const listed = await reports.listByTraveller(travellerOf(context).id);
  for (const report of listed) keepReport(context, report);
  context.turnState.set(TRAVELLER_LISTED, true);
  return listed;
}

/**
 * The traveller's most recently updated draft: from the reports this turn listed already (the
 * chat's first activity lists them), else from the store.
 */
export async function findLatestDraft(
  context: TurnContext,
  reports: Pick<ReportStore, 'findLatestDraft'>,
): Promise<Report | undefined> {
  if (context.turnState.get(TRAVELLER_LISTED) !== true) {
    return reports.findLatestDraft(travellerOf(context).id);
  }
  const drafts = [...reportsOfTurn(context).values()].filter(
    (report) => report.status === 'draft' && report.travellerId === travellerOf(context).id,
  );
  return drafts.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
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
