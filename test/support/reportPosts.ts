import { isPublished, type ChannelPost, type Report } from '../../src/report/report';

/** The report's thread in the channel once Teams took the post; undefined before (or no report). */
export function threadOf(report: Report | undefined): ChannelPost | undefined {
  return isPublished(report?.post) ? report.post : undefined;
}

/** The report as posted in the channel at `post` (a fixture: the bot posts through ReportSync). */
export function postedAt(report: Report, post: ChannelPost): Report {
  return { ...report, status: 'posted', post, updatedAt: post.postedAt };
}
