import {
  ActivityTypes,
  TeamsActivityHandler,
  type ConversationState,
  type FileConsentCardResponse,
  type InvokeResponse,
  type StatePropertyAccessor,
  type TurnContext,
} from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { Logger } from 'pino';
import { BehindPosts } from './channel/behindPosts';
import { ChatServiceUrl } from './channel/chatServiceUrl';
import type { UploadPolicy } from './channel/fileUpload';
import type { OpenPersonalChat } from './channel/personalChat';
import { TeamReportChannels } from './channel/reportChannels';
import type { ReportSync } from './channel/reportSync';
import { TeamMessages } from './channel/teamMessages';
import type { TeamMembershipCheck } from './channel/teamMembership';
import { localeOf, replaceDeferredCards } from './dialogs/conversation';
import { FileConsents, type OfferedFile } from './dialogs/fileConsent';
import type { MainDialog } from './dialogs/mainDialog';
import { OpenInterview } from './dialogs/openInterview';
import type { Catalogue } from './report/catalogue';
import type { ChannelStore } from './store/channelStore';
import type { ReportStore } from './store/reportStore';
import { textsFor } from './texts';
import { invokeWithFallback } from './turn/invokeFallback';
import { refusedTenant } from './turn/tenantGate';
import type { AfterTurnWork } from './turn/afterTurn';
import { RecentActivities } from './turn/redelivery';
import { loggedTurn } from './turn/turnLog';

/** What the bot works with, given by the composition root. */
export interface BotParts {
  conversationState: ConversationState;
  mainDialog: MainDialog;
  reports: ReportStore;
  channels: ChannelStore;
  /** The questions of the form: names of parts to edit, the Word file. */
  catalogue: Catalogue;
  /** Starts a turn in a traveller's personal chat (an edit asked for in a channel). */
  openPersonalChat: OpenPersonalChat;
  /** Brings channel posts up to date that an earlier turn left behind. */
  sync: ReportSync;
  /** Work that outlasts its turn (the Word upload). */
  afterTurn: AfterTurnWork;
  /** Entra tenants allowed to use the bot; empty means all. */
  allowedTenantIds: readonly string[];
  /** Which teams a user belongs to, and in what role (Teams' `userRole`). */
  membership: TeamMembershipCheck;
  /** Where a Word file may be uploaded (UPLOAD_HOST_SUFFIXES; http on loopback when anonymous). */
  upload: UploadPolicy;
  log: Logger;
}

/**
 * Routes Teams' activities to the part that handles them; each part is a file of its own:
 * - every turn: turn/tenantGate.ts (other tenants refused), turn/turnLog.ts, and
 *   turn/invokeFallback.ts for invokes nothing handles;
 * - the personal chat: dialogs/mainDialog.ts, with channel/behindPosts.ts (channel posts an
 *   earlier turn left behind) and dialogs/fileConsent.ts (the Word file's consent card);
 * - a team's channel: channel/teamMessages.ts (its commands) and channel/reportChannels.ts
 *   (the report channel remembered at install, moved, forgotten).
 */
