import {
  TeamsActivityHandler,
  TeamsInfo,
  TurnContext,
  type ConversationState,
  type StatePropertyAccessor,
} from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { Logger } from 'pino';
import type { MainDialog } from './dialogs/mainDialog';
import { localeOf, travellerOf } from './dialogs/conversation';
import type { ChannelStore } from './store/channelStore';
import { textsFor } from './texts';

const useThisChannelCommands = ['gebruik dit kanaal', 'use this channel'];

/** Routes Teams' activities: personal chat to the interview, channel installs and commands to the channel store. */
export class ReisverslagBot extends TeamsActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly mainDialog: MainDialog,
    private readonly channels: ChannelStore,
    private readonly allowedTenantIds: readonly string[],
    private readonly log: Logger,
  ) {
    super();
    this.dialogState = conversationState.createProperty<DialogState>('dialogState');

    this.onMessage(async (context, next) => {
      if (context.activity.conversation.conversationType === 'personal') {
        await this.mainDialog.run(context, this.dialogState);
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
        await this.rememberReportChannel(context);
      }
      await next();
    });
  }

  /** Refuses other tenants before anything is read or stored; saves the dialog state after each turn. */
  override async run(context: TurnContext): Promise<void> {
    const tenantId = travellerOf(context).tenantId;
    if (this.allowedTenantIds.length > 0 && !this.allowedTenantIds.includes(tenantId ?? '')) {
      this.log.warn(
        { tenantId, type: context.activity.type },
        'activity from a tenant that is not allowed',
      );
      if (context.activity.type === 'message') {
        await context.sendActivity(textsFor(localeOf(context)).tenantRefused);
      }
      return;
    }
    await super.run(context);
    await this.conversationState.saveChanges(context);
  }

  /** In a team's channel: `@Reisverslag gebruik dit kanaal` moves the report channel; else directions. */
  private async onTeamMessage(context: TurnContext): Promise<void> {
    const texts = textsFor(localeOf(context));
    const text =
      TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '';
    const command = text
      .trim()
      .toLowerCase()
      .replace(/[.!]+$/, '')
      .replace(/\s+/g, ' ');
    if (useThisChannelCommands.includes(command) && context.activity.channelData?.team) {
      const channel = await this.rememberReportChannel(context);
      await context.sendActivity(texts.channelRegistered(channel ?? texts.unknownChannel));
      return;
    }
    await context.sendActivity(texts.channelHelp);
  }

  /** Stores this team's channel as its report channel and returns the channel's name. */
  private async rememberReportChannel(context: TurnContext): Promise<string | undefined> {
    const { channelData, serviceUrl } = context.activity;
    const team = channelData.team as { id: string; name?: string };
    // Teams omits the channel on some installs; a team's General channel has the team's id.
    const channelId = (channelData.channel as { id: string } | undefined)?.id ?? team.id;
    const channelName = await this.channelName(context, team.id, channelId);
    await this.channels.save({
      tenantId: travellerOf(context).tenantId ?? '',
      teamId: team.id,
      ...(team.name ? { teamName: team.name } : {}),
      channelId,
      ...(channelName ? { channelName } : {}),
      serviceUrl,
      updatedAt: new Date().toISOString(),
    });
    this.log.info({ teamId: team.id, channelId }, 'report channel remembered');
    return channelName;
  }

  /**
   * The channel's display name, for the traveller's confirmation: Teams sends it in some
   * activities only, so it is looked up in the team's channel list otherwise.
   */
  private async channelName(
    context: TurnContext,
    teamId: string,
    channelId: string,
  ): Promise<string | undefined> {
    const { channelData, conversation } = context.activity;
    const sent = (channelData.channel as { name?: string } | undefined)?.name ?? conversation.name;
    if (sent) return sent;
    try {
      const listed = await TeamsInfo.getTeamChannels(context, teamId);
      const found = listed.find((channel) => channel.id === channelId);
      if (found?.name) return found.name;
    } catch (error) {
      this.log.debug({ err: error, teamId }, 'could not list the team channels');
    }
    // The General channel has no name of its own in Teams' API.
    return channelId === teamId ? 'General' : undefined;
  }
}
