import { todayIn } from '../report/dates';
import { isPublished, type Report } from '../report/report';
import { DEFAULT_TIME_ZONE } from '../report/zonedTime';

// Dates in a published report are the municipality's calendar days.
const REPORT_TIME_ZONE = DEFAULT_TIME_ZONE;

/**
 * The date a report is filed under (ISO `YYYY-MM-DD`): the trip's departure, or, for a trip
 * given as a duration only, the day it was posted (in The Hague), else the day it was created.
 */
export function tripDate(report: Report): string {
  const duration = report.answers.duration;
  if (duration?.type === 'dateRange' && duration.departure) return duration.departure;
  const posted = new Date(postedAt(report) ?? report.createdAt);
  return Number.isNaN(posted.getTime()) ? '0000-00-00' : todayIn(REPORT_TIME_ZONE, posted);
}

/** When the report was posted, as local time in The Hague: `2024-03-21 10:15`; empty if never. */
export function postedAtLocal(report: Report): string {
  const posted = new Date(postedAt(report) ?? '');
  if (Number.isNaN(posted.getTime())) return '';
  const parts = postedFormat.formatToParts(posted);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

const postedFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: REPORT_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** True when the report's trip date (see tripDate) lies within `from`–`to`, both included. */
export function inDateRange(report: Report, from?: string, to?: string): boolean {
  const date = tripDate(report);
  return (from === undefined || date >= from) && (to === undefined || date <= to);
}

/** When Teams took the post; when it was asked for while on its way; undefined for a draft. */
function postedAt(report: Report): string | undefined {
  const post = report.post;
  if (!post) return undefined;
  return isPublished(post) ? post.postedAt : post.requestedAt;
}
