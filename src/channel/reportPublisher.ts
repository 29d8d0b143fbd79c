import {
  CardFactory,
  Channels,
  MessageFactory,
  type CloudAdapter,
  type ConversationParameters,
  type ConversationReference,
  type TurnContext,
} from 'botbuilder';
import type { AdaptiveCard } from '../cards/template';
import type { ChannelAddress, ChannelPost } from '../report/report';
import type { ReportChannel } from '../store/channelStore';
import { plainMessage } from '../turn/plainMessage';
import { threadRootOf } from './deepLink';
import { statusOf, withTeamsRetry, type RetryPolicy } from './teamsRetry';

/** Where to post: a Teams channel, reached through the connector at `serviceUrl`. */
export type PublishTarget = ChannelAddress;

/** Where to post in a team's report channel, as the channel store remembers it. */
export function publishTargetOf(channel: ReportChannel): PublishTarget {
  return {
    channelId: channel.channelId,
    serviceUrl: channel.serviceUrl,
    tenantId: channel.tenantId,
    teamId: channel.teamId,
    ...(channel.teamName ? { teamName: channel.teamName } : {}),
    ...(channel.channelName ? { channelName: channel.channelName } : {}),
    ...(channel.teamAadGroupId ? { teamAadGroupId: channel.teamAadGroupId } : {}),
  };
}

/**
 * Answers of Teams that mean a post (or the bot's access to its channel) is gone: 404, and 403
 * (ServiceError), which Teams has answered for an update of a deleted post
 * (microsoft/BotFramework-Services#269).
 */
export function isGoneStatus(status: number | undefined): boolean {
  return status === 403 || status === 404;
}

/** Thrown when the channel post is gone (deleted in Teams): post it again as a new thread. */
export class PostGoneError extends Error {
  constructor(post: ChannelPost, cause?: unknown) {
    super(
      `The report's post ${post.activityId} in channel ${post.channelId} no longer exists in ` +
        'Teams (it refused the update twice with 403 or 404); post the report again.',
      cause === undefined ? {} : { cause },
    );
    this.name = 'PostGoneError';
  }
}

/**
 * Thrown when Teams refuses a new post in the channel (403 or 404): the app was removed from the
 * team, or the channel was deleted. A team owner adds the app again, or a member moves the report
 * channel with `@Reisverslag gebruik dit kanaal`.
 */
export class ChannelRefusedError extends Error {
  constructor(channelId: string, cause: unknown) {
    super(
      `Teams refused a new post in channel ${channelId} (403 or 404): the app is no longer in ` +
        'the team, or the channel is gone. Add the app to the team again, or choose another ' +
        'channel with "@Reisverslag gebruik dit kanaal".',
      { cause },
    );
    this.name = 'ChannelRefusedError';
  }
}

/** Posts report cards in a channel, updates them in place, and replies in their thread. */
export interface ReportPublisher {
  /** Starts a new thread with the card; tells where it landed. ChannelRefusedError on 403/404. */
  publish(target: PublishTarget, card: AdaptiveCard, summary: string): Promise<ChannelPost>;
  /**
   * Replaces the posted card in place; PostGoneError when Teams refuses it twice with 403 or 404
   * (the post was deleted).
   */
  update(post: ChannelPost, card: AdaptiveCard, summary: string): Promise<void>;
  /** Sends a short text in the post's thread. */
  reply(post: ChannelPost, text: string): Promise<void>;
}

/** The ReportPublisher for Teams, through the Bot Connector, with Teams' throttling handled. */
export class TeamsChannelPublisher implements ReportPublisher {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly now: () => Date,
    private readonly retry?: RetryPolicy,
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
    try {
      await withTeamsRetry(
        () =>
          this.adapter.createConversationAsync(
            this.appId,
            Channels.Msteams,
            target.serviceUrl,
            '',
            parameters,
            async (context) => {
              conversationId = context.activity.conversation.id;
            },
          ),
        this.retry,
      );
    } catch (error) {
      if (isGoneStatus(statusOf(error))) throw new ChannelRefusedError(target.channelId, error);
      throw error;
    }
    const activityId = threadRootOf(conversationId);
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
      ...(target.teamAadGroupId ? { teamAadGroupId: target.teamAadGroupId } : {}),
      postedAt: this.now().toISOString(),
      syncedVersion: 1,
    };
  }

  async update(post: ChannelPost, card: AdaptiveCard, summary: string): Promise<void> {
    const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
    activity.id = post.activityId;
    activity.summary = summary;
    const update = () => this.inThread(post, (context) => context.updateActivity(activity));
    try {
      await update();
    } catch (first) {
      if (!isGoneStatus(statusOf(first))) throw first;
      // A 403 is not always final (ServiceError "Unknown" comes and goes): one more try first.
      try {
        await update();
      } catch (second) {
        if (isGoneStatus(statusOf(second))) throw new PostGoneError(post, second);
        throw second;
      }
    }
  }

  async reply(post: ChannelPost, text: string): Promise<void> {
    await this.inThread(post, async (context) => {
      // The change note names the traveller: plain text, so a name is never read as markdown.
      await context.sendActivity(plainMessage(text));
    });
  }

  private inThread(
    post: ChannelPost,
    work: (context: TurnContext) => Promise<unknown>,
  ): Promise<void> {
    const reference: Partial<ConversationReference> = {
      channelId: Channels.Msteams,
      serviceUrl: post.serviceUrl,
      conversation: {
        id: post.conversationId,
        isGroup: true,
        conversationType: 'channel',
        name: '',
      },
    };
    return withTeamsRetry(
      () => continueConversation(this.adapter, this.appId, reference, work),
      this.retry,
    );
  }
}

/**
 * Runs `work` in a conversation the bot continues by itself, and throws what it threw: botbuilder
 * would hand it to the adapter's onTurnError (an apology in the channel) and return normally.
 */
export async function continueConversation(
  adapter: CloudAdapter,
  appId: string,
  reference: Partial<ConversationReference>,
  work: (context: TurnContext) => Promise<unknown>,
): Promise<void> {
  let failure: { error: unknown } | undefined;
  await adapter.continueConversationAsync(appId, reference, async (context) => {
    try {
      await work(context);
    } catch (error) {
      failure = { error };
    }
  });
  if (failure) throw failure.error;
}
