import type { FileConsentCardResponse, StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { fileInfoCard } from '../cards/fileCards';
import {
  fileConsentAnsweredCardData,
  renderFileConsentAnsweredCard,
  type FileConsentOutcome,
} from '../cards/fileConsentAnsweredCard';
import { uploadToOneDrive, type UploadPolicy } from '../channel/fileUpload';
import { reportWordFile } from '../publication/reportFile';
import type { OpenPersonalChat } from '../channel/personalChat';
import type { Catalogue } from '../report/catalogue';
import type { Locale } from '../report/locale';
import type { Report } from '../report/report';
import type { AfterTurnWork } from '../turn/afterTurn';
import type { ReportStore } from '../store/reportStore';
import { textsFor } from '../texts';
import {
  fileConsentsOfTurn,
  localeOf,
  noteReport,
  personalChatOf,
  replaceCard,
  travellerOf,
  type SentFileConsent,
} from './conversation';
import { ownPostedReport } from './postedReports';

/** A file consent card the bot sent in this chat, and the user's answer once given. */
export interface OfferedFile extends SentFileConsent {
  answered?: 'accept' | 'decline';
}

/** How many consent cards a chat remembers; older ones are answered as unknown cards. */
const OFFERS_KEPT = 20;

/** What the answers to file consent cards need. */
export interface FileConsentParts {
  reports: ReportStore;
  /** The questions the Word file shows. */
  catalogue: Catalogue;
  upload: UploadPolicy;
  /** The consent cards sent in the chat (conversation state). */
  offers: StatePropertyAccessor<OfferedFile[]>;
  /** Uploads that outlast their turn go on here. */
  afterTurn: AfterTurnWork;
  /** Tells the user the outcome of an upload that finished after the turn. */
  openPersonalChat: OpenPersonalChat;
  log: Logger;
}

/**
 * Teams' file consent flow for a report's Word file. The consent cards the bot sends are
 * remembered in the chat; an answer replaces its card with one saying what happened, so Allow and
 * Decline cannot be pressed twice, and a replayed answer to a card already answered uploads nothing.
 */
export class FileConsents {
  constructor(private readonly parts: FileConsentParts) {}

  /** After a chat turn: remembers the consent cards it sent. */
  async remember(context: TurnContext): Promise<void> {
    const sent = fileConsentsOfTurn(context);
    if (sent.length === 0) return;
    const earlier = await this.parts.offers.get(context, []);
    await this.parts.offers.set(context, [...earlier, ...sent].slice(-OFFERS_KEPT));
  }

  /**
   * The author allowed the Word file in their OneDrive: the report is read again in the ACTING
   * user's partition (Teams' context only names it), built, uploaded to the URL Teams gave, and
   * shown with a file info card. Another user's report, a card already answered, or a failed
   * upload gets one sentence.
   */
  async accept(context: TurnContext, response: FileConsentCardResponse): Promise<void> {
    const { reports, log } = this.parts;
    const locale = localeOf(context);
    const texts = textsFor(locale);
    const acting = travellerOf(context);
    const reportId = (response.context as { reportId?: unknown } | undefined)?.reportId;
    const report =
      typeof reportId === 'string' && reportId.length <= 100
        ? await ownPostedReport(context, reports, reportId)
        : undefined;
    if (!report || context.activity.conversation.conversationType !== 'personal') {
      log.warn({ actingUserId: acting.id, reportId }, 'download refused: not the author');
      await context.sendActivity(texts.downloadNotYours);
      return;
    }
    noteReport(context, report.id);
    const offer = await this.offerAnswered(context);
    if (offer?.answered) {
      log.warn(
        { reportId: report.id, activityId: offer.activityId },
        'file consent answered again: nothing uploaded',
      );
      await context.sendActivity(texts.fileConsentAlreadyAnswered);
      return;
    }
    // Answered in the chat's state before the upload: Teams' resend of this invoke (it resends
    // when a turn takes over 15 s) or a second press finds it answered and uploads nothing.
    await this.markAnswered(context, offer, 'accept');
    const upload = response.uploadInfo;
    const chat = personalChatOf(context);
    const { afterTurn, openPersonalChat } = this.parts;
    const uploaded = await afterTurn.start('upload Word file', async (turnGone) => {
      const outcome = await this.uploadFile(report, upload?.uploadUrl);
      if (turnGone()) {
        await openPersonalChat(chat, (later) =>
          this.tellOutcome(later, locale, offer, outcome, upload),
        );
      }
      return outcome;
    });
    if (!uploaded.finished) {
      await context.sendActivity(texts.downloadSaving);
      return;
    }
    await this.tellOutcome(
      context,
      locale,
      offer,
      'value' in uploaded ? uploaded.value : 'failed',
      upload,
    );
  }

  /** Builds the report's Word file and puts it at the upload URL; never throws. */
  private async uploadFile(
    report: Report,
    uploadUrl: string | undefined,
  ): Promise<FileConsentOutcome> {
    try {
      if (!uploadUrl) throw new Error('Teams gave no upload URL with the consent.');
      const file = await reportWordFile(report, this.parts.catalogue);
      await uploadToOneDrive(uploadUrl, file.bytes, this.parts.upload);
      return 'saved';
    } catch (error) {
      this.parts.log.warn({ err: error, reportId: report.id }, 'Word file not uploaded');
      return 'failed';
    }
  }

  /** Replaces the consent card with what happened, then shows the file or says it failed. */
  private async tellOutcome(
    context: TurnContext,
    locale: Locale,
    offer: OfferedFile | undefined,
    outcome: FileConsentOutcome,
    upload: FileConsentCardResponse['uploadInfo'] | undefined,
  ): Promise<void> {
    await this.replaceOffer(context, locale, offer, outcome);
    if (outcome === 'failed' || !upload) {
      await context.sendActivity(textsFor(locale).downloadFailed);
      return;
    }
    await context.sendActivity({ attachments: [fileInfoCard(upload)] });
  }

  /** The user declined the file: said in one sentence; nothing is uploaded. */
  async decline(context: TurnContext): Promise<void> {
    const texts = textsFor(localeOf(context));
    const offer = await this.offerAnswered(context);
    if (offer?.answered) {
      await context.sendActivity(texts.fileConsentAlreadyAnswered);
      return;
    }
    await this.markAnswered(context, offer, 'decline');
    await this.replaceOffer(context, localeOf(context), offer, 'declined');
    await context.sendActivity(texts.downloadDeclined);
  }

  /** The consent card this invoke answers (Teams' replyToId), if the bot sent it in this chat. */
  private async offerAnswered(context: TurnContext): Promise<OfferedFile | undefined> {
    const cardId = context.activity.replyToId;
    if (!cardId) return undefined;
    const offers = await this.parts.offers.get(context, []);
    return offers.find((offer) => offer.activityId === cardId);
  }

  /** Marks the consent card answered in the chat's state, if the bot sent it in this chat. */
  private async markAnswered(
    context: TurnContext,
    offer: OfferedFile | undefined,
    answer: 'accept' | 'decline',
  ): Promise<void> {
    if (!offer) return;
    const offers = await this.parts.offers.get(context, []);
    await this.parts.offers.set(
      context,
      offers.map((kept) =>
        kept.activityId === offer.activityId ? { ...kept, answered: answer } : kept,
      ),
    );
  }

  /**
   * Replaces the consent card with what happened. Only a card the bot remembers sending in this
   * chat is replaced: a replyToId from elsewhere is never updated.
   */
  private async replaceOffer(
    context: TurnContext,
    locale: Locale,
    offer: OfferedFile | undefined,
    outcome: FileConsentOutcome,
  ): Promise<void> {
    if (!offer) {
      this.parts.log.info(
        { activityId: context.activity.replyToId },
        'file consent for a card this chat does not remember: not replaced',
      );
      return;
    }
    await replaceCard(
      context,
      offer.activityId,
      renderFileConsentAnsweredCard(fileConsentAnsweredCardData(offer.fileName, outcome, locale)),
      this.parts.log,
    );
  }
}
