import type { ChannelPost } from '../report/report';

/**
 * A Teams deep link that opens the report's post in its channel, or '' when the post lacks what
 * Teams needs (the team's group id comes with the app's install in the team).
 */
export function postDeepLink(post: ChannelPost | undefined, tenantId: string | undefined): string {
  if (!post) return '';
  const query = new URLSearchParams({
    ...(tenantId ? { tenantId } : {}),
    ...(post.teamAadGroupId ? { groupId: post.teamAadGroupId } : {}),
    parentMessageId: post.activityId,
    ...(post.teamName ? { teamName: post.teamName } : {}),
    ...(post.channelName ? { channelName: post.channelName } : {}),
  });
  return (
    `https://teams.microsoft.com/l/message/${encodeURIComponent(post.channelId)}/` +
    `${encodeURIComponent(post.activityId)}?${query.toString()}`
  );
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
