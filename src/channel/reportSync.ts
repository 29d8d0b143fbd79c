import type { Logger } from 'pino';
import { renderChannelCard } from '../cards/reportCard';
import type { Catalogue } from '../report/catalogue';
import { postedCardData, renderPostedCard } from '../cards/postedCard';
import { sendCard } from '../dialogs/conversation';
import type { AdaptiveCard } from '../cards/template';
import {
  isPublished,
  isSyncClaimed,
  markSynced,
  needsSync,
  titleOf,
  withSyncClaimed,
  withChannelUnavailable,
  withSyncFailure,
  type ChannelAddress,
  type ChannelPost,
  type Report,
  type ReportPost,
  type SyncStopped,
} from '../report/report';
import type { ChannelStore } from '../store/channelStore';
import type { ReportStore } from '../store/reportStore';
import { RECORD_LOCALE } from '../report/locale';
import { textsFor } from '../texts';
import { plainMessage } from '../turn/plainMessage';
import type { OpenPersonalChat } from './personalChat';
import type { SameTripRecorder } from './sameTripRecorder';
import {
  ChannelRefusedError,
  PostGoneError,
  publishTargetOf,
  type PublishTarget,
  type ReportPublisher,
} from './reportPublisher';

/**
 * Tries to bring a card up to date before the bot gives up on it: the try in the edit's turn,
 * then one every 5 minutes (src/index.ts) for about an hour.
 */
export const MAX_SYNC_ATTEMPTS = 12;

/** How ReportSync tells an author that their report's post is no longer updated. */
export interface ReportSyncOptions {
  /** Reaches the author in their personal chat; without it, the author is not told. */
  openPersonalChat?: OpenPersonalChat;
  /** Failed tries of one version before the bot gives up; default MAX_SYNC_ATTEMPTS. */
  maxAttempts?: number;
  now?: () => Date;
  /** Keeps the co-travellers' same-trip records current after each post and update; absent: none. */
  sameTrips?: SameTripRecorder;
}

/**
 * Thrown by `sync` when it has just given up on the report's post (its author is told in their
 * personal chat): the edit is stored, and the channel will not show it.
 */
export class SyncStoppedError extends Error {
  constructor(
    readonly reportId: string,
    readonly stopped: SyncStopped,
    cause: unknown,
  ) {
    super(
      stopped.reason === 'channelUnavailable'
        ? `Report ${reportId}: Teams refused a new post in its channel, so its post is no longer ` +
            'updated; add the app to the team again, or move the report channel with ' +
            '"@Reisverslag gebruik dit kanaal", then edit the report to post it again.'
        : `Report ${reportId}: every try to update its channel post failed, so it is no ` +
            'longer retried; see the earlier warnings for why, then edit the report to try again.',
      { cause },
    );
    this.name = 'SyncStoppedError';
  }
}

/** Brings a posted report's channel card up to the stored version. */
export class ReportSync {
  private readonly maxAttempts: number;
  private readonly now: () => Date;

