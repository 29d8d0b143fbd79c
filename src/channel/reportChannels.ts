import { MessageFactory, TeamsInfo, type Activity, type TurnContext } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import type { Logger } from 'pino';
import { localeOf, travellerOf } from '../dialogs/conversation';
import type { ChannelStore, ReportChannel } from '../store/channelStore';
import { textsFor } from '../texts';
import { plainMessage } from '../turn/plainMessage';
import type { TeamMembershipCheck } from './teamMembership';

/** What a team's report channel needs: the store, Teams' answer about members, a log. */
export interface ReportChannelParts {
  channels: ChannelStore;
  membership: TeamMembershipCheck;
  log: Logger;
  now: () => Date;
}

/** Why a team's report channel is forgotten. */
export type AppLeft = 'uninstalled' | 'bot removed from the team';

/**
 * A team's report channel: remembered when the app is added to the team, moved by a member with
 * `@Reisverslag gebruik dit kanaal` (announced in the old and the new channel), and forgotten
 * when the app leaves the team. The team's reports stay where they are in every case.
 */
export class TeamReportChannels {
  constructor(private readonly parts: ReportChannelParts) {}

  /**
   * The app was added to the team: the channel chosen at install (Teams'
   * `channelData.settings.selectedChannel`), else the activity's channel, becomes the report
   * channel, and the bot says so there.
   */
  async installed(context: TurnContext): Promise<void> {
    const channel = await this.remember(context, undefined, installedChannelIdOf(context));
    this.parts.log.info(
      { tenantId: channel.tenantId, teamId: channel.teamId, channelId: channel.channelId },
      'report channel remembered',
    );
    try {
      await sendToChannel(
        context,
        channel.channelId,
        textsFor(localeOf(context)).reportsPostedHere,
      );
    } catch (error) {
      // The channel is remembered; the announcement is a courtesy.
      this.parts.log.warn(
        { err: error, teamId: channel.teamId, channelId: channel.channelId },
        'could not announce the report channel',
      );
    }
  }

  /**
   * The app was removed from the team, or the bot from its members: the team's report channel
   * is deleted, so the team is no longer offered. Its reports and their posts stay.
   */
  async removed(context: TurnContext, reason: AppLeft): Promise<void> {
    const teamId = teamOf(context)?.id;
    const tenantId = travellerOf(context).tenantId;
    if (!teamId || !tenantId) return;
    await this.parts.channels.remove(tenantId, teamId);
    this.parts.log.info({ tenantId, teamId, reason }, 'report channel forgotten: the app left');
  }

  /**
   * `@Reisverslag gebruik dit kanaal`: a member of the team (Teams' `userRole` is `user`) makes
   * this channel the report channel; guests, anonymous users and anyone Teams does not know as a
   * member are refused and nothing changes. A move is said in the old channel and here, naming
   * who made it, and logged with ids only.
   */
  async move(context: TurnContext): Promise<void> {
    const { channels, membership, log } = this.parts;
    const texts = textsFor(localeOf(context));
    const team = teamOf(context);
    if (!team) return;
    const acting = travellerOf(context);
    const tenantId = acting.tenantId ?? '';
    const channelId = channelIdOf(context, team.id);
    let role: string;
    try {
      const member = await membership.memberOf(context, team.id);
      // Not a member: 'none'; a member whose role Teams does not say is refused too.
      role = member ? (member.userRole ?? 'unknown') : 'none';
    } catch (error) {
      log.warn({ err: error, teamId: team.id }, 'could not ask Teams who moves the report channel');
      await context.sendActivity(texts.moveUnknown);
      return;
    }
    if (role !== 'user') {
      log.warn(
        { tenantId, teamId: team.id, channelId, actingUserId: acting.id, userRole: role },
        'report channel move refused: not a member of the organisation in this team',
      );
      await context.sendActivity(texts.moveRefused);
      return;
    }
    const previous = await channels.get(tenantId, team.id);
    const moved = await this.remember(context, previous);
    const who = context.activity.from.name ?? texts.someone;
    const here = moved.channelName ?? texts.unknownChannel;
    if (previous && previous.channelId !== moved.channelId) {
      try {
        await sendToChannel(
          context,
          previous.channelId,
          plainMessage(texts.channelMovedAway(who, here)),
        );
      } catch (error) {
        // The old channel may be gone; the move stands.
        log.warn(
          { err: error, teamId: team.id, channelId: previous.channelId },
          'could not announce the move in the old report channel',
        );
      }
    }
    log.info(
      {
        tenantId,
        teamId: team.id,
        fromChannelId: previous?.channelId,
        toChannelId: moved.channelId,
        movedBy: acting.id,
      },
      'report channel moved',
    );
    await context.sendActivity(plainMessage(texts.channelMovedHere(who, here)));
  }

