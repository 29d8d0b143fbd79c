// The same-trip record: when a posted report names colleagues picked in Teams' people picker
// (they have an Entra object id), each of them gets a small record in their own partition of the
// `sameTrips` container. When that colleague later types `nieuw verslag`, one single-partition
// query on their own id finds the reports they were named in, and the bot tells them a report of
// the trip is already in the channel. Typed names have no id and get no record.
//
// The records are derived from the report alone (this file), so writing them is idempotent: the
// same report version always gives the same records, and a redelivered activity or a second sync
// writes them again rather than adding any.
import { daysBetween } from './dates';
import { isPublished, titleOf, type Answer, type Report } from './report';

/** The catalogue key of the co-travellers question. */
export const CO_TRAVELLERS_KEY = 'coTravellers';

// The catalogue's keys of the answers a record copies (see reportView.ts).
const DESTINATION_KEY = 'destination';
const PERIOD_KEY = 'duration';

/** The answers whose change rewrites the records: who went, and what names the trip. */
export const SAME_TRIP_KEYS: readonly string[] = [
  CO_TRAVELLERS_KEY,
  'title',
  'destination',
  PERIOD_KEY,
];

/** How many days after a trip's end a colleague is still told of its report. */
export const SAME_TRIP_NOTICE_DAYS = 120;

/** Where a report's post lives in Teams: enough for a deep link to it (see channel/deepLink.ts). */
export interface SameTripPost {
  channelId: string;
  activityId: string;
  postedAt: string;
  teamName?: string;
  channelName?: string;
  teamAadGroupId?: string;
}

/**
 * One colleague named as co-traveller in one posted report: one document in `sameTrips`, id the
 * report's id, partitioned by the colleague's Entra object id. It holds colleagues' names and trip
 * titles (see SECURITY.md); the container's time to live removes it some months after its last write.
 */
export interface SameTripRecord {
  /** The co-traveller's Entra object id; the partition key. */
  colleagueId: string;
  reportId: string;
  /** The report version the record was made from; an older version never overwrites a newer. */
  reportVersion: number;
  /** The author's Entra object id and display name. */
  travellerId: string;
  travellerName: string;
  tenantId?: string;
  title: string;
  destination: string;
  /** ISO dates of the trip as the traveller gave them; absent for a trip typed as a duration only. */
  departure?: string;
  return?: string;
  /**
   * The ISO date the trip counts as ended for the notice: its return date, else the day it was
   * posted. The field the lookup filters on.
   */
  endsOn: string;
  post: SameTripPost;
  /** When Teams took the post. */
  postedAt: string;
  /** When the colleague chose to write their own report anyway: not shown again. */
  seenAt?: string;
}

/** What a posted report's records should be now: those to keep, and the colleagues to drop. */
export interface SameTripChanges {
  /** A record for each picked colleague now named (not the author); empty before the post landed. */
  keep: SameTripRecord[];
  /** Colleagues named in an earlier version and no longer: their record of this report goes. */
  drop: string[];
}

// An Entra object id is a GUID; anything else in a picker's submit is not a picked colleague.
const ENTRA_OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when `id` has the form of an Entra object id (a GUID). */
export function isEntraObjectId(id: string): boolean {
  return ENTRA_OBJECT_ID.test(id);
}

/**
 * The records a report should have now. Only a report Teams has taken (it has a thread) keeps
 * records; every colleague picked in some version (the history's old and new answers) and not
 * picked now is dropped, so a colleague taken off the list loses the record even when an earlier
 * removal was missed.
 */
export function sameTripChanges(report: Report): SameTripChanges {
  const now = pickedIn(report.answers[CO_TRAVELLERS_KEY], report.travellerId);
  const ever = new Set(now);
  for (const entry of report.history) {
    if (entry.key !== CO_TRAVELLERS_KEY) continue;
    for (const id of pickedIn(entry.old, report.travellerId)) ever.add(id);
    for (const id of pickedIn(entry.new, report.travellerId)) ever.add(id);
  }
  const post = report.post;
  const published = report.status === 'posted' && isPublished(post);
  const keep = published ? now.map((colleagueId) => recordFor(report, colleagueId)) : [];
  const kept = new Set(keep.map((record) => record.colleagueId));
  return { keep, drop: [...ever].filter((id) => !kept.has(id)) };
}

/** The first ISO date from which a trip's end still counts as recent on `today` (ISO date). */
export function noticeSince(today: string, days: number = SAME_TRIP_NOTICE_DAYS): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/**
 * The records to tell a colleague about, newest post first: of their tenant, not seen, not their
 * own report, and of a trip that ended on or after `since`.
 */
export function recordsToNotice(
  records: readonly SameTripRecord[],
  colleague: { id: string; tenantId?: string },
  since: string,
): SameTripRecord[] {
  return records
    .filter(
      (record) =>
        record.colleagueId === colleague.id &&
        record.travellerId !== colleague.id &&
        record.seenAt === undefined &&
        daysBetween(since, record.endsOn) >= 0 &&
        (colleague.tenantId === undefined || record.tenantId === colleague.tenantId),
    )
    .sort((a, b) => b.postedAt.localeCompare(a.postedAt));
}

function recordFor(report: Report, colleagueId: string): SameTripRecord {
  const post = report.post as NonNullable<Report['post']> & SameTripPost;
  const period = report.answers[PERIOD_KEY];
  const dates = period?.type === 'dateRange' ? period : undefined;
  const postedOn = post.postedAt.slice(0, 10);
  return {
    colleagueId,
    reportId: report.id,
    reportVersion: report.version,
    travellerId: report.travellerId,
    travellerName: report.travellerName,
    ...(report.tenantId ? { tenantId: report.tenantId } : {}),
    title: titleOf(report),
    destination: textOf(report.answers[DESTINATION_KEY]),
    ...(dates?.departure ? { departure: dates.departure } : {}),
    ...(dates?.return ? { return: dates.return } : {}),
    endsOn: dates?.return ?? postedOn,
    post: {
      channelId: post.channelId,
      activityId: post.activityId,
      postedAt: post.postedAt,
      ...(post.teamName ? { teamName: post.teamName } : {}),
      ...(post.channelName ? { channelName: post.channelName } : {}),
      ...(post.teamAadGroupId ? { teamAadGroupId: post.teamAadGroupId } : {}),
    },
    postedAt: post.postedAt,
  };
}

/** The distinct Entra object ids picked in a colleagues answer, without the author's own. */
function pickedIn(answer: Answer | undefined, authorId: string): string[] {
  if (answer?.type !== 'colleagues') return [];
  const ids = answer.colleagues
    .map((colleague) => colleague.aadObjectId?.toLowerCase())
    .filter(
      (id): id is string =>
        id !== undefined && isEntraObjectId(id) && id !== authorId.toLowerCase(),
    );
  return [...new Set(ids)];
}

function textOf(answer: Answer | undefined): string {
  return answer?.type === 'shortText' ? answer.text : '';
}