  constructor(
    private readonly reports: ReportStore,
    private readonly channels: ChannelStore,
    private readonly publisher: ReportPublisher,
    private readonly log: Logger,
    private readonly catalogue: Catalogue,
    private readonly options: ReportSyncOptions = {},
  ) {
    this.maxAttempts = options.maxAttempts ?? MAX_SYNC_ATTEMPTS;
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Posts a report on its way to the channel; or updates the card in place (posting it again as
   * a new thread, with a note, when the post was deleted) and replies in the thread what changed.
   * The card, its notification text and the notes are the record, so in RECORD_LOCALE.
   * Records the version the channel now shows and returns the stored report. When Teams cannot
   * be reached it counts the failure and throws, leaving the report behind; when Teams refuses
   * even a new post, or the failures reach the cap, it stops trying that version, tells the
   * author, and throws SyncStoppedError.
   */
  async sync(report: Report): Promise<Report> {
    const post = report.post;
    if (!post || !needsSync(report)) return report;
    const texts = textsFor(RECORD_LOCALE);
    const card = renderChannelCard(report, this.catalogue);
    const change = this.changeNote(report);
    let shown: ChannelPost;
    let notes: string[];
    try {
      if (!isPublished(post)) {
        shown = await this.publish(report, post, card);
        notes = [];
      } else {
        try {
          await this.publisher.update(post, card, summaryOf(report));
          shown = post;
          notes = [change];
        } catch (error) {
          if (!(error instanceof PostGoneError)) throw error;
          this.log.warn(
            { reportId: report.id, activityId: post.activityId },
            'post deleted; posting again',
          );
          shown = {
            ...(await this.publish(report, post, card)),
            syncedVersion: post.syncedVersion,
          };
          notes = [texts.replacesDeletedPost, change];
        }
      }
    } catch (error) {
      await this.failed(report, error);
      throw error;
    }
    // The report as given is usually current (its ETag saves a read); if not, it is read again.
    const stored = await this.reports.update(
      report.travellerId,
      report.id,
      (latest) => markSynced(latest, shown, report.version),
      report,
    );
    await this.rememberPost(stored, shown);
    // Only now that Teams has the post: written in the background (see SameTripRecorder).
    this.options.sameTrips?.recordLater(stored);
    for (const note of notes) {
      try {
        await this.publisher.reply(shown, note);
      } catch (error) {
        // The card shows the new version; the note in the thread is a courtesy.
        this.log.warn({ err: error, reportId: report.id }, 'could not reply in the thread');
      }
    }
    return stored;
  }

  /**
   * Claims a report whose post is behind, unless another turn or instance is at it, and brings
   * it up to date (see `sync`); a post that was on its way is announced to its author. Returns
   * the stored report, or undefined when it was left to another.
   */
  async catchUp(report: Report): Promise<Report | undefined> {
    const claimed = await this.claim(report);
    if (!claimed) return undefined;
    const firstPost = !isPublished(claimed.post);
    const stored = await this.sync(claimed);
    if (firstPost) await this.announcePosted(stored);
    return stored;
  }

  /** Retries every report whose card is behind (after Teams was unreachable); at start. */
  async syncAllPending(): Promise<number> {
    const pending = await this.reports.findNeedingSync();
    let synced = 0;
    for (const report of pending) {
      try {
        if (await this.catchUp(report)) synced++;
      } catch (error) {
        if (!(error instanceof SyncStoppedError)) {
          this.log.warn({ err: error, reportId: report.id }, 'channel post still behind');
        }
      }
    }
    return synced;
  }

  /**
   * Tells the author in their personal chat that the report is now in the channel, with the
   * confirmation card; for a post that went out after the turn that asked for it had answered.
   */
  async announcePosted(report: Report): Promise<void> {
    const { openPersonalChat } = this.options;
    const chat = report.chat;
    if (!openPersonalChat || !chat || !isPublished(report.post)) return;
    const card = renderPostedCard(postedCardData(report, report.locale));
    try {
      await openPersonalChat(chat, async (context) => {
        await sendCard(context, card);
      });
    } catch (error) {
      this.log.warn({ err: error, reportId: report.id }, 'could not tell the author it is posted');
    }
  }

  /** Takes the report's post for this instance, in one write; undefined when claimed already. */
  private async claim(report: Report): Promise<Report | undefined> {
    const now = this.now();
    let taken = false;
    const stored = await this.reports.update(
      report.travellerId,
      report.id,
      (latest) => {
        taken = needsSync(latest) && !isSyncClaimed(latest.post, now);
        return taken ? withSyncClaimed(latest, now) : latest;
      },
      report,
    );
    return taken ? stored : undefined;
  }

  /** Starts a thread with the card in the report's channel (where its team posts now). */
  private async publish(
    report: Report,
    post: ReportPost,
    card: AdaptiveCard,
  ): Promise<ChannelPost> {
    const target = await this.repostTarget(report, post);
    return this.publisher.publish(target, card, summaryOf(report));
  }

  /**
   * The note in the thread for the version the card now shows: who changed which part
   * ("Sanne de Vries heeft doel van de reis gewijzigd (versie 2).") when that version is one
   * change, else that the report was brought up to the version.
   */
  private changeNote(report: Report): string {
    const texts = textsFor(RECORD_LOCALE);
    const last = report.history.at(-1);
    const question = last && this.catalogue.find(last.key);
    if (!last || !question || last.version !== report.version) {
      return texts.updatedTo(report.version);
    }
    return texts.changeNote(last.by, question.name[RECORD_LOCALE].toLowerCase(), report.version);
  }

  /**
   * Remembers which report a channel post shows, for edits started in its thread. Only after
   * the report holds the thread: a failure here must not lead to a second post.
   */
  private async rememberPost(report: Report, post: ChannelPost): Promise<void> {
    try {
      await this.channels.savePost({
        tenantId: report.tenantId ?? '',
        activityId: post.activityId,
        travellerId: report.travellerId,
        reportId: report.id,
      });
    } catch (error) {
      this.log.warn(
        { err: error, reportId: report.id, activityId: post.activityId },
        'could not remember the post for edits from its thread',
      );
    }
  }

  /**
   * Where a post goes (a first one, or a deleted one again): the team's report channel as it is
   * now (it may have moved since), else the channel the post was meant for.
   */
  private async repostTarget(report: Report, post: ChannelAddress): Promise<PublishTarget> {
    const channel =
      post.teamId && report.tenantId
        ? await this.channels.get(report.tenantId, post.teamId)
        : undefined;
    return channel ? publishTargetOf(channel) : post;
  }

  /**
   * Records a failed try in the report. When the bot gives up on it here (Teams refused a new
   * post, or the tries ran out), logs one line, tells the author once, and throws
   * SyncStoppedError; otherwise returns and the caller throws the failure.
   */
  private async failed(report: Report, error: unknown): Promise<void> {
    const at = this.now();
    let stored: Report;
    try {
      stored = await this.reports.update(
        report.travellerId,
        report.id,
        (latest) =>
          error instanceof ChannelRefusedError
            ? withChannelUnavailable(latest, at)
            : withSyncFailure(latest, this.maxAttempts, at),
        report,
      );
    } catch (storeError) {
      this.log.warn(
        { err: storeError, reportId: report.id },
        'could not record the failed update of the channel post',
      );
      return;
    }
    const stopped = stored.post?.stopped;
    if (!stopped || stopped.at !== at.toISOString()) return;
    this.log.error(
      {
        err: error,
        reportId: report.id,
        travellerId: report.travellerId,
        reason: stopped.reason,
        attempts: stored.post?.failedAttempts,
        version: stopped.version,
      },
      stopped.reason === 'channelUnavailable'
        ? 'channel post given up: Teams refused a new post in the channel (app removed from the team?)'
        : 'channel post given up: every try to update it failed',
    );
    await this.tellAuthor(stored, stopped);
    throw new SyncStoppedError(report.id, stopped, error);
  }

  /** Tells the author in their personal chat that the channel no longer shows their report. */
  private async tellAuthor(report: Report, stopped: SyncStopped): Promise<void> {
    const { openPersonalChat } = this.options;
    const chat = report.chat;
    if (!openPersonalChat || !chat) {
      this.log.warn({ reportId: report.id }, 'cannot tell the author: no personal chat known');
      return;
    }
    const texts = textsFor(report.locale);
    const title = titleOf(report) || texts.untitled;
    const text =
      stopped.reason === 'channelUnavailable'
        ? texts.channelUnavailable(title)
        : texts.syncGivenUp(title);
    try {
      await openPersonalChat(chat, async (context) => {
        await context.sendActivity(plainMessage(text));
      });
    } catch (error) {
      this.log.warn({ err: error, reportId: report.id }, 'could not tell the author');
    }
  }
}

/**
 * The post's notification text, as Teams shows it in the activity feed and notifications:
 * "Reisverslag: <titel> — <naam>", in the record's language.
 */
export function summaryOf(report: Report): string {
  return textsFor(RECORD_LOCALE).channelSummary(titleOf(report), report.travellerName);
}
