import {
  TeamsActivityHandler,
  TurnContext,
  type ConversationState,
  type FileConsentCardResponse,
  type InvokeResponse,
  type StatePropertyAccessor,
} from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { Logger } from 'pino';
import { threadRootOf } from './channel/deepLink';
import type { OpenPersonalChat } from './channel/personalChat';
import { behindReports, localeOf, reportOfTurn, travellerOf } from './dialogs/conversation';
import { FileConsents, type OfferedFile } from './dialogs/fileConsent';
import type { ReportSync } from './channel/reportSync';
import type { MainDialog } from './dialogs/mainDialog';
import { commandOf, editCommandOf, normalizedCommand } from './dialogs/turnInput';
import type { UploadPolicy } from './channel/fileUpload';
import { TeamReportChannels } from './channel/reportChannels';
import type { TeamMembershipCheck } from './channel/teamMembership';
import type { Catalogue } from './report/catalogue';
import type { ChannelStore } from './store/channelStore';
import type { ReportStore } from './store/reportStore';
import { textsFor } from './texts';

const useThisChannelCommands = ['gebruik dit kanaal', 'use this channel'];

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
  /** Entra tenants allowed to use the bot; empty means all. */
  allowedTenantIds: readonly string[];
  /** Which teams a user belongs to, and in what role (Teams' `userRole`). */
  membership: TeamMembershipCheck;
  /** Where a Word file may be uploaded (UPLOAD_HOST_SUFFIXES; http on loopback when anonymous). */
  upload: UploadPolicy;
  log: Logger;
}

