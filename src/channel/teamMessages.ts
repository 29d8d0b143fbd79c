import { TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { commandIn, type ChannelCommandContext } from '../dialogs/commands';
import { localeOf, travellerOf } from '../dialogs/conversation';
import type { EditOptions } from '../dialogs/editDialog';
import type { Catalogue } from '../report/catalogue';
import type { ChannelStore } from '../store/channelStore';
import type { ReportStore } from '../store/reportStore';
import { textsFor } from '../texts';
import { plainMessage } from '../turn/plainMessage';
import { threadRootOf } from './deepLink';
import type { OpenPersonalChat } from './personalChat';
import type { TeamReportChannels } from './reportChannels';

/** What a message in a team's channel needs. */
export interface TeamMessageParts {
  reports: ReportStore;
  channels: ChannelStore;
  reportChannels: TeamReportChannels;
  openPersonalChat: OpenPersonalChat;
  /** The questions of the form, whose names `wijzig <onderdeel>` may use. */
  catalogue: Catalogue;
  /** Starts an edit in a personal chat opened by the bot, and keeps the chat's state. */
  startEdit: (personal: TurnContext, edit: EditOptions) => Promise<void>;
  log: Logger;
}

/**
 * A message to the bot in a team's channel (`@Reisverslag …`): the registry's channel commands
 * (commands.ts: `gebruik dit kanaal`, `wijzig <onderdeel>` in a report's thread, `exporteer`);
 * anything else gets directions.
 */
export class TeamMessages {
  constructor(private readonly parts: TeamMessageParts) {}

  async handle(context: TurnContext): Promise<void> {
    const texts = textsFor(localeOf(context));
    const text =
      TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '';
    const match = commandIn(text, 'channel');
    const channel: ChannelCommandContext = {
      context,
      texts,
      moveReportChannel: async () => {
        if (!context.activity.channelData?.team) return false;
        await this.parts.reportChannels.move(context);
        return true;
      },
      editFromThread: async (part) => {
        const threadRoot = threadRootOf(context.activity.conversation.id);
        return threadRoot !== undefined && this.editFromThread(context, threadRoot, part);
      },
    };
    if (match?.command.channel && (await match.command.channel(channel, match))) return;
    await context.sendActivity(texts.channelHelp);
  }

  /**
   * Starts the edit of the report this thread shows in its author's personal chat; anyone else
   * is refused politely and the attempt logged. False when the thread shows no known report.
   */
  private async editFromThread(
    context: TurnContext,
    activityId: string,
    part: string,
  ): Promise<boolean> {
    const { channels, reports, log, openPersonalChat, startEdit } = this.parts;
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
      await context.sendActivity(plainMessage(texts.onlyAuthor(report.travellerName)));
      return true;
    }
    const questionKey = this.parts.catalogue.named(part)?.key;
    try {
      await openPersonalChat(report.chat, (personal) => {
        // Only the author gets here: the chat answers in the language of their Teams client.
        personal.activity.locale = context.activity.locale;
        return startEdit(personal, {
          reportId: report.id,
          ...(questionKey ? { questionKey } : {}),
        });
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