export class ReisverslagBot extends TeamsActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly behindPosts: BehindPosts;
  private readonly chatServiceUrl: ChatServiceUrl;
  private readonly fileConsents: FileConsents;
  private readonly reportChannels: TeamReportChannels;
  private readonly teamMessages: TeamMessages;
  private readonly recentActivities = new RecentActivities();
  private readonly openInterview: OpenInterview;

  constructor(private readonly parts: BotParts) {
    super();
    const { conversationState, mainDialog, log } = parts;
    this.dialogState = conversationState.createProperty<DialogState>('dialogState');
    this.behindPosts = new BehindPosts(parts);
    this.chatServiceUrl = new ChatServiceUrl(parts);
    this.openInterview = new OpenInterview(conversationState, parts.reports);
    this.fileConsents = new FileConsents({
      reports: parts.reports,
      catalogue: parts.catalogue,
      upload: parts.upload,
      offers: conversationState.createProperty<OfferedFile[]>('offeredFiles'),
      afterTurn: parts.afterTurn,
      openPersonalChat: parts.openPersonalChat,
      log,
    });
    this.reportChannels = new TeamReportChannels({
      channels: parts.channels,
      membership: parts.membership,
      log,
      now: () => new Date(),
    });
    this.teamMessages = new TeamMessages({
      ...parts,
      reportChannels: this.reportChannels,
      startEdit: async (personal, edit) => {
        await mainDialog.startEdit(personal, this.dialogState, edit);
        await this.openInterview.settle(personal, await this.dialogState.get(personal));
        await replaceDeferredCards(personal, log);
        await conversationState.saveChanges(personal);
      },
    });

    this.onMessage(async (context, next) => {
      if (context.activity.conversation.conversationType === 'personal') {
        await this.behindPosts.retry(context);
        await mainDialog.run(context, this.dialogState);
        await this.openInterview.settle(context, await this.dialogState.get(context));
        await this.fileConsents.remember(context);
        await this.behindPosts.remember(context);
      } else {
        await this.teamMessages.handle(context);
      }
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const botJoined = context.activity.membersAdded?.some(
        (member) => member.id === context.activity.recipient.id,
      );
      if (botJoined && context.activity.conversation.conversationType === 'personal') {
        await context.sendActivity(textsFor(localeOf(context)).welcome);
      }
      await next();
    });

    this.onInstallationUpdateAdd(async (context, next) => {
      if (context.activity.channelData?.team) {
        await this.reportChannels.installed(context);
      }
      await next();
    });

    // The app leaves a team: its report channel is forgotten (its reports stay).
    this.onInstallationUpdateRemove(async (context, next) => {
      if (context.activity.action === 'remove' && context.activity.channelData?.team) {
        await this.reportChannels.removed(context, 'uninstalled');
      }
      await next();
    });

    this.onMembersRemoved(async (context, next) => {
      const removed = context.activity.membersRemoved;
      const botLeft =
        Array.isArray(removed) &&
        removed.some((member) => member?.id === context.activity.recipient.id);
      if (botLeft && context.activity.channelData?.team) {
        await this.reportChannels.removed(context, 'bot removed from the team');
      }
      await next();
    });
  }

  /**
   * Refuses other tenants before anything is read or stored, and Teams' resends of an activity
   * this instance has taken; in the personal chat, keeps the chat's serviceUrl current; saves the
   * dialog state after each turn.
   */
  override async run(context: TurnContext): Promise<void> {
    const { allowedTenantIds, conversationState, log } = this.parts;
    if (await refusedTenant(context, allowedTenantIds, log)) return;
    const { activity } = context;
    if (!this.recentActivities.firstDelivery(activity)) {
      log.info({ activityId: activity.id, type: activity.type }, 'activity sent again: ignored');
      if (activity.type === ActivityTypes.Invoke) {
        await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200 } });
      }
      return;
    }
    try {
      await loggedTurn(context, log, async () => {
        // A question card's answer: one conditional write and the next question, no state.
        if (await this.parts.mainDialog.answerQuestionCard(context)) {
          await replaceDeferredCards(context, log);
          return;
        }
        const { type, conversation } = activity;
        // The turns that read the chat's state anyway: messages, card submits and invokes.
        if (
          conversation?.conversationType === 'personal' &&
          (type === 'message' || type === 'invoke')
        ) {
          await this.chatServiceUrl.refresh(context);
        }
        await super.run(context);
        // Answered cards are replaced after the turn's messages: the next question goes first.
        await replaceDeferredCards(context, log);
        await conversationState.saveChanges(context);
      });
    } catch (error) {
      this.recentActivities.forget(activity);
      throw error;
    }
  }

  /** Invokes nothing handles get a short answer or a 400, never a 5xx: see invokeWithFallback. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    return invokeWithFallback(context, () => super.onInvokeActivity(context), this.parts.log);
  }

  /** The author allowed the Word file in their OneDrive: see FileConsents.accept. */
  protected override async handleTeamsFileConsentAccept(
    context: TurnContext,
    response: FileConsentCardResponse,
  ): Promise<void> {
    await this.fileConsents.accept(context, response);
  }

  /** The user declined the file: nothing is uploaded; see FileConsents.decline. */
  protected override async handleTeamsFileConsentDecline(context: TurnContext): Promise<void> {
    await this.fileConsents.decline(context);
  }
}
