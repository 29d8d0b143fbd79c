import { byTeamName, mergeChannel, requireIds } from './channelStore';
import type { ChannelStore, PostReference, ReportChannel } from './channelStore';

/**
 * Report channels and thread references in this process's memory: for tests whose subject is
 * not the store, passing the same contract as CosmosChannelStore. Gone at exit.
 */
export class InMemoryChannelStore implements ChannelStore {
  private readonly channels = new Map<string, ReportChannel>();
  private readonly posts = new Map<string, PostReference>();

  async save(channel: ReportChannel): Promise<void> {
    requireIds(channel.tenantId, channel.teamId);
    const key = keyOf(channel.tenantId, channel.teamId);
    this.channels.set(key, mergeChannel(this.channels.get(key), { ...channel }));
  }

  async get(tenantId: string, teamId: string): Promise<ReportChannel | undefined> {
    const stored = this.channels.get(keyOf(tenantId, teamId));
    return stored && { ...stored };
  }

  async listByTenant(tenantId: string): Promise<ReportChannel[]> {
    return [...this.channels.values()]
      .filter((channel) => channel.tenantId === tenantId)
      .map((channel) => ({ ...channel }))
      .sort(byTeamName);
  }

  async remove(tenantId: string, teamId: string): Promise<void> {
    requireIds(tenantId, teamId);
    this.channels.delete(keyOf(tenantId, teamId));
  }

  async savePost(post: PostReference): Promise<void> {
    requireIds(post.tenantId, post.activityId);
    this.posts.set(keyOf(post.tenantId, post.activityId), { ...post });
  }

  async findPost(tenantId: string, activityId: string): Promise<PostReference | undefined> {
    const stored = this.posts.get(keyOf(tenantId, activityId));
    return stored && { ...stored };
  }
}

function keyOf(tenantId: string, id: string): string {
  return JSON.stringify([tenantId, id]);
}
