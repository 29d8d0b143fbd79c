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
