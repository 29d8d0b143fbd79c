import {
  CardFactory,
  Channels,
  MessageFactory,
  type CloudAdapter,
  type ConversationParameters,
} from 'botbuilder';
import type { AdaptiveCard } from '../cards/template';
import type { ChannelPost } from '../report/report';

/** Where to post: a Teams channel, reached through the connector at `serviceUrl`. */
export interface PublishTarget {
  channelId: string;
  serviceUrl: string;
  tenantId?: string;
  teamId?: string;
  teamName?: string;
  channelName?: string;
}

/** Posts a report card as a new thread in a channel and tells where it landed. */
export interface ReportPublisher {
  publish(target: PublishTarget, card: AdaptiveCard, summary: string): Promise<ChannelPost>;
}

/** Posts report cards as new threads in a Teams channel, through the Bot Connector. */
export class TeamsChannelPublisher implements ReportPublisher {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly now: () => Date,
  ) {}

  /**
   * Starts a new thread in the channel with the card, as Teams does for a bot: create a
   * conversation whose id comes back as `<channel id>;messageid=<activity id>`.
   */
  async publish(target: PublishTarget, card: AdaptiveCard, summary: string): Promise<ChannelPost> {
    const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
    activity.summary = summary;
    const parameters = {
      isGroup: true,
      channelData: {
        channel: { id: target.channelId },
        ...(target.tenantId ? { tenant: { id: target.tenantId } } : {}),
      },
      activity,
      ...(target.tenantId ? { tenantId: target.tenantId } : {}),
    } as ConversationParameters;
    let conversationId: string | undefined;
    await this.adapter.createConversationAsync(
      this.appId,
      Channels.Msteams,
      target.serviceUrl,
      '',
      parameters,
      async (context) => {
        conversationId = context.activity.conversation.id;
      },
    );
    const activityId = conversationId?.match(/;messageid=(.+)$/)?.[1];
    if (!conversationId || !activityId) {
      throw new Error(
        `Teams did not return a thread id for the post in channel ${target.channelId} ` +
          `(got "${conversationId ?? ''}"); check that the bot is installed in that team.`,
      );
    }
    return {
      conversationId,
      activityId,
      serviceUrl: target.serviceUrl,
      channelId: target.channelId,
      ...(target.teamId ? { teamId: target.teamId } : {}),
      ...(target.teamName ? { teamName: target.teamName } : {}),
      ...(target.channelName ? { channelName: target.channelName } : {}),
      postedAt: this.now().toISOString(),
    };
  }
}
