import { isPublished, type ReportPost } from '../report/report';

/**
 * A Teams deep link that opens the report's post in its channel, in the format Teams documents
 * for a channel message ("Deep link to navigate to channel conversation"):
 * `https://teams.microsoft.com/l/message/<channelId>/<messageId>?tenantId=…&groupId=…&parentMessageId=…&teamName=…&channelName=…&createdTime=…`,
 * `createdTime` being when the post was made, in milliseconds since 1970. Empty when there is
 * no post (or it is still on its way); a part the post lacks is left out.
 */
export function postDeepLink(post: ReportPost | undefined, tenantId: string | undefined): string {
  return isPublished(post) ? messageDeepLink(post, tenantId) : '';
}

/** Where a channel post lives, as far as a deep link to it needs. */
export interface LinkedPost {
  channelId: string;
  activityId: string;
  /** When the post was made (ISO instant). */
  postedAt: string;
  teamAadGroupId?: string;
  teamName?: string;
  channelName?: string;
}

/** The deep link of `postDeepLink` for a post known by its parts (e.g. a same-trip record). */
export function messageDeepLink(post: LinkedPost, tenantId: string | undefined): string {
  const createdTime = Date.parse(post.postedAt);
  const query = new URLSearchParams({
    ...(tenantId ? { tenantId } : {}),
    ...(post.teamAadGroupId ? { groupId: post.teamAadGroupId } : {}),
    parentMessageId: post.activityId,
    ...(post.teamName ? { teamName: post.teamName } : {}),
    ...(post.channelName ? { channelName: post.channelName } : {}),
    ...(Number.isNaN(createdTime) ? {} : { createdTime: String(createdTime) }),
  });
  return (
    `https://teams.microsoft.com/l/message/${encodeURIComponent(post.channelId)}/` +
    `${encodeURIComponent(post.activityId)}?${query.toString()}`
  );
}

/**
 * A Teams deep link that opens the personal chat with the bot (`28:<app id>`), with `message`
 * typed in the compose box for the user to send: Teams' "deep link to start a chat".
 */
export function botChatDeepLink(botAppId: string, message?: string): string {
  const query = new URLSearchParams({
    users: `28:${botAppId}`,
    ...(message ? { message } : {}),
  });
  return `https://teams.microsoft.com/l/chat/0/0?${query.toString()}`;
}

const MESSAGE_ID_MARK = ';messageid=';

/**
 * The id of the post a channel thread hangs under, from the thread's conversation id
 * `<channel id>;messageid=<activity id>`; undefined for a conversation that is no thread.
 */
export function threadRootOf(conversationId: string | undefined): string | undefined {
  const at = conversationId?.indexOf(MESSAGE_ID_MARK) ?? -1;
  if (conversationId === undefined || at < 0) return undefined;
  const root = conversationId.slice(at + MESSAGE_ID_MARK.length);
  return root === '' || /[\n\r\u2028\u2029]/.test(root) ? undefined : root;
}