  /**
   * Stores this team's channel of the activity as its report channel. A channel message names
   * the team by id only: its name and group id are kept from the earlier record.
   */
  private async remember(
    context: TurnContext,
    previous?: ReportChannel,
    chosenChannelId?: string,
  ): Promise<ReportChannel> {
    const { serviceUrl } = context.activity;
    const team = teamOf(context) as { id: string; name?: string; aadGroupId?: string };
    const channelId = chosenChannelId ?? channelIdOf(context, team.id);
    const channelName = await this.channelName(context, team.id, channelId);
    const teamName = team.name ?? previous?.teamName;
    const teamAadGroupId = team.aadGroupId ?? previous?.teamAadGroupId;
    const channel: ReportChannel = {
      tenantId: travellerOf(context).tenantId ?? '',
      teamId: team.id,
      ...(teamName ? { teamName } : {}),
      ...(teamAadGroupId ? { teamAadGroupId } : {}),
      channelId,
      ...(channelName ? { channelName } : {}),
      serviceUrl,
      updatedAt: this.parts.now().toISOString(),
    };
    await this.parts.channels.save(channel);
    return channel;
  }

  /**
   * The channel's display name, for the confirmation: Teams sends it in some activities only, so
   * it is looked up in the team's channel list otherwise.
   */
  private async channelName(
    context: TurnContext,
    teamId: string,
    channelId: string,
  ): Promise<string | undefined> {
    const { channelData, conversation } = context.activity;
    const sentChannel = channelData.channel as { id?: string; name?: string } | undefined;
    // A name Teams sent is this channel's only when the ids match (at install it may be General's).
    const sent =
      sentChannel?.id === undefined || sentChannel.id === channelId
        ? (sentChannel?.name ?? conversation.name)
        : undefined;
    if (sent) return sent;
    try {
      const listed = await TeamsInfo.getTeamChannels(context, teamId);
      const found = listed.find((channel) => channel.id === channelId);
      if (found?.name) return found.name;
    } catch (error) {
      this.parts.log.debug({ err: error, teamId }, 'could not list the team channels');
    }
    // The General channel has no name of its own in Teams' API.
    return channelId === teamId ? 'General' : undefined;
  }
}

/** The team of a team activity (Teams' channelData.team), or undefined elsewhere. */
function teamOf(
  context: TurnContext,
): { id: string; name?: string; aadGroupId?: string } | undefined {
  const team = (context.activity.channelData as { team?: { id?: unknown } } | undefined)?.team;
  return typeof team?.id === 'string' && team.id !== '' ? (team as { id: string }) : undefined;
}

/**
 * The channel of a team activity: Teams' `channelData.channel`, else the activity's conversation
 * (a thread's id without `;messageid=…`), else General, which has the team's id.
 */
function channelIdOf(context: TurnContext, teamId: string): string {
  const channel = (context.activity.channelData as { channel?: { id?: unknown } }).channel;
  if (typeof channel?.id === 'string' && channel.id !== '') return channel.id;
  const conversation = context.activity.conversation?.id?.split(';')[0];
  return conversation || teamId;
}

/**
 * The channel chosen when the app was added to the team: Teams documents it as
 * `channelData.settings.selectedChannel.id`; undefined when Teams did not send it.
 */
function installedChannelIdOf(context: TurnContext): string | undefined {
  const settings = (
    context.activity.channelData as { settings?: { selectedChannel?: { id?: unknown } } }
  ).settings;
  const id = settings?.selectedChannel?.id;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/** Starts a new thread in a channel of the team this turn is in, with a text or a message. */
async function sendToChannel(
  context: TurnContext,
  channelId: string,
  text: string | Partial<Activity>,
): Promise<void> {
  const client = context.turnState.get<ConnectorClient>(context.adapter.ConnectorClientKey);
  if (!client) throw new Error('This turn has no Bot Connector client to reach another channel.');
  await client.conversations.sendToConversation(
    channelId,
    typeof text === 'string' ? MessageFactory.text(text) : text,
  );
}
