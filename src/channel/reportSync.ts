import type { Logger } from 'pino';
import { renderChannelCard } from '../cards/reportCard';
import type { Catalogue } from '../report/catalogue';
import { markSynced, needsSync, type Report } from '../report/report';
import type { ChannelStore } from '../store/channelStore';
import type { ReportStore } from '../store/reportStore';
import { textsFor } from '../texts';
import { PostGoneError, type ReportPublisher } from './reportPublisher';

/** Brings a posted report's channel card up to the stored version. */
export class ReportSync {
  constructor(
    private readonly reports: ReportStore,
    private readonly channels: ChannelStore,
    private readonly publisher: ReportPublisher,
    private readonly log: Logger,
    private readonly catalogue: Catalogue,
  ) {}

  /**
   * Updates the card in place (or posts it again as a new thread when the post was deleted),
   * replies in the thread what changed, and records the version the channel now shows. Returns
   * the stored report; throws when Teams cannot be reached, leaving the report marked behind.
   */
  async sync(report: Report, change?: string): Promise<Report> {
    const post = report.post;
    if (!post || !needsSync(report)) return report;
    const texts = textsFor(report.locale);
    const card = renderChannelCard(report, this.catalogue);
    let current = post;
    try {
      await this.publisher.update(post, card, texts.reportHeading);
    } catch (error) {
      if (!(error instanceof PostGoneError)) throw error;
      this.log.warn(
        { reportId: report.id, activityId: post.activityId },
        'post deleted; posting again',
      );
      current = {
        ...(await this.publisher.publish(post, card, texts.reportHeading)),
        syncedVersion: post.syncedVersion,
      };
      await this.channels.savePost({
        tenantId: report.tenantId ?? '',
        activityId: current.activityId,
        travellerId: report.travellerId,
        reportId: report.id,
      });
    }
    const stored = await this.reports.update(report.travellerId, report.id, (latest) =>
      markSynced(latest, current, report.version),
    );
    try {
      await this.publisher.reply(current, change ?? texts.updatedTo(report.version));
    } catch (error) {
      // The card shows the new version; the note in the thread is a courtesy.
      this.log.warn({ err: error, reportId: report.id }, 'could not reply in the thread');
    }
    return stored;
  }

  /** Retries every report whose card is behind (after Teams was unreachable); at start. */
  async syncAllPending(): Promise<number> {
    const pending = await this.reports.findNeedingSync();
    let synced = 0;
    for (const report of pending) {
      try {
        await this.sync(report);
        synced++;
      } catch (error) {
        this.log.warn({ err: error, reportId: report.id }, 'channel post still behind');
      }
    }
    return synced;
  }
}