/** Routes Teams' activities: personal chat to the dialogs; installs and mentions in channels. */
export class ReisverslagBot extends TeamsActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  /** Reports of this chat whose channel post is behind: retried at the chat's next turn. */
  private readonly behind: StatePropertyAccessor<string[]>;
  /** The Word file consent cards of a chat and their answers. */
  private readonly fileConsents: FileConsents;
  /** Each team's report channel: remembered, moved, forgotten. */
  private readonly reportChannels: TeamReportChannels;

  constructor(private readonly parts: BotParts) {
    super();
    this.dialogState = parts.conversationState.createProperty<DialogState>('dialogState');
    this.behind = parts.conversationState.createProperty<string[]>('behindReports');
    this.fileConsents = new FileConsents({
      reports: parts.reports,
      catalogue: parts.catalogue,
      upload: parts.upload,
      offers: parts.conversationState.createProperty<OfferedFile[]>('offeredFiles'),
      log: parts.log,
    });
    this.reportChannels = new TeamReportChannels({
      channels: parts.channels,
      membership: parts.membership,
      log: parts.log,
      now: () => new Date(),
    });

    this.onMessage(async (context, next) => {
      if (context.activity.conversation.conversationType === 'personal') {
        await this.retryBehind(context);
        await parts.mainDialog.run(context, this.dialogState);
        await this.fileConsents.remember(context);
        const behind = behindReports(context);
        if (behind.length > 0) {
          const earlier = await this.behind.get(context, []);
          await this.behind.set(context, [...new Set([...earlier, ...behind])]);
        }
      } else {
        await this.onTeamMessage(context);
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

  /** Refuses other tenants before anything is read or stored; saves the dialog state after each turn. */
  override async run(context: TurnContext): Promise<void> {
    const { allowedTenantIds, conversationState, log } = this.parts;
    const tenantId = travellerOf(context).tenantId;
    const tenant = typeof tenantId === 'string' ? tenantId.toLowerCase() : '';
    if (allowedTenantIds.length > 0 && !allowedTenantIds.includes(tenant)) {
      log.warn(
        { tenantId: tenant, type: context.activity.type },
        'activity from a tenant that is not allowed',
      );
      if (context.activity.type === 'message') {
        await context.sendActivity(textsFor(localeOf(context)).tenantRefused);
      } else if (context.activity.type === 'invoke') {
        await context.sendActivity({ type: 'invokeResponse', value: { status: 403 } });
      }
      return;
    }
    const started = performance.now();
    await super.run(context);
    await conversationState.saveChanges(context);
    // Ids and timings only: answers and names stay out of the logs.
    log.info(
      {
        conversationId: context.activity.conversation?.id,
        activityId: context.activity.id,
        reportId: reportOfTurn(context),
        type: context.activity.type,
        durationMs: Math.round(performance.now() - started),
      },
      'turn',
    );
  }

  /**
   * Invokes the bot does not handle (card actions of other kinds, message extensions, task
   * modules, sign-in): a short answer in the form Teams shows, or a 400 — never a 5xx.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    let response: InvokeResponse;
    try {
      response = await super.onInvokeActivity(context);
    } catch (error) {
      // botbuilder throws for some malformed invokes; they are answered like unknown ones.
      this.parts.log.warn({ err: error, name: context.activity.name }, 'invoke not handled');
      response = { status: 501 };
    }
    if (response.status < 500) return response;
    const text = textsFor(localeOf(context)).unsupportedAction;
    const name = context.activity.name ?? '';
    if (name === 'adaptiveCard/action') {
      return {
        status: 200,
        body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text },
      };
    }
    if (name.startsWith('task/')) {
      return { status: 200, body: { task: { type: 'message', value: text } } };
    }
    if (name.startsWith('composeExtension/')) {
      return { status: 200, body: { composeExtension: { type: 'message', text } } };
    }
    return { status: 400, body: { error: `This bot does not handle the invoke "${name}".` } };
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

  /** Tries again to update the channel posts an earlier turn of this chat left behind. */
  private async retryBehind(context: TurnContext): Promise<void> {
    const behind = await this.behind.get(context, []);
    if (behind.length === 0) return;
    const travellerId = travellerOf(context).id;
    const still: string[] = [];
    for (const reportId of behind) {
      try {
        const report = await this.parts.reports.get(travellerId, reportId);
        if (report) await this.parts.sync.sync(report);
      } catch (error) {
        this.parts.log.warn({ err: error, reportId }, 'channel post still behind');
        still.push(reportId);
      }
    }
    await this.behind.set(context, still);
  }

  /**
   * In a team's channel: `@Reisverslag gebruik dit kanaal` moves the report channel;
   * `@Reisverslag wijzig <onderdeel>` in a report's thread starts the edit in the author's
   * personal chat; anything else gets directions.
   */
  private async onTeamMessage(context: TurnContext): Promise<void> {
    const texts = textsFor(localeOf(context));
    const text =
      TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '';
    const command = normalizedCommand(text);
    if (commandOf(text) === 'export') {
      // Files reach a user only in their personal chat, and a report only its author.
      await context.sendActivity(texts.exportInPersonalChat);
      return;
    }
    if (useThisChannelCommands.includes(command) && context.activity.channelData?.team) {
      await this.reportChannels.move(context);
      return;
    }
    const edit = editCommandOf(text, this.parts.catalogue);
    const threadRoot = threadRootOf(context.activity.conversation.id);
    if (edit && threadRoot && (await this.editFromThread(context, threadRoot, edit.part?.key))) {
      return;
    }
    await context.sendActivity(texts.channelHelp);
  }

  /**
   * Starts the edit of the report this thread shows in its author's personal chat; anyone else
   * is refused politely and the attempt logged. False when the thread shows no known report.
   */
  private async editFromThread(
    context: TurnContext,
    activityId: string,
    questionKey: string | undefined,
  ): Promise<boolean> {
    const { channels, reports, log, openPersonalChat, mainDialog, conversationState } = this.parts;
    const acting = travellerOf(context);
    const post = await channels.findPost(acting.tenantId ?? '', activityId);
    const report = post && (await reports.get(post.travellerId, post.reportId));
    if (!report?.chat) return false;
    const texts = textsFor(localeOf(context));
    if (report.travellerId !== acting.id) {
      log.warn(
        { actingUserId: acting.id, reportId: report.id, activityId },
        'edit refused: not the author',
      );
      await context.sendActivity(texts.onlyAuthor(report.travellerName));
      return true;
    }
    try {
      await openPersonalChat(report.chat, async (personal) => {
        await mainDialog.startEdit(personal, this.dialogState, {
          reportId: report.id,
          ...(questionKey ? { questionKey } : {}),
        });
        await conversationState.saveChanges(personal);
      });
    } catch (error) {
      log.warn({ err: error, reportId: report.id }, 'could not open the personal chat for an edit');
      await context.sendActivity(texts.editInPersonalChatFailed);
      return true;
    }
    await context.sendActivity(texts.editInPersonalChat);
    return true;
  }
}
